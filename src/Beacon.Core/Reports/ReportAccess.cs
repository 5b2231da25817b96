using Beacon.Core.Access;

namespace Beacon.Core.Reports;

/// <summary>
/// Who may do what with reports and recommendations. No child is ever named here, so the register is wider than a
/// child's record: the board, its auditors and the senior practitioners of its areas read every report; anyone a
/// report was sent to, or who owns one of its recommendations, reads that report.
/// </summary>
public static class ReportAccess
{
    /// <summary>Board members record reports and their versions, send them, add recommendations, record challenges and accept evidence.</summary>
    public static bool MayManage(Actor actor) => actor.Agency == Agency.SafeguardingBoard && actor.IsIn(BeaconRoles.BoardMember);

    /// <summary>Reads the whole register of the board's areas.</summary>
    public static bool ReadsRegister(Actor actor) =>
        MayManage(actor) || Capabilities.IsAuditor(actor) || Capabilities.IsTeamManager(actor) || Capabilities.IsPanelChair(actor);
}
