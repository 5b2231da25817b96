using System.Text.RegularExpressions;

namespace Beacon.Core.Common;

/// <summary>
/// The short reference people quote for a referral (R-…) or a case (C-…) on the phone, in an email or on a form:
/// ten hexadecimal characters from the record's id, grouped in fives. Ten characters keep two of a borough's million
/// records from sharing one (and a search shows both if they ever do).
/// </summary>
public static partial class RecordReference
{
    public const int MaxLength = 13;

    public static string ForReferral(Guid id) => Format('R', id);

    public static string ForCase(Guid id) => Format('C', id);

    private static string Format(char kind, Guid id)
    {
        var hex = id.ToString("N").ToUpperInvariant();
        return $"{kind}-{hex[..5]}-{hex[5..10]}";
    }

    /// <summary>
    /// Reads a reference as people type it: any case, with or without the dashes (hyphens, or the en and em dashes a
    /// word processor or email puts in their place) or spaces, and with or without its letter. Without the letter it
    /// could be either a referral's or a case's, so both are given.
    /// </summary>
    public static bool TryRead(string? text, out IReadOnlyList<string> references)
    {
        references = [];
        if (text is null) return false;
        var match = Typed().Match(text.Trim());
        // Without its letter a reference must have a digit, so a name made of the letters a–f is still a name.
        if (!match.Success || (match.Groups[1].Length == 0 && !(match.Groups[2].Value + match.Groups[3].Value).Any(char.IsAsciiDigit))) return false;
        var digits = $"{match.Groups[2].Value.ToUpperInvariant()}-{match.Groups[3].Value.ToUpperInvariant()}";
        references = match.Groups[1].Length == 0
            ? [$"R-{digits}", $"C-{digits}"]
            : [$"{char.ToUpperInvariant(match.Groups[1].Value[0])}-{digits}"];
        return true;
    }

    // \p{Pd}: any dash punctuation (hyphen, en dash, em dash …); U+2212 is the minus sign.
    [GeneratedRegex(@"^([RrCc]?)[\s\p{Pd}\u2212]*([0-9A-Fa-f]{5})[\s\p{Pd}\u2212]*([0-9A-Fa-f]{5})$")]
    private static partial Regex Typed();
}
