using System.Globalization;
using System.Text;

namespace Beacon.Core.Children;

/// <summary>
/// Names as Beacon compares them: lower case, accents and apostrophes gone ("Zoë O'Brien" → "zoe obrien"), spaces and
/// hyphens kept. Search matches on folded words, and lists sort on a folded key, so "Ćwik" sorts with the Cs and not
/// after "Zych" (which the databases' own orderings do, comparing the characters' codes).
/// </summary>
public static class NameFolding
{
    public static string Fold(string? name)
    {
        var decomposed = (name ?? "").Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (Unaccented.TryGetValue(c, out var plain)) kept.Append(plain);
            else if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) kept.Append(c);
            else if (c is ' ' or '-') kept.Append(c);
        }
        return kept.ToString();
    }

    // Letters whose accent is part of the letter, so decomposing leaves them as they are (Łukasik, Søren, Đorđević).
    private static readonly Dictionary<char, string> Unaccented = new()
    {
        ['ł'] = "l", ['ø'] = "o", ['đ'] = "d", ['ð'] = "d", ['ħ'] = "h", ['ı'] = "i", ['ŧ'] = "t",
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['þ'] = "th",
    };

    /// <summary>The longest a sort key can be: two names and the separator.</summary>
    public const int SortKeyMaxLength = 2 * Child.NameMaxLength + 1;

    /// <summary>
    /// The key a list sorts children by: last name, then first name, folded. The separator sorts before any letter,
    /// space or hyphen, so "Smith, Zara" comes before "Smithson, Adam" and "Smith-Jones".
    /// </summary>
    public static string SortKey(string lastName, string firstName) => $"{Fold(lastName)}\u0001{Fold(firstName)}";
}
