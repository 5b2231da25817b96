using System.ComponentModel.DataAnnotations;
using Beacon.Core.Common;

namespace Beacon.Core.RiskAssessment;

/// <summary>Events after sign-off that make the assessment out of date at once.</summary>
public enum ReassessmentTriggerKind
{
    [Display(Name = "New missing episode")] MissingEpisode = 1,
    [Display(Name = "New police report")] PoliceReport = 2,
    [Display(Name = "New referral")] Referral = 3,
}

public sealed record ReassessmentTrigger(ReassessmentTriggerKind Kind, DateTime OccurredAtUtc);

public enum ReassessmentReason
{
    /// <summary>The child has no signed-off assessment: one is due now.</summary>
    [Display(Name = "No assessment")] NoAssessment = 1,
    /// <summary>The interval for the level has run (or will run) out.</summary>
    [Display(Name = "Scheduled review")] Scheduled = 2,
    /// <summary>Something happened after sign-off: due from the moment it happened.</summary>
    [Display(Name = "Trigger event")] TriggerEvent = 3,
    /// <summary>The schedule sets no review for this level and nothing has happened since.</summary>
    [Display(Name = "Not required")] NotRequired = 4,
}

/// <summary>
/// When the next assessment is due. <see cref="DueAtUtc"/> is null when there is no assessment
/// (due now, with nothing to date it from) or none is required.
/// </summary>
public sealed record ReassessmentDue(
    ReassessmentReason Reason,
    DateTime? DueAtUtc,
    ExploitationRiskLevel? Level = null,
    ReassessmentTrigger? Trigger = null)
{
    public bool IsDueBy(DateTime nowUtc) => Reason switch
    {
        ReassessmentReason.NoAssessment => true,
        ReassessmentReason.NotRequired => false,
        _ => DueAtUtc <= nowUtc,
    };
}

/// <summary>
/// How long a signed-off assessment stays current, by level. Bindable from configuration.
/// Defaults: serious 4 weeks, significant 3 months, at risk 6 months, no apparent risk 12 months.
/// "No apparent risk" is re-screened yearly rather than never because a child known to services
/// can drift into risk without any trigger event being recorded; set
/// <see cref="NoApparentRiskMonths"/> to null for no scheduled review.
/// </summary>
public sealed record ReassessmentSchedule
{
    public const string ConfigurationSection = "RiskReassessment";

    public static ReassessmentSchedule Default { get; } = new();

    public int SeriousWeeks { get; init; } = 4;
    public int SignificantMonths { get; init; } = 3;
    public int AtRiskMonths { get; init; } = 6;
    public int? NoApparentRiskMonths { get; init; } = 12;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (SeriousWeeks < 1) problems.Add("Serious risk must be reviewed after at least 1 week.");
        if (SignificantMonths < 1) problems.Add("Significant risk must be reviewed after at least 1 month.");
        if (AtRiskMonths < 1) problems.Add("At risk must be reviewed after at least 1 month.");
        if (NoApparentRiskMonths is < 1) problems.Add("No apparent risk must be reviewed after at least 1 month, or not at all.");
        // Higher risk must never wait longer than lower risk.
        if (SeriousWeeks * 7 > SignificantMonths * 28) problems.Add("Serious risk must be reviewed no later than significant risk.");
        if (SignificantMonths > AtRiskMonths) problems.Add("Significant risk must be reviewed no later than at risk.");
        if (AtRiskMonths > NoApparentRiskMonths) problems.Add("At risk must be reviewed no later than no apparent risk.");
        return problems;
    }

    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0)
            throw new DomainRuleViolation("The reassessment settings are not valid: " + string.Join(" ", problems));
    }

    /// <summary>The scheduled review date for a level signed off at a time; null when the level has no scheduled review.</summary>
    public DateTime? ScheduledDue(ExploitationRiskLevel level, DateTime signedOffAtUtc)
    {
        var at = Guard.AsUtc(signedOffAtUtc, nameof(signedOffAtUtc));
        return level switch
        {
            ExploitationRiskLevel.Serious => at.AddDays(7 * SeriousWeeks),
            ExploitationRiskLevel.Significant => at.AddMonths(SignificantMonths),
            ExploitationRiskLevel.AtRisk => at.AddMonths(AtRiskMonths),
            ExploitationRiskLevel.NoApparentRisk => NoApparentRiskMonths is { } months ? at.AddMonths(months) : null,
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown risk level."),
        };
    }

    /// <summary>
    /// When the child's next assessment is due, from their latest signed-off assessment (null if
    /// they have none) and the times of trigger events. A trigger after sign-off makes it due from
    /// that moment; otherwise (or if the schedule falls earlier) the level's interval decides.
    /// </summary>
    public ReassessmentDue DueFor(RiskAssessment? latestSignedOff, IEnumerable<ReassessmentTrigger> triggers)
    {
        if (latestSignedOff is null)
            return new ReassessmentDue(ReassessmentReason.NoAssessment, null);
        if (latestSignedOff.Level is not { } level || latestSignedOff.SignedOffAtUtc is not { } signedOffAt)
            throw new ArgumentException("Reassessment is worked out from a signed-off assessment, not a draft.", nameof(latestSignedOff));
        return DueFor(level, signedOffAt, triggers);
    }

    /// <summary>The same rule from a level and sign-off time, for callers that project them from the database.</summary>
    public ReassessmentDue DueFor(ExploitationRiskLevel level, DateTime signedOffAtUtc, IEnumerable<ReassessmentTrigger> triggers)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        var signedOff = Guard.AsUtc(signedOffAtUtc, nameof(signedOffAtUtc));
        var scheduled = ScheduledDue(level, signedOff);

        // Strictly after: an event already known when the assessment was signed off was part of it.
        var firstTrigger = triggers
            .Select(t => t with { OccurredAtUtc = Guard.AsUtc(t.OccurredAtUtc, nameof(ReassessmentTrigger.OccurredAtUtc)) })
            .Where(t => t.OccurredAtUtc > signedOff)
            .MinBy(t => t.OccurredAtUtc);

        if (firstTrigger is not null && (scheduled is null || firstTrigger.OccurredAtUtc < scheduled))
            return new ReassessmentDue(ReassessmentReason.TriggerEvent, firstTrigger.OccurredAtUtc, level, firstTrigger);
        return scheduled is null
            ? new ReassessmentDue(ReassessmentReason.NotRequired, null, level)
            : new ReassessmentDue(ReassessmentReason.Scheduled, scheduled, level);
    }
}
