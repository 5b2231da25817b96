using System.Globalization;
using System.Text;

namespace Beacon.Core.ScaleEstimation.Linkage;

/// <summary>A person as an agency's list records them, before normalising.</summary>
public sealed record ListedPerson(
    string? GivenName,
    string? Surname,
    IReadOnlyList<string> Aliases,
    DateOnly? DateOfBirth,
    string? Sex,
    string? Postcode,
    string? NhsNumber);

/// <summary>
/// How Beacon links people across agencies' lists: the fields, their normal forms, the comparisons and blocking rules.
/// </summary>
public static class PersonLinkage
{
    public const int GivenName = 0, Surname = 1, DateOfBirth = 2, Sex = 3, Postcode = 4, NhsNumber = 5;

    public static LinkageSettings Settings { get; } = new(
        [
            new Comparison("Given name", GivenName, ComparisonKind.Name, TermFrequency: true),
            new Comparison("Surname", Surname, ComparisonKind.Name, TermFrequency: true),
            new Comparison("Date of birth", DateOfBirth, ComparisonKind.DateOfBirth),
            new Comparison("Sex", Sex, ComparisonKind.Exact),
            new Comparison("Postcode", Postcode, ComparisonKind.UkPostcode),
            new Comparison("NHS number", NhsNumber, ComparisonKind.Exact),
        ],
        [
            new BlockingRule("NHS number", r => r[NhsNumber]),
            new BlockingRule("Date of birth and surname's initial", r => r[DateOfBirth] is { } d && r[Surname] is { } s ? d + s[0] : null),
            new BlockingRule("Given name and surname", r => r[GivenName] is { } g && r[Surname] is { } s ? First(g) + "|" + First(s) : null),
            new BlockingRule("Postcode and year of birth", r => r[Postcode] is { } p && r[DateOfBirth] is { } d ? p + d[..4] : null),
            new BlockingRule("Names sound alike, and year of birth", r => r[GivenName] is { } g && r[Surname] is { } s && r[DateOfBirth] is { } d
                ? Similarity.Soundex(First(g)) + Similarity.Soundex(First(s)) + d[..4] : null),
        ]);

    private static string First(string alternatives) => alternatives.Split('|')[0];

    /// <summary>The record linkage compares: names lower case letters only (aliases as alternatives), dates yyyymmdd, postcodes upper case without spaces.</summary>
    public static string?[] Normalise(ListedPerson person)
    {
        var given = new[] { NormaliseName(person.GivenName) }
            .Concat(person.Aliases.Select(a => NormaliseName(a.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault())))
            .Where(n => n is not null).Distinct().ToArray();
        return
        [
            given.Length == 0 ? null : string.Join('|', given),
            NormaliseName(person.Surname),
            person.DateOfBirth?.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            person.Sex is { Length: > 0 } sex ? sex.Trim()[..1].ToUpperInvariant() switch { "M" => "m", "F" => "f", _ => null } : null,
            NormalisePostcode(person.Postcode),
            IsValidNhsNumber(person.NhsNumber) ? Digits(person.NhsNumber!) : null,
        ];
    }

    public static string? NormaliseName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var text = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            if (char.IsLetter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(char.ToLowerInvariant(c));
        return builder.Length == 0 ? null : builder.ToString();
    }

    public static string? NormalisePostcode(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode)) return null;
        var compact = new string(postcode.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return compact.Length is >= 5 and <= 7 && char.IsDigit(compact[^3]) ? compact : null;
    }

    private static string Digits(string value) => new(value.Where(char.IsDigit).ToArray());

    /// <summary>Ten digits (spaces allowed) whose last is the modulus 11 check digit of the first nine.</summary>
    public static bool IsValidNhsNumber(string? value)
    {
        if (value is null) return false;
        if (value.Any(c => !char.IsDigit(c) && c != ' ' && c != '-')) return false;
        var digits = Digits(value);
        if (digits.Length != 10) return false;
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (digits[i] - '0') * (10 - i);
        var check = 11 - sum % 11;
        if (check == 11) check = 0;
        return check != 10 && check == digits[9] - '0';
    }

    /// <summary>A valid NHS number from nine digits (null when those nine have no valid check digit).</summary>
    public static string? WithCheckDigit(string nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (nineDigits[i] - '0') * (10 - i);
        var check = 11 - sum % 11;
        if (check == 11) check = 0;
        return check == 10 ? null : nineDigits + (char)('0' + check);
    }
}
