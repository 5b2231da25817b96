using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Beacon.Core.RiskAssessment;
using Assessment = Beacon.Core.RiskAssessment.RiskAssessment;

namespace Beacon.Core.Tests.RiskAssessment;

public class LevelDisplayTests
{
    [Theory]
    [InlineData(ExploitationRiskLevel.NoApparentRisk, "No apparent risk")]
    [InlineData(ExploitationRiskLevel.AtRisk, "At risk")]
    [InlineData(ExploitationRiskLevel.Significant, "Significant risk")]
    [InlineData(ExploitationRiskLevel.Serious, "Serious risk")]
    public void Levels_show_the_names_practitioners_use(ExploitationRiskLevel level, string expected)
    {
        Assert.Equal(expected, level.DisplayName());
        Assert.Equal(expected, DisplayAttributeName(level));
    }

    [Fact]
    public void Levels_are_ordered_from_lowest_to_highest_risk() =>
        Assert.Equal(
            [ExploitationRiskLevel.NoApparentRisk, ExploitationRiskLevel.AtRisk, ExploitationRiskLevel.Significant, ExploitationRiskLevel.Serious],
            Enum.GetValues<ExploitationRiskLevel>().Order());

    internal static string? DisplayAttributeName<TEnum>(TEnum value) where TEnum : struct, Enum =>
        typeof(TEnum).GetField(value.ToString())!.GetCustomAttribute<DisplayAttribute>()?.GetName();
}

public class PanelListTests
{
    [Theory]
    [InlineData(ExploitationRiskLevel.NoApparentRisk, false)]
    [InlineData(ExploitationRiskLevel.AtRisk, false)]
    [InlineData(ExploitationRiskLevel.Significant, true)]
    [InlineData(ExploitationRiskLevel.Serious, true)]
    public void Significant_or_serious_risk_belongs_on_the_panel_list(ExploitationRiskLevel level, bool expected) =>
        Assert.Equal(expected, PanelList.BelongsOnPanelList(level));

    [Theory]
    [InlineData(ExploitationRiskLevel.AtRisk, false)]
    [InlineData(ExploitationRiskLevel.Significant, true)]
    public void A_signed_off_assessment_decides_by_its_concluded_level(ExploitationRiskLevel judged, bool expected)
    {
        var assessment = Build.Draft();
        assessment.RecordJudgement(judged, "Practitioner judgement", Build.Author, Build.T0);
        assessment.SignOff(Build.Author, Build.T0.AddHours(1), ScoringPolicy.Default);

        Assert.Equal(expected, PanelList.BelongsOnPanelList(assessment));
    }

    [Fact]
    public void No_assessment_or_a_draft_does_not_put_a_child_on_the_list()
    {
        var draft = Build.Draft();
        draft.RecordJudgement(ExploitationRiskLevel.Serious, "Practitioner judgement", Build.Author, Build.T0);

        Assert.False(PanelList.BelongsOnPanelList((Assessment?)null));
        Assert.False(PanelList.BelongsOnPanelList(draft));
    }
}
