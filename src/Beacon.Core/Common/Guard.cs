
namespace Beacon.Core.Common;

/// <summary>Input guards shared by every domain type, so each refuses bad input with the same words.</summary>
internal static class Guard
{
    /// <summary>
    /// Treats an unspecified kind as UTC (that is how databases hand instants back) but refuses a
    /// local time, which would silently shift every timescale by the server's offset.
    /// </summary>
    public static DateTime AsUtc(DateTime value, string? field = null) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => throw new DomainRuleViolation("Times must be recorded in UTC, not server local time.", field),
    };

    public static string Required(string? value, string field, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainRuleViolation(message, field) : value.Trim();

    public const int FreeTextMaxLength = TextLimits.FreeText;

    /// <summary>Optional text, trimmed (null when blank), no longer than <paramref name="maxLength"/>.</summary>
    public static string? Optional(string? value, string field, int maxLength = FreeTextMaxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        return trimmed.Length > maxLength ? throw new DomainRuleViolation($"Must be {maxLength} characters or fewer", field) : trimmed;
    }

    /// <summary>Required text, trimmed, no longer than <paramref name="maxLength"/>.</summary>
    public static string Text(string? value, string field, string message, int maxLength = FreeTextMaxLength)
    {
        var trimmed = Required(value, field, message);
        return trimmed.Length > maxLength
            ? throw new DomainRuleViolation($"Must be {maxLength} characters or fewer", field)
            : trimmed;
    }
}

/// <summary>How long each kind of text may be: domain rules, which the database columns follow.</summary>
public static class TextLimits
{
    /// <summary>The longest free text Beacon keeps in one field (a referral's account, a reason, evidence).</summary>
    public const int FreeText = 4000;
    public const int Postcode = 10;
}
