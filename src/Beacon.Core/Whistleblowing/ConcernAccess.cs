using Beacon.Core.Access;

namespace Beacon.Core.Whistleblowing;

/// <summary>Who handles confidential concerns: the board's independent chair, outside every agency's line management.</summary>
public static class ConcernAccess
{
    public static bool Handles(Actor actor) => actor.Agency == Agency.SafeguardingBoard && actor.IsIn(BeaconRoles.IndependentChair);

    /// <summary>A handler may see and act on a concern unless it names them.</summary>
    public static bool MayHandle(Actor actor, ConfidentialConcern concern) => Handles(actor) && !concern.Names(actor.UserId);
}
