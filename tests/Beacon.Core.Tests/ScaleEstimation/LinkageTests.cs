using Beacon.Core.ScaleEstimation.Linkage;

namespace Beacon.Core.Tests.ScaleEstimation;

public class LinkageTests
{
    [Theory]
    [InlineData("943 476 5919", true)]
    [InlineData("9434765919", true)]
    [InlineData("9434765918", false)] // wrong check digit
    [InlineData("943476591", false)]
    [InlineData("94347659190", false)]
    [InlineData("943476591X", false)]
    [InlineData(null, false)]
    public void NHS_numbers_are_checked_with_their_modulus_11_digit(string? value, bool valid) =>
        Assert.Equal(valid, PersonLinkage.IsValidNhsNumber(value));

    [Fact]
    public void Nine_digits_whose_check_would_be_10_have_no_valid_NHS_number()
    {
        // 1,2,3,4,5,6,7,8,0 weighted 10..2 sums to 192; 192 mod 11 is 5; 11 - 5 = 6.
        Assert.Equal("1234567806", PersonLinkage.WithCheckDigit("123456780"));
        Assert.True(PersonLinkage.IsValidNhsNumber("1234567806"));
        // 9 × weight 5 = 45; 45 mod 11 is 1; 11 - 1 = 10, which no digit can hold.
        Assert.Null(PersonLinkage.WithCheckDigit("000009000"));
    }

    [Theory]
    [InlineData("Robert", "R163")]
    [InlineData("Rupert", "R163")]
    [InlineData("Ashcraft", "A261")]
    [InlineData("Tymczak", "T522")]
    [InlineData("Pfister", "P236")]
    [InlineData("Lee", "L000")]
    public void Soundex_codes_follow_the_standard_rule(string name, string code) => Assert.Equal(code, Similarity.Soundex(name));

    [Theory]
    [InlineData("20080314", "20080314", 1)]
    [InlineData("20080304", "20080403", 2)] // day and month swapped
    [InlineData("20080314", "20080315", 3)] // one digit
    [InlineData("20080314", "20081314", 3)]
    [InlineData("20080314", "20081122", 4)] // same year
    [InlineData("20080314", "19990101", 5)]
    public void Dates_of_birth_tolerate_swapped_day_and_month_and_single_slips(string a, string b, int level) =>
        Assert.Equal(level, new Comparison("Date of birth", 0, ComparisonKind.DateOfBirth).Compare(a, b));

    [Theory]
    [InlineData("S11AA", "S11AA", 1)]
    [InlineData("S11AA", "S11ZZ", 2)] // same sector, S1 1
    [InlineData("S11AA", "S12AA", 3)] // same district, S1
    [InlineData("S11AA", "S21AA", 4)]
    public void Postcodes_compare_by_sector_and_district(string a, string b, int level) =>
        Assert.Equal(level, new Comparison("Postcode", 0, ComparisonKind.UkPostcode).Compare(a, b));

    [Fact]
    public void Names_compare_by_Jaro_Winkler_and_sound_and_aliases_count()
    {
        var name = new Comparison("Given name", 0, ComparisonKind.Name);
        Assert.Equal(1, name.Compare("jessica", "jessica"));
        Assert.Equal(2, name.Compare("jessica", "jesica"));
        Assert.Equal(3, name.Compare("stephen", "steven")); // sound alike
        Assert.Equal(4, name.Compare("jessica", "mohammed"));
        Assert.Equal(1, name.Compare("jess|jessica", "jessica"));
        Assert.Equal(0, name.Compare(null, "jessica"));
    }

    [Fact]
    public void Person_records_are_normalised_before_comparing()
    {
        var values = PersonLinkage.Normalise(new ListedPerson("Zoë-Anne", "O'Brien", ["Zo Smith"], new DateOnly(2009, 4, 3), "female", "bx1 2ab", "943 476 5919"));
        Assert.Equal("zoeanne|zo", values[PersonLinkage.GivenName]);
        Assert.Equal("obrien", values[PersonLinkage.Surname]);
        Assert.Equal("20090403", values[PersonLinkage.DateOfBirth]);
        Assert.Equal("f", values[PersonLinkage.Sex]);
        Assert.Equal("BX12AB", values[PersonLinkage.Postcode]);
        Assert.Equal("9434765919", values[PersonLinkage.NhsNumber]);
        Assert.Null(PersonLinkage.Normalise(new ListedPerson("A", "B", [], null, null, "not a postcode", "1234567890"))[PersonLinkage.NhsNumber]);
    }

    private static readonly string Folder = Path.Combine(RepositoryRoot(), "bench", "data", "febrl");

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Beacon.slnx"))) dir = dir.Parent;
        return dir.FullName;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FEBRL_dataset_1_is_deduplicated_with_F1_of_at_least_095(bool useSocialSecurity)
    {
        var (records, person) = Febrl.Read(Path.Combine(Folder, "dataset1.csv"));
        var result = new Linker(Febrl.Settings(useSocialSecurity, linkOnly: false)).Run(records, ct: TestContext.Current.CancellationToken);
        var score = PairScore.Of(result.SamePersonPairs(), Febrl.TruePairs(person, records, linkOnly: false));
        Assert.True(score.F1 >= 0.95, $"F1 {score.F1:F4} (precision {score.Precision:F4}, recall {score.Recall:F4})");
    }

