using Beacon.Core.Common;
using Beacon.Core.RiskAssessment;

namespace Beacon.Core.Tests.RiskAssessment;

public class ScoringPolicyTests
{
    private static readonly ScoringPolicy Policy = ScoringPolicy.Default;

    // Default weights: going-missing 3, older-boyfriend 3, gets-into-cars 3, unexplained-money-gifts 2,
    // looked-after 1, school-disengagement 1, behaviour-change 1; overrides weigh 10. Thresholds 3 / 7 / 12.
    [Theory]
    [InlineData("", 0, ExploitationRiskLevel.NoApparentRisk)]
    [InlineData("school-disengagement", 1, ExploitationRiskLevel.NoApparentRisk)]
    [InlineData("school-disengagement,looked-after", 2, ExploitationRiskLevel.NoApparentRisk)]
    [InlineData("going-missing", 3, ExploitationRiskLevel.AtRisk)]
    [InlineData("looked-after,behaviour-change,school-disengagement", 3, ExploitationRiskLevel.AtRisk)]
    [InlineData("going-missing,older-boyfriend", 6, ExploitationRiskLevel.AtRisk)]
    [InlineData("going-missing,older-boyfriend,looked-after", 7, ExploitationRiskLevel.Significant)]
    [InlineData("going-missing,older-boyfriend,gets-into-cars,unexplained-money-gifts", 11, ExploitationRiskLevel.Significant)]
    [InlineData("going-missing,older-boyfriend,gets-into-cars,unexplained-money-gifts,looked-after", 12, ExploitationRiskLevel.Serious)]
    [InlineData("going-missing,going-missing", 3, ExploitationRiskLevel.AtRisk)]
    [InlineData("GOING-MISSING,Looked-After", 4, ExploitationRiskLevel.AtRisk)]
    public void Score_sums_default_weights_and_compares_with_thresholds(string codes, int expectedScore, ExploitationRiskLevel expected)
    {
        var score = Policy.Score(Split(codes));

        Assert.Equal(expectedScore, score.Score);
        Assert.Equal(expected, score.Level);
        Assert.Equal(expected, score.LevelFromScore);
        Assert.False(score.OverrideFired);
    }

    [Theory]
    [InlineData("disclosure", "disclosure", ExploitationRiskLevel.Significant)]
    [InlineData("police-sexual-offence", "police-sexual-offence", ExploitationRiskLevel.Significant)]
    [InlineData("disclosure,school-disengagement", "disclosure", ExploitationRiskLevel.Significant)]
    [InlineData("police-sexual-offence,going-missing", "police-sexual-offence", ExploitationRiskLevel.Serious)]
    [InlineData("disclosure,police-sexual-offence", "disclosure,police-sexual-offence", ExploitationRiskLevel.Serious)]
    public void Override_indicator_makes_the_level_serious_whatever_the_score(
        string codes, string expectedOverrides, ExploitationRiskLevel expectedFromScore)
    {
        var score = Policy.Score(Split(codes));

        Assert.Equal(ExploitationRiskLevel.Serious, score.Level);
        Assert.Equal(expectedFromScore, score.LevelFromScore);
        Assert.Equal(Split(expectedOverrides), score.OverridesFired.Select(i => i.Code));
        Assert.Contains("makes the level serious risk at once", score.Explanation);
    }

    [Fact]
    public void An_override_fires_even_when_its_weight_is_configured_to_zero()
    {
        var policy = Policy with { Weights = new Dictionary<string, int> { ["disclosure"] = 0 } };

        var score = policy.Score(["disclosure"]);

        Assert.Equal(0, score.Score);
        Assert.Equal(ExploitationRiskLevel.Serious, score.Level);
    }

    // Custom thresholds 2 / 4 / 6: each boundary and the value just below it.
    [Theory]
    [InlineData(0, ExploitationRiskLevel.NoApparentRisk)]
    [InlineData(1, ExploitationRiskLevel.NoApparentRisk)]
    [InlineData(2, ExploitationRiskLevel.AtRisk)]
    [InlineData(3, ExploitationRiskLevel.AtRisk)]
    [InlineData(4, ExploitationRiskLevel.Significant)]
    [InlineData(5, ExploitationRiskLevel.Significant)]
    [InlineData(6, ExploitationRiskLevel.Serious)]
    [InlineData(60, ExploitationRiskLevel.Serious)]
    public void Configured_thresholds_are_inclusive_lower_bounds(int total, ExploitationRiskLevel expected)
    {
        var policy = new ScoringPolicy { AtRiskThreshold = 2, SignificantThreshold = 4, SeriousThreshold = 6 };
        var weighted = policy with { Weights = new Dictionary<string, int> { ["going-missing"] = total } };

        Assert.Equal(expected, policy.LevelForScore(total));
        Assert.Equal(expected, weighted.Score(["going-missing"]).Level);
    }

