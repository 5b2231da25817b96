namespace Beacon.Core.Common;

/// <summary>
/// A domain rule refused an action. The message is written for the practitioner who tried it,
/// so the web layer shows it as it is.
/// </summary>
public sealed class DomainRuleViolation(string message, string? field = null) : Exception(message)
{
    /// <summary>The input field the refusal is about, when there is one (shown beside that field).</summary>
    public string? Field { get; } = field;
}