    [Fact]
    public void FEBRL_4a_and_4b_are_linked_across_the_files_only()
    {
        var (records, person) = Febrl.Read(Path.Combine(Folder, "dataset4a.csv"), Path.Combine(Folder, "dataset4b.csv"));
        var result = new Linker(Febrl.Settings(useSocialSecurity: false, linkOnly: true)).Run(records, ct: TestContext.Current.CancellationToken);
        Assert.All(result.Pairs, p => Assert.NotEqual(records[p.Left].Source, records[p.Right].Source));
        var score = PairScore.Of(result.SamePersonPairs(), Febrl.TruePairs(person, records, linkOnly: true));
        Assert.True(score.F1 >= 0.95, $"F1 {score.F1:F4}");
    }

    /// <summary>A small made-up population, a third of it listed twice with a slip or two.</summary>
    private static (List<LinkageRecord> Records, List<int> Person) Population(int people, int seed)
    {
        string[] given = ["amira", "bethany", "chloe", "daisy", "ellie", "freya", "grace", "hannah", "isla", "jade", "kayla", "lily", "maya", "nadia", "olivia", "poppy", "ruby", "sophie", "tia", "zara"];
        string[] surnames = ["ashdown", "brightwell", "carrow", "dunmore", "elsworth", "fenwick", "garside", "holloway", "ingham", "jessop", "kettering", "lowther", "marwood", "northcott", "oakley", "pemberton"];
        var random = new Random(seed);
        var records = new List<LinkageRecord>();
        var person = new List<int>();
        for (var p = 0; p < people; p++)
        {
            string?[] values = [given[random.Next(given.Length)], surnames[random.Next(surnames.Length)], new DateOnly(2006, 1, 1).AddDays(random.Next(3650)).ToString("yyyyMMdd"),
                "f", $"BX{random.Next(1, 10)}{random.Next(10)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}", null];
            records.Add(new LinkageRecord(0, values));
            person.Add(p);
            if (p % 3 != 0) continue;
            var copy = (string?[])values.Clone();
            if (random.Next(2) == 0) copy[PersonLinkage.Surname] = copy[PersonLinkage.Surname]![..^1];
            if (random.Next(3) == 0) copy[PersonLinkage.Postcode] = null;
            records.Add(new LinkageRecord(1, copy));
            person.Add(p);
        }
        return (records, person);
    }

    [Fact]
    public void A_small_population_is_deduplicated_and_the_waterfall_adds_up_to_each_pairs_weight()
    {
        var (records, person) = Population(1_500, seed: 4);
        var result = new Linker(PersonLinkage.Settings).Run(records, ct: TestContext.Current.CancellationToken);
        var score = PairScore.Of(result.SamePersonPairs(), Febrl.TruePairs(person, records, linkOnly: false));
        Assert.True(score.F1 >= 0.95, $"F1 {score.F1:F4}");

        var pair = result.Pairs.OrderByDescending(p => p.Weight).First();
        var steps = result.Model.Explain(records[pair.Left], records[pair.Right]);
        Assert.Equal(PersonLinkage.Settings.Comparisons.Count + 1, steps.Count);
        Assert.Equal(pair.Weight, steps[^1].Running, 6);
        Assert.Equal(pair.Weight, steps.Sum(s => s.Bits + s.TermFrequencyBits), 6);
        Assert.Contains(steps, s => s.Comparison == "NHS number" && s.Level == "missing on one side" && s.Bits == 0);
    }

    [Fact]
    public void An_analysts_decisions_override_the_threshold_in_later_runs()
    {
        var (records, _) = Population(600, seed: 9);
        var linker = new Linker(PersonLinkage.Settings);
        var first = linker.Run(records, ct: TestContext.Current.CancellationToken);
        var linked = first.Pairs.First(p => p.Weight >= first.LinkWeight);
        // Any two records Beacon kept apart: an analyst who knows better can join them.
        var unlinked = (Left: 0, Right: Enumerable.Range(1, records.Count - 1).First(i => first.PersonOf[i] != first.PersonOf[0]));
        Assert.Equal(first.PersonOf[linked.Left], first.PersonOf[linked.Right]);

        var second = linker.Run(records, [new PairDecision(linked.Left, linked.Right, SamePerson: false), new PairDecision(unlinked.Left, unlinked.Right, SamePerson: true)],
            TestContext.Current.CancellationToken);
        Assert.NotEqual(second.PersonOf[linked.Left], second.PersonOf[linked.Right]);
        Assert.Equal(second.PersonOf[unlinked.Left], second.PersonOf[unlinked.Right]);
        Assert.DoesNotContain(second.Borderline, p => (p.Left, p.Right) == (linked.Left, linked.Right) || (p.Left, p.Right) == (unlinked.Left, unlinked.Right));
    }

    [Fact]
    public void Common_names_count_for_less_than_rare_ones()
    {
        var (records, _) = Population(600, seed: 2);
        records.AddRange(Enumerable.Range(0, 200).Select(i => new LinkageRecord(0, ["amira", "smith", $"2001{i % 12 + 1:00}01", "f", null, null])));
        records.Add(new LinkageRecord(0, ["amira", "quennell", "20020101", "f", null, null]));
        records.Add(new LinkageRecord(1, ["amira", "quennell", "20030101", "f", null, null]));
        var result = new Linker(PersonLinkage.Settings).Run(records, ct: TestContext.Current.CancellationToken);
        var common = result.Model.Explain(records[^3], records[^4]).Single(s => s.Comparison == "Surname");
        var rare = result.Model.Explain(records[^2], records[^1]).Single(s => s.Comparison == "Surname");
        Assert.True(rare.Bits + rare.TermFrequencyBits > common.Bits + common.TermFrequencyBits + 3);
    }
}