    [Theory]
    [InlineData("school-disengagement", 5, 5, ExploitationRiskLevel.AtRisk)]
    [InlineData("SCHOOL-DISENGAGEMENT", 5, 5, ExploitationRiskLevel.AtRisk)]
    [InlineData("going-missing", 0, 0, ExploitationRiskLevel.NoApparentRisk)]
    [InlineData("gets-into-cars", 12, 12, ExploitationRiskLevel.Serious)]
    public void Configured_weight_replaces_the_default_for_that_indicator(string configuredCode, int weight, int expectedScore, ExploitationRiskLevel expected)
    {
        var policy = Policy with { Weights = new Dictionary<string, int> { [configuredCode] = weight } };

        var score = policy.Score([configuredCode.ToLowerInvariant()]);

        Assert.Equal(expectedScore, score.Score);
        Assert.Equal(expected, score.Level);
    }

    [Fact]
    public void Configured_override_list_can_add_an_override()
    {
        var policy = Policy with { OverrideCodes = ["disclosure", "police-sexual-offence", "gets-into-cars"] };

        var score = policy.Score(["gets-into-cars"]);

        Assert.Equal(ExploitationRiskLevel.Serious, score.Level);
        Assert.Equal("gets-into-cars", Assert.Single(score.OverridesFired).Code);
    }

    [Theory]
    [InlineData(3, 7, 12, true)]
    [InlineData(1, 2, 3, true)]
    [InlineData(0, 7, 12, false)]
    [InlineData(-1, 7, 12, false)]
    [InlineData(7, 7, 12, false)]
    [InlineData(8, 7, 12, false)]
    [InlineData(3, 12, 12, false)]
    [InlineData(3, 12, 7, false)]
    public void Thresholds_must_ascend_from_at_least_one(int atRisk, int significant, int serious, bool valid)
    {
        var policy = new ScoringPolicy { AtRiskThreshold = atRisk, SignificantThreshold = significant, SeriousThreshold = serious };

        Assert.Equal(valid, policy.Validate().Count == 0);
        if (valid)
            policy.EnsureValid();
        else
        {
            Assert.Throws<DomainRuleViolation>(policy.EnsureValid);
            Assert.Throws<DomainRuleViolation>(() => policy.Score(["going-missing"]));
        }
    }

    [Theory]
    [InlineData("going-missing", -1, "cannot be negative")]
    [InlineData("no-such-indicator", 2, "not on the screening tool")]
    public void Weights_must_be_non_negative_and_name_known_indicators(string code, int weight, string expectedProblem)
    {
        var policy = Policy with { Weights = new Dictionary<string, int> { [code] = weight } };

        Assert.Contains(policy.Validate(), p => p.Contains(expectedProblem));
        Assert.Throws<DomainRuleViolation>(() => policy.Score([]));
    }

    [Theory]
    [InlineData("police-sexual-offence", "Disclosure of sexual exploitation' must stay an override")]
    [InlineData("disclosure", "Police report of a sexual offence against the child' must stay an override")]
    [InlineData("disclosure,police-sexual-offence,made-up", "'made-up' names an indicator that is not on the screening tool")]
    public void Override_list_must_keep_the_statutory_overrides_and_name_known_indicators(string overrides, string expectedProblem)
    {
        var policy = Policy with { OverrideCodes = Split(overrides) };

        Assert.Contains(policy.Validate(), p => p.Contains(expectedProblem));
    }

    [Fact]
    public void Default_policy_is_valid() => Assert.Empty(ScoringPolicy.Default.Validate());

    [Fact]
    public void Unknown_indicator_is_refused_rather_than_scored_as_nothing()
    {
        var refusal = Assert.Throws<DomainRuleViolation>(() => Policy.Score(["going-missing", "bad-code"]));

        Assert.Contains("'bad-code' is not an indicator", refusal.Message);
    }

    [Fact]
    public void Explanation_gives_score_thresholds_crossed_and_contributions()
    {
        var score = Policy.Score(["going-missing", "older-boyfriend", "looked-after"]);

        Assert.Equal(
            [new ThresholdCrossed(ExploitationRiskLevel.AtRisk, 3), new ThresholdCrossed(ExploitationRiskLevel.Significant, 7)],
            score.ThresholdsCrossed);
        Assert.Equal([3, 3, 1], score.Contributions.Select(c => c.Weight));
        Assert.Equal("Score 7 from 3 indicators reaches the significant risk threshold (7).", score.Explanation);
    }

    [Fact]
    public void Explanation_names_the_override_that_fired()
    {
        var score = Policy.Score(["disclosure"]);

        Assert.Equal(
            "Score 10 from 1 indicator reaches the significant risk threshold (7). Disclosure of sexual exploitation makes the level serious risk at once.",
            score.Explanation);
    }

    [Fact]
    public void Explanation_says_when_no_threshold_is_reached()
    {
        var score = Policy.Score([]);

        Assert.Empty(score.ThresholdsCrossed);
        Assert.Equal("Score 0 from 0 indicators: below the at risk threshold, so no apparent risk.", score.Explanation);
    }

    private static string[] Split(string codes) => codes.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
