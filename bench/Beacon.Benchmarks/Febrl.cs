using Beacon.Core.ScaleEstimation.Linkage;

/// <summary>
/// The FEBRL synthetic data sets and the linkage settings used on them. Shared with Beacon.Core.Tests (linked file),
/// so the unit test and the benchmark measure the same thing.
/// </summary>
public static class Febrl
{
    public const int GivenName = 0, Surname = 1, StreetNumber = 2, Address1 = 3, Address2 = 4, Suburb = 5, Postcode = 6, State = 7, DateOfBirth = 8, SocialSecurity = 9;

    /// <summary>The records of one or two files (the file's position is the record's source) and each record's person number.</summary>
    public static (List<LinkageRecord> Records, List<int> Person) Read(params string[] files)
    {
        var records = new List<LinkageRecord>();
        var person = new List<int>();
        for (var source = 0; source < files.Length; source++)
        {
            foreach (var line in File.ReadLines(files[source]).Skip(1))
            {
                if (line.Trim().Length == 0) continue;
                var cells = line.Split(',').Select(c => c.Trim()).ToArray();
                var id = cells[0].Split('-');
                person.Add(int.Parse(id[1]));
                records.Add(new LinkageRecord(source, cells.Skip(1).Select(c => c.Length == 0 ? null : c.ToLowerInvariant()).ToArray()));
            }
        }
        return (records, person);
    }

    public static IReadOnlySet<(int, int)> TruePairs(List<int> person, List<LinkageRecord> records, bool linkOnly)
    {
        var pairs = new HashSet<(int, int)>();
        foreach (var group in Enumerable.Range(0, person.Count).GroupBy(i => person[i]))
        {
            var members = group.ToArray();
            for (var i = 0; i < members.Length; i++)
                for (var j = i + 1; j < members.Length; j++)
                    if (!linkOnly || records[members[i]].Source != records[members[j]].Source)
                        pairs.Add((Math.Min(members[i], members[j]), Math.Max(members[i], members[j])));
        }
        return pairs;
    }

    public static LinkageSettings Settings(bool useSocialSecurity, bool linkOnly)
    {
        var comparisons = new List<Comparison>
        {
            new("Given name", GivenName, ComparisonKind.Name, TermFrequency: true),
            new("Surname", Surname, ComparisonKind.Name, TermFrequency: true),
            new("Date of birth", DateOfBirth, ComparisonKind.DateOfBirth),
            new("Street number", StreetNumber, ComparisonKind.ExactOrSlip),
            new("Address", Address1, ComparisonKind.Text),
            new("Address line 2", Address2, ComparisonKind.Text),
            new("Suburb", Suburb, ComparisonKind.Text, TermFrequency: true),
            new("Postcode", Postcode, ComparisonKind.ExactOrSlip),
            new("State", State, ComparisonKind.Exact),
        };
        var rules = new List<BlockingRule>
        {
            new("Date of birth", r => r[DateOfBirth]),
            new("Surname and given name's initial", r => r[Surname] is { } s && r[GivenName] is { } g ? s + "|" + g[0] : null),
            new("Given name and postcode", r => r[GivenName] is { } g && r[Postcode] is { } p ? g + "|" + p : null),
            new("Postcode and street number", r => r[Postcode] is { } p && r[StreetNumber] is { } n ? p + "|" + n : null),
            new("Surname and given name sound alike", r => r[Surname] is { } s && r[GivenName] is { } g ? Similarity.Soundex(s) + Similarity.Soundex(g) : null),
        };
        if (useSocialSecurity)
        {
            comparisons.Add(new("Social security id", SocialSecurity, ComparisonKind.ExactOrSlip));
            rules.Insert(0, new("Social security id", r => r[SocialSecurity]));
        }
        return new LinkageSettings(comparisons, rules) { LinkOnly = linkOnly };
    }
}
