using Beacon.Core.Common;

namespace Beacon.Core.ScaleEstimation;

/// <summary>
/// One estimate of the true scale, kept with everything needed to trace and repeat it: the lists and period chosen,
/// the settings, what linkage found, the capture-history table it estimated from, and the result. A run is linked
/// first (the analyst reviews borderline pairs), then estimated once; a later review starts a new run.
/// </summary>
public sealed class EstimationRun : IVersioned
{
    public const int MaxSources = 10;

    public Guid Id { get; private set; }
    public int Version { get; set; }
    public Guid OrganisationId { get; private set; }
    public string StartedByUserId { get; private set; } = "";
    public DateTime StartedAtUtc { get; private set; }
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    /// <summary>JSON: each list's key, name and how many records it gave.</summary>
    public string SourcesJson { get; private set; } = "[]";
    public double LinkProbability { get; private set; }
    public double Threshold { get; private set; }
    public int BootstrapSamples { get; private set; }
    public int Seed { get; private set; }
    public int Records { get; private set; }
    public int People { get; private set; }
    public long ComparedPairs { get; private set; }
    /// <summary>JSON: the pairs near the threshold, with both records and the weight's waterfall.</summary>
    public string BorderlineJson { get; private set; } = "[]";

    public DateTime? EstimatedAtUtc { get; private set; }
    public string? EstimatedByUserId { get; private set; }
    public int DecisionsApplied { get; private set; }
    /// <summary>The capture-history table estimated from, in SparseMSE's layout (the CLI's estimate verb reads it).</summary>
    public string? CaptureHistories { get; private set; }
    public long? Observed { get; private set; }
    public double? Estimate { get; private set; }
    public double? Lower { get; private set; }
    public double? Upper { get; private set; }
    /// <summary>JSON: the whole result (model, sensitivity, warnings), or the reason there is no estimate.</summary>
    public string? ResultJson { get; private set; }
    public string? Refusal { get; private set; }

    public bool IsEstimated => EstimatedAtUtc is not null;

    private EstimationRun() { }

    /// <summary>The period and the number of lists a run needs: checked before linking, which is the slow part.</summary>
    public static void CheckRequest(DateTime nowUtc, [System.Diagnostics.CodeAnalysis.NotNull] DateOnly? from, [System.Diagnostics.CodeAnalysis.NotNull] DateOnly? to, int sources)
    {
        if (from is null) throw new DomainRuleViolation("Enter the first day of the period", nameof(PeriodFrom));
        if (to is null) throw new DomainRuleViolation("Enter the last day of the period", nameof(PeriodTo));
        if (to < from) throw new DomainRuleViolation("The period's last day must be on or after its first", nameof(PeriodTo));
        if (to > DateOnly.FromDateTime(nowUtc)) throw new DomainRuleViolation("The period cannot end in the future", nameof(PeriodTo));
        if (sources < 2) throw new DomainRuleViolation("Choose at least two lists: estimation works from the overlaps between lists", "Sources");
        if (sources > MaxSources) throw new DomainRuleViolation($"Choose at most {MaxSources} lists", "Sources");
    }

    public static EstimationRun Link(Guid organisationId, string userId, DateTime nowUtc, DateOnly? from, DateOnly? to, int sources, string sourcesJson,
        double linkProbability, double threshold, int bootstrapSamples, int seed, int records, int people, long compared, string borderlineJson)
    {
        CheckRequest(nowUtc, from, to, sources);
        return new EstimationRun
        {
            Id = Guid.NewGuid(), OrganisationId = organisationId, StartedByUserId = userId, StartedAtUtc = nowUtc, PeriodFrom = from.Value, PeriodTo = to.Value,
            SourcesJson = sourcesJson, LinkProbability = linkProbability, Threshold = threshold, BootstrapSamples = bootstrapSamples, Seed = seed,
            Records = records, People = people, ComparedPairs = compared, BorderlineJson = borderlineJson,
        };
    }

    public void RecordEstimate(string userId, DateTime nowUtc, int decisions, int people, string captureHistories, long observed,
        double? estimate, double? lower, double? upper, string? resultJson, string? refusal)
    {
        if (IsEstimated) throw new DomainRuleViolation("This run has been estimated already. Start a new run to estimate again.");
        EstimatedByUserId = userId;
        EstimatedAtUtc = nowUtc;
        DecisionsApplied = decisions;
        People = people;
        CaptureHistories = captureHistories;
        Observed = observed;
        Estimate = estimate;
        Lower = lower;
        Upper = upper;
        ResultJson = resultJson;
        Refusal = refusal;
    }
}

/// <summary>
/// An analyst's ruling on whether two records are one child. Kept (never changed: a later ruling on the same pair
/// supersedes it) and applied to every later linkage of those records.
/// </summary>
public sealed class LinkDecision
{
    public const int KeyMaxLength = 60;
    public const int ReasonMaxLength = 500;

    public Guid Id { get; private set; }
    public string LeftKey { get; private set; } = "";
    public string RightKey { get; private set; } = "";
    public bool SamePerson { get; private set; }
    public string? Reason { get; private set; }
    public Guid RunId { get; private set; }
    public string DecidedByUserId { get; private set; } = "";
    public DateTime DecidedAtUtc { get; private set; }

    private LinkDecision() { }

    public static LinkDecision Record(string leftKey, string rightKey, bool samePerson, string? reason, Guid runId, string userId, DateTime nowUtc)
    {
        if (leftKey == rightKey) throw new DomainRuleViolation("A record cannot be linked to itself");
        if (reason?.Trim().Length > ReasonMaxLength) throw new DomainRuleViolation($"The reason must be {ReasonMaxLength} characters or fewer", nameof(Reason));
        var (left, right) = string.CompareOrdinal(leftKey, rightKey) < 0 ? (leftKey, rightKey) : (rightKey, leftKey);
        return new LinkDecision
        {
            Id = Guid.NewGuid(), LeftKey = left, RightKey = right, SamePerson = samePerson, Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            RunId = runId, DecidedByUserId = userId, DecidedAtUtc = nowUtc,
        };
    }
}
