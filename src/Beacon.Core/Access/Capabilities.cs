namespace Beacon.Core.Access;

/// <summary>
/// What a person may do at all, from their organisation's kind and their roles: the rules behind Beacon's named
/// policies (which pages someone may open). What they may do to one record is decided by that record's access
/// rules (<see cref="ChildAccess"/>, <see cref="ReferralAccess"/>, …), which build on these.
/// </summary>
public static class Capabilities
{
    /// <summary>Works with children directly and may record or change their information.</summary>
    public static bool IsPractitioner(Actor actor) => actor.IsPractitioner;

    /// <summary>A safeguarding board's auditor: reads records of the board's areas and the audit log, changes nothing.</summary>
    public static bool IsAuditor(Actor actor) => actor.IsIn(BeaconRoles.Auditor) && actor.Agency == Agency.SafeguardingBoard;

    /// <summary>May open lists of children's records (practitioners and auditors; never board members or administrators).</summary>
    public static bool SeesChildRecords(Actor actor) => IsPractitioner(actor) || IsAuditor(actor);

    /// <summary>Runs the front door and case work: social workers and team managers of a local authority's Children's Social Care.</summary>
    public static bool IsSocialCare(Actor actor) =>
        actor.Agency == Agency.ChildrensSocialCare && (actor.IsIn(BeaconRoles.SocialWorker) || actor.IsIn(BeaconRoles.TeamManager));

    /// <summary>Approves social care decisions (no further action, closures) and allocates work.</summary>
    public static bool IsSocialCareManager(Actor actor) => actor.Agency == Agency.ChildrensSocialCare && actor.IsIn(BeaconRoles.TeamManager);

    /// <summary>Any team manager: approves a lowered risk level in their own organisation's assessments.</summary>
    public static bool IsTeamManager(Actor actor) => actor.IsIn(BeaconRoles.TeamManager);

    public static bool IsPanelChair(Actor actor) => actor.IsIn(BeaconRoles.PanelChair);

    /// <summary>Statutory timescale breaches: for the front door, the panel chair and the board's auditors.</summary>
    public static bool SeesTimescaleBreaches(Actor actor) => IsSocialCare(actor) || IsPanelChair(actor) || IsAuditor(actor);

    /// <summary>Return home interviews still to do: the front door and the panel chair follow them up.</summary>
    public static bool FollowsUpReturnHomeInterviews(Actor actor) => IsSocialCare(actor) || IsPanelChair(actor);

    /// <summary>The panel's removals register: everyone on the panel, the board's members and its auditors.</summary>
    public static bool SeesPanelRegister(Actor actor) =>
        IsPractitioner(actor) || IsAuditor(actor) || (actor.IsIn(BeaconRoles.BoardMember) && actor.Agency == Agency.SafeguardingBoard);

    /// <summary>Manages accounts; sees no child's record.</summary>
    public static bool IsAdministrator(Actor actor) => actor.IsIn(BeaconRoles.Administrator);
}
