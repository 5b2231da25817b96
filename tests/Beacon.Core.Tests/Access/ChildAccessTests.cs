using Beacon.Core.Access;
using Beacon.Core.Children;

namespace Beacon.Core.Tests.Access;

/// <summary>
/// Role × agency × situation × operation for the need-to-know rule, against an independent statement of
/// the policy: restricted records are for the people named on them (auditors may still read the access
/// history); otherwise auditors see everything but edit nothing, practitioners see and edit the children
/// their agency is involved with, board members and administrators see no individual records, and only a
/// team manager who may see a record manages its access.
/// </summary>
public sealed class ChildAccessTests
{
    public enum Situation
    {
        /// <summary>The actor's agency is involved (by creating the record, or being added to it).</summary>
        AgencyInvolved,
        /// <summary>The actor's agency is not involved.</summary>
        AgencyNotInvolved,
        /// <summary>The actor's agency was involved but the involvement has ended.</summary>
        InvolvementEnded,
        /// <summary>Restricted, and the actor is named on it (their agency is involved too).</summary>
        RestrictedNamingActor,
        /// <summary>Restricted, not naming the actor, though their agency is involved.</summary>
        RestrictedNotNamingActor,
        /// <summary>Restricted; the actor was named but their access was revoked.</summary>
        RestrictedRevoked,
    }

    private const string ActorId = "actor-1";
    private const string OtherId = "manager-2";
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly DateTime Now = new(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, Agency, Situation> Matrix()
    {
        var data = new TheoryData<string, Agency, Situation>();
        foreach (var role in BeaconRoles.All)
            foreach (var agency in Enum.GetValues<Agency>())
                foreach (var situation in Enum.GetValues<Situation>())
                {
                    // Children's Social Care is involved with every child and cannot leave while the record is
                    // open, so "not involved" and "ended" cannot happen for its staff.
                    if (agency == Agency.ChildrensSocialCare && situation is Situation.AgencyNotInvolved or Situation.InvolvementEnded) continue;
                    data.Add(role, agency, situation);
                }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_operation_follows_the_policy(string role, Agency agency, Situation situation)
    {
        var actor = new Actor(ActorId, "Ada Actor", agency, new HashSet<string> { role });
        var child = ChildFor(agency, situation);

        foreach (var operation in Enum.GetValues<ChildOperation>())
            Assert.True(Expected(role, situation, operation) == ChildAccess.Allows(actor, operation, child),
                $"{role} of {agency}, {situation}: {operation} should be {(Expected(role, situation, operation) ? "allowed" : "refused")}");

        // The query filter and the single-record check are the same rule.
        Assert.Equal(ChildAccess.Allows(actor, ChildOperation.View, child), ChildAccess.VisibleTo(actor).Compile()(child));
    }

    [Fact]
    public void The_matrix_covers_every_role_agency_and_operation()
    {
        var rows = Matrix().Select(r => ((string)r.Data.Item1, (Agency)r.Data.Item2)).Distinct().Count();
        Assert.Equal(BeaconRoles.All.Count * Enum.GetValues<Agency>().Length, rows);
        Assert.Equal(4, Enum.GetValues<ChildOperation>().Length);
    }

    /// <summary>The policy written out plainly, independently of ChildAccess's own expression.</summary>
    private static bool Expected(string role, Situation situation, ChildOperation operation)
    {
        var practitioner = role is BeaconRoles.SocialWorker or BeaconRoles.TeamManager or BeaconRoles.PoliceOfficer
            or BeaconRoles.IntelligenceAnalyst or BeaconRoles.OutreachWorker or BeaconRoles.SafeguardingLead or BeaconRoles.PanelChair;
        var auditor = role == BeaconRoles.Auditor;
        var restricted = situation is Situation.RestrictedNamingActor or Situation.RestrictedNotNamingActor or Situation.RestrictedRevoked;
        var mayView = restricted
            ? situation == Situation.RestrictedNamingActor
            : auditor || (practitioner && situation == Situation.AgencyInvolved);
        return operation switch
        {
            ChildOperation.View => mayView,
            ChildOperation.Edit => mayView && practitioner,
            ChildOperation.ViewAccessHistory => auditor,
            ChildOperation.ManageAccess => mayView && role == BeaconRoles.TeamManager,
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
    }

    private static Child ChildFor(Agency actorAgency, Situation situation)
    {
        // Created by an agency other than the actor's, so involvement is only what the situation says.
        var creator = actorAgency == Agency.Police ? Agency.Health : Agency.Police;
        var child = Child.Create(new ChildDetails("Testchild", "Matrix", new DateOnly(2012, 3, 14), Gender.Female, Ethnicity.NotRecorded),
            creator, OtherId, Today, Now);
        switch (situation)
        {
            case Situation.AgencyInvolved:
                child.Involve(actorAgency, Now);
                break;
            case Situation.AgencyNotInvolved:
                break;
            case Situation.InvolvementEnded:
                child.Involve(actorAgency, Now);
                child.EndInvolvement(actorAgency, Now.AddDays(1));
                break;
            case Situation.RestrictedNamingActor:
                child.Involve(actorAgency, Now);
                child.Restrict(OtherId, Now);
                child.GrantAccess(ActorId, OtherId, Now);
                break;
            case Situation.RestrictedNotNamingActor:
                child.Involve(actorAgency, Now);
                child.Restrict(OtherId, Now);
                break;
            case Situation.RestrictedRevoked:
                child.Involve(actorAgency, Now);
                child.Restrict(OtherId, Now);
                child.GrantAccess(ActorId, OtherId, Now);
                child.RevokeAccess(ActorId, Now.AddDays(1));
                break;
        }
        Assert.Equal(situation is not (Situation.AgencyNotInvolved or Situation.InvolvementEnded) || actorAgency == Agency.ChildrensSocialCare,
            child.InvolvedAgencies.Contains(actorAgency));
        return child;
    }

    [Fact]
    public void Restricting_names_the_person_who_restricted_it_so_someone_can_always_see_it()
    {
        var child = Child.Create(new ChildDetails("Testchild", "Restricted", new DateOnly(2012, 3, 14), Gender.Female, Ethnicity.NotRecorded),
            Agency.Police, OtherId, Today, Now);
        child.Restrict(ActorId, Now);
        var manager = new Actor(ActorId, "Ada", Agency.Police, new HashSet<string> { BeaconRoles.TeamManager });
        Assert.True(ChildAccess.Allows(manager, ChildOperation.ManageAccess, child));
        Assert.Throws<Beacon.Core.Common.DomainRuleViolation>(() => child.RevokeAccess(ActorId, Now));
    }

    [Fact]
    public void Someone_holding_several_roles_gets_the_union_of_what_each_allows()
    {
        var child = Child.Create(new ChildDetails("Testchild", "Roles", new DateOnly(2012, 3, 14), Gender.Female, Ethnicity.NotRecorded),
            Agency.Police, OtherId, Today, Now);
        var auditorAndBoard = new Actor(ActorId, "Ada", Agency.SafeguardingBoard, new HashSet<string> { BeaconRoles.Auditor, BeaconRoles.BoardMember });
        Assert.True(ChildAccess.Allows(auditorAndBoard, ChildOperation.View, child));
        Assert.False(ChildAccess.Allows(auditorAndBoard, ChildOperation.Edit, child));
        var nobody = new Actor(ActorId, "Ada", Agency.Police, new HashSet<string>());
        Assert.All(Enum.GetValues<ChildOperation>(), op => Assert.False(ChildAccess.Allows(nobody, op, child)));
        Assert.False(ChildAccess.MayCreate(nobody));
    }
}
