namespace Beacon.Core.RiskAssessment;

/// <summary>Which children the multi-agency CSE panel must see.</summary>
public static class PanelList
{
    public const ExploitationRiskLevel ThresholdLevel = ExploitationRiskLevel.Significant;

    /// <summary>How long a referral of suspected exploitation keeps a child on the list by itself: long enough for the next meeting.</summary>
    public const int NewReferralDays = 28;

    /// <summary>
    /// A referral saying the child is being sexually exploited puts them on the list for <see cref="NewReferralDays"/>
    /// days from its receipt, unless "no further action" on it has been approved.
    /// </summary>
    public static bool ListsChild(Referrals.Referral referral, DateTime nowUtc) =>
        referral.ExploitationSuspected && referral.ReceivedAtUtc >= nowUtc.AddDays(-NewReferralDays) && referral.Outcome != Referrals.TriageOutcome.NoFurtherAction;

    /// <summary>Significant or serious risk puts a child on the panel's list; lower levels do not.</summary>
    public static bool BelongsOnPanelList(ExploitationRiskLevel level) => level >= ThresholdLevel;

    /// <summary>
    /// Since when the child's risk has held them on the list: from the first signed-off assessment at significant or
    /// serious risk after their last removal (null: never since). A later, lower assessment does not take them off:
    /// leaving the list is never quiet, it takes a removal the chair approves ("risk reduced", evidenced by that lower
    /// assessment). A withdrawn assessment was a mistake, so it holds nobody: pass only those signed off and not withdrawn.
    /// </summary>
    public static DateTime? OnListByRiskSince(IEnumerable<(ExploitationRiskLevel? Level, DateTime SignedOffAtUtc)> signedOff, DateTime? lastRemovedAtUtc) =>
        signedOff.Where(a => a.Level is { } level && BelongsOnPanelList(level) && (lastRemovedAtUtc is not { } removed || a.SignedOffAtUtc > removed))
            .Select(a => (DateTime?)a.SignedOffAtUtc).Min();

    /// <summary>From the child's current assessment: a draft or no assessment puts nobody on the list.</summary>
    public static bool BelongsOnPanelList(RiskAssessment? currentAssessment) =>
        currentAssessment is { IsCurrent: true, Level: { } level } && BelongsOnPanelList(level);
}
