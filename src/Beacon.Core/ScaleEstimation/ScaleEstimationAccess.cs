using Beacon.Core.Access;

namespace Beacon.Core.ScaleEstimation;

/// <summary>
/// Who may estimate the true scale. Linking lists names children, so only intelligence analysts link, review pairs and
/// import lists, each with their own organisation's imported lists and the children of their organisation's areas.
/// The board and its auditors see every run's result, never a child.
/// </summary>
public static class ScaleEstimationAccess
{
    public static bool MayLink(Actor actor) => actor.IsIn(BeaconRoles.IntelligenceAnalyst) && actor.IsPractitioner;

    public static bool SeesResults(Actor actor) =>
        MayLink(actor) || Capabilities.IsAuditor(actor) ||
        (actor.Agency == Agency.SafeguardingBoard && (actor.IsIn(BeaconRoles.BoardMember) || actor.IsIn(BeaconRoles.IndependentChair)));
}
