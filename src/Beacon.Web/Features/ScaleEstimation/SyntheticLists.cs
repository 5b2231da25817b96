using Beacon.Core.ScaleEstimation.Linkage;
using Bogus;

namespace Beacon.Web.Features.ScaleEstimation;

/// <summary>One entry on a generated list, with the person it truly is (known only because it is made up).</summary>
public sealed record SyntheticEntry(int Person, int List, ListedPerson Record);

/// <summary>
/// Plainly fictional people on overlapping agency lists, written with the slips real lists have: typing errors,
/// day and month swapped, a missing or old postcode, a nickname, no NHS number. For the demo, tests and benchmarks.
/// </summary>
public sealed class SyntheticLists(int seed)
{
    private readonly Faker _faker = new("en_GB") { Random = new Randomizer(seed) };
    private readonly Random _random = new(seed);

    public ListedPerson Person()
    {
        var female = _random.NextDouble() < 0.7;
        string? nhs = null;
        while (nhs is null) nhs = PersonLinkage.WithCheckDigit(_random.NextInt64(400_000_000, 999_999_999).ToString());
        return new ListedPerson(
            _faker.Name.FirstName(female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male),
            _faker.Name.LastName(),
            [],
            new DateOnly(2004, 1, 1).AddDays(_random.Next(0, 365 * 12)),
            female ? "F" : "M",
            Postcode(),
            nhs);
    }

    /// <summary>A fictional postcode in one made-up borough's districts (BX1–BX9), so sectors are shared as in a real place.</summary>
    private string Postcode() => $"BX{_random.Next(1, 10)} {_random.Next(0, 10)}{(char)('A' + _random.Next(0, 26))}{(char)('A' + _random.Next(0, 26))}";

    /// <summary>The same person as another agency might have written them down.</summary>
    public ListedPerson Retyped(ListedPerson p, double slips = 1)
    {
        var given = p.GivenName;
        var surname = p.Surname;
        var dob = p.DateOfBirth;
        var postcode = p.Postcode;
        var nhs = p.NhsNumber;
        var aliases = p.Aliases;
        if (Chance(0.15 * slips)) given = Typo(given);
        if (Chance(0.15 * slips)) surname = Typo(surname);
        if (Chance(0.05 * slips) && given is { Length: > 3 }) aliases = [given[..3]];
        if (Chance(0.05 * slips) && dob is { Day: <= 12 } d) dob = new DateOnly(d.Year, d.Day, d.Month);
        else if (Chance(0.05 * slips) && dob is { } d2) dob = d2.AddDays(_random.Next(1, 10));
        if (Chance(0.15 * slips)) postcode = Chance(0.5) ? null : Postcode();
        if (Chance(0.5)) nhs = null;
        return p with { GivenName = given, Surname = surname, DateOfBirth = dob, Postcode = postcode, NhsNumber = nhs, Aliases = aliases };
    }

    private bool Chance(double p) => _random.NextDouble() < p;

    private string? Typo(string? value)
    {
        if (value is not { Length: > 2 }) return value;
        var i = _random.Next(1, value.Length - 1);
        var letter = (char)('a' + _random.Next(0, 26));
        return _random.Next(4) switch
        {
            0 => value.Remove(i, 1),
            1 => value.Insert(i, letter.ToString()),
            2 => value[..i] + letter + value[(i + 1)..],
            _ => value[..(i - 1)] + value[i] + value[i - 1] + value[(i + 1)..],
        };
    }

    /// <summary>
    /// A population of which each list sees each person independently with its own probability (the assumptions of
    /// the simplest estimation model), some listed twice by the same agency.
    /// </summary>
    public List<SyntheticEntry> Lists(int population, IReadOnlyList<double> captureProbabilities, double listedTwice = 0.03)
    {
        var entries = new List<SyntheticEntry>();
        for (var person = 0; person < population; person++)
        {
            var truth = Person();
            for (var list = 0; list < captureProbabilities.Count; list++)
            {
                if (!Chance(captureProbabilities[list])) continue;
                entries.Add(new SyntheticEntry(person, list, Retyped(truth)));
                if (Chance(listedTwice)) entries.Add(new SyntheticEntry(person, list, Retyped(truth)));
            }
        }
        return entries;
    }
}
