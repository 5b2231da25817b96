
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

    /// <summary>Required text, trimmed, no longer than <paramref name="maxLength"/>.</summary>
    public static string Text(string? value, string field, string message, int maxLength)
    {
        var trimmed = Required(value, field, message);
        return trimmed.Length > maxLength
            ? throw new DomainRuleViolation($"Must be {maxLength} characters or fewer", field)
            : trimmed;
    }
}
