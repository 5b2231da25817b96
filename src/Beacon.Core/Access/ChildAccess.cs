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
    public sealed record Viewer(string UserId, Agency Agency, bool IsAuditor, bool IsPractitioner)
    {
        public static Viewer Of(Actor actor) => new(actor.UserId, actor.Agency, actor.IsIn(BeaconRoles.Auditor), actor.IsPractitioner);
    }

    /// <summary>
    /// A restricted record is seen only by the people named on it. Otherwise auditors see every record,
    /// and practitioners see the records of children their agency is involved with. Board members and
    /// administrators see no individual records: the board works from aggregates and file audits.
    /// </summary>
    private static readonly Expression<Func<Child, Viewer, bool>> Rule = (child, viewer) => child.IsRestricted
        ? child.AccessGrants.Any(g => g.UserId == viewer.UserId && g.RevokedAtUtc == null)
        : viewer.IsAuditor || (viewer.IsPractitioner && child.Agencies.Any(a => a.Agency == viewer.Agency && a.EndedAtUtc == null));

    // Compiling an expression costs milliseconds; the rule is compiled once for the whole process.
    private static readonly Func<Child, Viewer, bool> CompiledRule = Rule.Compile();

    /// <summary>The rule for one person, as a filter a database query can translate.</summary>
    public static Expression<Func<Child, bool>> VisibleTo(Actor actor)
    {
        var body = new Substitute(Rule.Parameters[1], Expression.Constant(Viewer.Of(actor))).Visit(Rule.Body);
        return Expression.Lambda<Func<Child, bool>>(body, Rule.Parameters[0]);
    }

    /// <summary>Decides one operation on a loaded child (its agencies and access grants must be loaded).</summary>
    public static bool Allows(Actor actor, ChildOperation operation, Child child) => operation switch
    {
        ChildOperation.View => CompiledRule(child, Viewer.Of(actor)),
        ChildOperation.Edit => actor.IsPractitioner && CompiledRule(child, Viewer.Of(actor)),
        ChildOperation.ViewAccessHistory => actor.IsIn(BeaconRoles.Auditor),
        ChildOperation.ManageAccess => actor.IsIn(BeaconRoles.TeamManager) && CompiledRule(child, Viewer.Of(actor)),
        _ => false,
    };

    /// <summary>Anyone who works with children may record a new one.</summary>
    public static bool MayCreate(Actor actor) => actor.IsPractitioner;

    private sealed class Substitute(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
