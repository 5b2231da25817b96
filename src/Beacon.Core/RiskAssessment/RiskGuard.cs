using Beacon.Core.Common;

namespace Beacon.Core.RiskAssessment;

/// <summary>Input guards for this folder (kept local so risk rules do not lean on other features' helpers).</summary>
internal static class RiskGuard
{
    /// <summary>Unspecified is taken as UTC (databases return it so); local time is refused because it would shift every due date.</summary>
    public static DateTime Utc(DateTime value, string field) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => throw new DomainRuleViolation("Times must be recorded in UTC, not server local time.", field),
    };

    public static string Required(string? value, string field, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainRuleViolation(message, field) : value.Trim();
}
