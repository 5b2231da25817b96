namespace Beacon.Core.RiskAssessment;

/// <summary>Which children the multi-agency CSE panel must see.</summary>
public static class PanelList
{
    public const ExploitationRiskLevel ThresholdLevel = ExploitationRiskLevel.Significant;

    /// <summary>Significant or serious risk puts a child on the panel's list; lower levels do not.</summary>
    public static bool BelongsOnPanelList(ExploitationRiskLevel level) => level >= ThresholdLevel;

    /// <summary>From the child's current assessment: a draft or no assessment puts nobody on the list.</summary>
    public static bool BelongsOnPanelList(RiskAssessment? currentAssessment) =>
        currentAssessment is { IsCurrent: true, Level: { } level } && BelongsOnPanelList(level);
}
