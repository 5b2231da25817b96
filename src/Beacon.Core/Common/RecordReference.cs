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

    /// <summary>Reads a reference as people type it: any case, with or without the dashes or spaces.</summary>
    public static bool TryRead(string? text, out string reference)
    {
        reference = "";
        if (text is null) return false;
        var match = Typed().Match(text.Trim());
        if (!match.Success) return false;
        reference = $"{char.ToUpperInvariant(match.Groups[1].Value[0])}-{match.Groups[2].Value.ToUpperInvariant()}-{match.Groups[3].Value.ToUpperInvariant()}";
        return true;
    }

    [GeneratedRegex(@"^([RrCc])[\s-]*([0-9A-Fa-f]{5})[\s-]*([0-9A-Fa-f]{5})$")]
    private static partial Regex Typed();
}
