using Beacon.Core.RiskAssessment;

namespace Beacon.Core.Tests.Panel;

/// <summary>A child's risk holds them on the panel's list until the chair approves their removal, whatever later assessments say.</summary>
public class PanelListByRiskTests
{
    private static readonly DateTime Jan = new(2026, 1, 10, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Mar = new(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime May = new(2026, 5, 10, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_lower_assessment_after_a_significant_one_leaves_the_child_on_the_list_from_the_first()
    {
        var since = PanelList.OnListByRiskSince([(ExploitationRiskLevel.Significant, Jan), (ExploitationRiskLevel.Serious, Mar), (ExploitationRiskLevel.AtRisk, May)], null);
        Assert.Equal(Jan, since);
    }

    [Fact]
    public void Only_lower_levels_never_list_the_child()
    {
        Assert.Null(PanelList.OnListByRiskSince([(ExploitationRiskLevel.AtRisk, Jan), (ExploitationRiskLevel.NoApparentRisk, Mar), (null, May)], null));
        Assert.Null(PanelList.OnListByRiskSince([], null));
    }

    [Fact]
    public void An_approved_removal_ends_the_spell_and_only_a_later_significant_assessment_starts_another()
    {
        var history = new (ExploitationRiskLevel?, DateTime)[] { (ExploitationRiskLevel.Significant, Jan), (ExploitationRiskLevel.AtRisk, Mar) };
        Assert.Null(PanelList.OnListByRiskSince(history, Mar.AddDays(7)));
        Assert.Equal(May, PanelList.OnListByRiskSince([.. history, (ExploitationRiskLevel.Serious, May)], Mar.AddDays(7)));
        // A removal approved the moment an assessment was signed off outlasts it, as the list's own rule says.
        Assert.Null(PanelList.OnListByRiskSince([(ExploitationRiskLevel.Serious, May)], May));
    }
}
