using System.Linq.Expressions;
using Beacon.Core.Children;

namespace Beacon.Core.Access;

/// <summary>
/// Need-to-know rules for children's records. <see cref="Rule"/> is the one statement of who may see a
/// record: search translates it to SQL (<see cref="VisibleTo"/>), and single-record checks run the same
/// rule compiled once, so a list can never show what the record page would refuse.
/// </summary>
public static class ChildAccess
{
    /// <summary>The facts about a person that the rule reads.</summary>
    public sealed record Viewer(string UserId, Guid OrganisationId, List<Guid> AreaIds, bool IsAuditor, bool IsPractitioner, bool IsLocalAuthority, bool IsAreaBound)
    {
        public static Viewer Of(Actor actor) => new(actor.UserId, actor.OrganisationId, actor.AreaIds.ToList(),
            Capabilities.IsAuditor(actor),
            actor.IsPractitioner,
            actor.Agency == Agency.ChildrensSocialCare,
            actor.Agency == Agency.Police);
    }

    /// <summary>
    /// A restricted record is seen only by the people named on it. Otherwise:
    /// the local authority's Children's Social Care sees the children of its area (the responsible area, and
    /// the host area of a child placed there); a police force sees the children it is involved with in the
    /// areas it serves; every other practitioner sees the children their own organisation is involved with
    /// (one school never sees another school's pupils); auditors see the records of their board's areas.
    /// Board members and administrators see no individual records: the board works from aggregates.
    /// </summary>
    private static readonly Expression<Func<Child, Viewer, bool>> Rule = (child, viewer) => child.IsRestricted
        ? child.AccessGrants.Any(g => g.UserId == viewer.UserId && g.RevokedAtUtc == null)
        : ((viewer.IsAuditor || (viewer.IsPractitioner && viewer.IsLocalAuthority))
              && (viewer.AreaIds.Contains(child.ResponsibleAreaId) || (child.HostAreaId != null && viewer.AreaIds.Contains(child.HostAreaId.Value))))
          || (viewer.IsPractitioner
              && child.Involvements.Any(i => i.OrganisationId == viewer.OrganisationId && i.EndedAtUtc == null)
              && (!viewer.IsAreaBound
                  || viewer.AreaIds.Contains(child.ResponsibleAreaId) || (child.HostAreaId != null && viewer.AreaIds.Contains(child.HostAreaId.Value))));

    /// <summary>
    /// The same rule taken apart into disjoint parts, so a list over many children can read each part from an index of
    /// its own and add them up without counting a child twice: children of the person's areas (<see cref="SeesAreas"/>:
    /// responsible there, or placed there from elsewhere), children their organisation works with
    /// (<see cref="ThroughOrganisation"/>, less those already seen through the areas; for an area-bound force, only
    /// those in its areas), and restricted records naming them. A test holds it to <see cref="Rule"/> for every kind
    /// of person.
    /// </summary>
    public sealed record Scope(string UserId, Guid OrganisationId, List<Guid> AreaIds, bool SeesAreas, bool ThroughOrganisation, bool AreaBound)
    {
        public static Scope Of(Actor actor)
        {
            var viewer = Viewer.Of(actor);
            return new(viewer.UserId, viewer.OrganisationId, viewer.AreaIds,
                SeesAreas: viewer.IsAuditor || (viewer.IsPractitioner && viewer.IsLocalAuthority),
                ThroughOrganisation: viewer.IsPractitioner,
                AreaBound: viewer.IsAreaBound);
        }
    }

    // Compiling an expression costs milliseconds; the rule is compiled once for the whole process.
    private static readonly Func<Child, Viewer, bool> CompiledRule = Rule.Compile();

    /// <summary>The rule for one person, as a filter a database query can translate.</summary>
    public static Expression<Func<Child, bool>> VisibleTo(Actor actor)
    {
        var body = new Substitute(Rule.Parameters[1], Expression.Constant(Viewer.Of(actor))).Visit(Rule.Body);
        return Expression.Lambda<Func<Child, bool>>(body, Rule.Parameters[0]);
    }

    /// <summary>May this person see the record (its involvements and access grants must be loaded)?</summary>
    public static bool MayView(Actor actor, Child child) => CompiledRule(child, Viewer.Of(actor));

    /// <summary>Decides one operation on a loaded child (its involvements and access grants must be loaded).</summary>
    public static bool Allows(Actor actor, ChildOperation operation, Child child) => operation switch
    {
        ChildOperation.View => MayView(actor, child),
        ChildOperation.Edit => actor.IsPractitioner && MayView(actor, child),
        // Who looked at a record is for the board's auditors who may read it: its history shows its contents, so a
        // restricted record's history is as restricted as the record.
        ChildOperation.ViewAccessHistory => Capabilities.IsAuditor(actor) && MayView(actor, child),
        ChildOperation.ManageAccess => actor.IsIn(BeaconRoles.TeamManager) && MayView(actor, child),
        ChildOperation.ManageCareAndInvolvement => RecordAccess.IsResponsibleSocialCare(actor, child),
        _ => false,
    };

    /// <summary>Anyone who works with children may record a new one.</summary>
    public static bool MayCreate(Actor actor) => actor.IsPractitioner;

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
