namespace Beacon.Core.RiskAssessment;

public sealed record IndicatorContribution(RiskIndicator Indicator, int Weight, bool IsOverride);

public sealed record ThresholdCrossed(ExploitationRiskLevel Level, int Threshold);

/// <summary>
/// The computed level and why: the total, every threshold the total reached, and any override
/// that fired. Shown beside the level so a practitioner can see how it was reached.
/// </summary>
public sealed record RiskScore(
    ExploitationRiskLevel Level,
    int Score,
    ExploitationRiskLevel LevelFromScore,
    IReadOnlyList<IndicatorContribution> Contributions,
    IReadOnlyList<ThresholdCrossed> ThresholdsCrossed,
    IReadOnlyList<RiskIndicator> OverridesFired)
{
    public bool OverrideFired => OverridesFired.Count > 0;

    public string Explanation
    {
        get
        {
            var parts = new List<string>();
            var counted = Contributions.Count == 1 ? "1 indicator" : $"{Contributions.Count} indicators";
            parts.Add(ThresholdsCrossed.Count == 0
                ? $"Score {Score} from {counted}: below the at risk threshold, so no apparent risk."
                : $"Score {Score} from {counted} reaches the {ThresholdsCrossed[^1].Level.DisplayName().ToLowerInvariant()} threshold ({ThresholdsCrossed[^1].Threshold}).");
            if (OverrideFired)
                parts.Add($"{string.Join(" and ", OverridesFired.Select(i => i.Label))} makes the level serious risk at once.");
            return string.Join(" ", parts);
        }
    }
}
