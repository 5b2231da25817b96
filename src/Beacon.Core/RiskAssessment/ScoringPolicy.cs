using Beacon.Core.Common;

namespace Beacon.Core.RiskAssessment;

/// <summary>
/// How ticked indicators become a level: each indicator adds its weight, the total is compared
/// with ascending thresholds, and any override indicator makes the level serious whatever the
/// total. Bindable from configuration (section <see cref="ConfigurationSection"/>) so a
/// safeguarding board can retune weights without a release; call <see cref="EnsureValid"/> at
/// start-up so a bad setting fails loudly rather than quietly under-scoring children.
/// </summary>
public sealed record ScoringPolicy
{
    public const string ConfigurationSection = "RiskScoring";

    public static ScoringPolicy Default { get; } = new();

    /// <summary>Lowest total that is "at risk".</summary>
    public int AtRiskThreshold { get; init; } = 3;

    /// <summary>Lowest total that is "significant risk".</summary>
    public int SignificantThreshold { get; init; } = 7;

    /// <summary>Lowest total that is "serious risk" without any override.</summary>
    public int SeriousThreshold { get; init; } = 12;

    /// <summary>Weights by indicator code that replace the catalogue defaults; codes not listed keep their default.</summary>
    public IReadOnlyDictionary<string, int> Weights { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// Indicator codes that make the level serious at once. Null keeps the catalogue's overrides
    /// (disclosure and police-reported sexual offence); a list replaces them, so it must still name them.
    /// </summary>
    public IReadOnlyList<string>? OverrideCodes { get; init; }

    public int WeightOf(RiskIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        // Configuration keys are case-insensitive, but a bound dictionary is not.
        foreach (var (code, weight) in Weights)
            if (string.Equals(code?.Trim(), indicator.Code, StringComparison.OrdinalIgnoreCase))
                return weight;
        return indicator.DefaultWeight;
    }

    public bool IsOverride(RiskIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return OverrideCodes is null
            ? indicator.IsOverride
            : OverrideCodes.Any(c => string.Equals(c?.Trim(), indicator.Code, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The lowest total for each level above "no apparent risk", lowest first.</summary>
    public IReadOnlyList<(ExploitationRiskLevel Level, int Threshold)> Thresholds =>
    [
        (ExploitationRiskLevel.AtRisk, AtRiskThreshold),
        (ExploitationRiskLevel.Significant, SignificantThreshold),
        (ExploitationRiskLevel.Serious, SeriousThreshold),
    ];

    /// <summary>The level a total reaches by thresholds alone (overrides aside).</summary>
    public ExploitationRiskLevel LevelForScore(int score)
    {
        EnsureValid();
        var level = ExploitationRiskLevel.NoApparentRisk;
        foreach (var (next, threshold) in Thresholds)
            if (score >= threshold) level = next;
        return level;
    }

    /// <summary>Every problem with this policy, in words an administrator can act on; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (AtRiskThreshold < 1)
            problems.Add($"The at risk threshold must be at least 1 (it is {AtRiskThreshold}); otherwise every child would be at risk.");
        if (SignificantThreshold <= AtRiskThreshold)
            problems.Add($"The significant risk threshold ({SignificantThreshold}) must be higher than the at risk threshold ({AtRiskThreshold}).");
        if (SeriousThreshold <= SignificantThreshold)
            problems.Add($"The serious risk threshold ({SeriousThreshold}) must be higher than the significant risk threshold ({SignificantThreshold}).");

        foreach (var (code, weight) in Weights ?? new Dictionary<string, int>())
        {
            if (!IndicatorCatalogue.IsKnown(code))
                problems.Add($"The weight for '{code}' names an indicator that is not on the screening tool.");
            else if (weight < 0)
                problems.Add($"The weight for '{code}' is {weight}; weights cannot be negative.");
        }

        if (OverrideCodes is not null)
        {
            foreach (var code in OverrideCodes.Where(c => !IndicatorCatalogue.IsKnown(c)))
                problems.Add($"The override '{code}' names an indicator that is not on the screening tool.");
            // The serious-at-once rule is statutory practice, not a tuning choice.
            foreach (var required in IndicatorCatalogue.All.Where(i => i.IsOverride))
                if (!IsOverride(required))
                    problems.Add($"'{required.Label}' must stay an override: it makes the level serious at once.");
        }
        return problems;
    }

    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0)
            throw new DomainRuleViolation("The risk scoring settings are not valid: " + string.Join(" ", problems));
    }

    /// <summary>Scores ticked indicator codes. Unknown codes are refused; a code ticked twice counts once.</summary>
    public RiskScore Score(IEnumerable<string> tickedCodes)
    {
        ArgumentNullException.ThrowIfNull(tickedCodes);
        EnsureValid();

        var indicators = tickedCodes
            .Select(code => IndicatorCatalogue.Get(code))
            .DistinctBy(i => i.Code)
            .ToList();

        var contributions = indicators
            .Select(i => new IndicatorContribution(i, WeightOf(i), IsOverride(i)))
            .ToList();
        var total = contributions.Sum(c => c.Weight);

        var crossed = Thresholds
            .Where(t => total >= t.Threshold)
            .Select(t => new ThresholdCrossed(t.Level, t.Threshold))
            .ToList();
        var fromScore = LevelForScore(total);

        var overrides = contributions.Where(c => c.IsOverride).Select(c => c.Indicator).ToList();
        var level = overrides.Count > 0 ? ExploitationRiskLevel.Serious : fromScore;

        return new RiskScore(level, total, fromScore, contributions, crossed, overrides);
    }
}
