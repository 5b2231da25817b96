using System.Linq.Expressions;
using Beacon.Core.Children;

namespace Beacon.Core.Access;

/// <summary>
/// Need-to-know rules for children's records. <see cref="VisibleTo"/> is the one statement of who may
/// see a record: search translates it to SQL, and single-record checks evaluate it on the loaded child,
/// so a list can never show what the record page would refuse.
/// </summary>
public static class ChildAccess
{
    /// <summary>
    /// A restricted record is seen only by the people named on it. Otherwise auditors see every record,
    /// and practitioners see the records of children their agency is involved with. Board members and
    /// administrators see no individual records: the board works from aggregates and file audits.
    /// </summary>
    public static Expression<Func<Child, bool>> VisibleTo(Actor actor)
    {
        var userId = actor.UserId;
        var agency = actor.Agency;
        var isAuditor = actor.IsIn(BeaconRoles.Auditor);
        var isPractitioner = actor.IsPractitioner;
        return child => child.IsRestricted
            ? child.AccessGrants.Any(g => g.UserId == userId && g.RevokedAtUtc == null)
            : isAuditor || (isPractitioner && child.Agencies.Any(a => a.Agency == agency && a.EndedAtUtc == null));
    }

    /// <summary>Decides one operation on a loaded child (its agencies and access grants must be loaded).</summary>
    public static bool Allows(Actor actor, ChildOperation operation, Child child) => operation switch
    {
        ChildOperation.View => VisibleTo(actor).Compile()(child),
        ChildOperation.Edit => actor.IsPractitioner && VisibleTo(actor).Compile()(child),
        ChildOperation.ViewAccessHistory => actor.IsIn(BeaconRoles.Auditor),
        ChildOperation.ManageAccess => actor.IsIn(BeaconRoles.TeamManager) && VisibleTo(actor).Compile()(child),
        _ => false,
    };

    /// <summary>Anyone who works with children may record a new one.</summary>
    public static bool MayCreate(Actor actor) => actor.IsPractitioner;
}
