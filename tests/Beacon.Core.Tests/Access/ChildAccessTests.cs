using Beacon.Core.Access;
using Beacon.Core.Children;
using Beacon.Core.Organisations;
using static Beacon.Core.Tests.Access.AccessWorld;

namespace Beacon.Core.Tests.Access;

/// <summary>
/// Organisation × role × situation × operation for the need-to-know rule, against the hand-written expectations of
/// <see cref="AccessWorld"/>: two schools in one area, two areas, a police force across both, a child placed out of
/// area, a child of an area the police do not serve, an ended involvement and a restricted record.
/// </summary>
public sealed class ChildAccessTests
{
    public static TheoryData<string, string, Situation> Matrix()
    {
        var data = new TheoryData<string, string, Situation>();
        foreach (var organisation in AllOrganisations)
            foreach (var role in BeaconRoles.All)
                foreach (var situation in Enum.GetValues<Situation>())
                    data.Add(organisation.Name, role, situation);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_operation_follows_the_policy(string organisationName, string role, Situation situation)
    {
        var organisation = AllOrganisations.Single(o => o.Name == organisationName);
        var actor = Person(organisation, role);
        var child = ChildIn(situation);

        foreach (var operation in Enum.GetValues<ChildOperation>())
        {
            var expected = Expected(organisation, role, situation, operation);
            Assert.True(expected == ChildAccess.Allows(actor, operation, child),
                $"{role} of {organisation.Name}, {situation}: {operation} should be {(expected ? "allowed" : "refused")}");
        }
        // The query filter and the single-record check are the same rule.
        Assert.Equal(ChildAccess.Allows(actor, ChildOperation.View, child), ChildAccess.VisibleTo(actor).Compile()(child));
    }

    [Fact]
    public void Only_the_person_named_on_a_restricted_record_sees_it_whatever_their_organisation()
    {
        var child = ChildIn(Situation.RestrictedNamingOnePerson);
        Assert.True(ChildAccess.Allows(Person(SchoolB, BeaconRoles.SafeguardingLead, NamedUserId), ChildOperation.View, child));
        Assert.False(ChildAccess.Allows(Person(SchoolA, BeaconRoles.SafeguardingLead), ChildOperation.View, child));
        Assert.False(ChildAccess.Allows(Person(NorthSocialCare, BeaconRoles.TeamManager), ChildOperation.View, child));
        child.RevokeAccess(NamedUserId, Now);
        Assert.False(ChildAccess.Allows(Person(SchoolB, BeaconRoles.SafeguardingLead, NamedUserId), ChildOperation.View, child));
    }

    [Fact]
    public void A_designated_safeguarding_lead_never_sees_another_schools_pupil()
    {
        var leadA = Person(SchoolA, BeaconRoles.SafeguardingLead);
        var leadB = Person(SchoolB, BeaconRoles.SafeguardingLead);
        Assert.True(ChildAccess.MayView(leadA, ChildIn(Situation.NorthPupilOfSchoolA)));
        Assert.False(ChildAccess.MayView(leadA, ChildIn(Situation.NorthPupilOfSchoolB)));
        Assert.True(ChildAccess.MayView(leadB, ChildIn(Situation.NorthPupilOfSchoolB)));
        Assert.False(ChildAccess.MayView(leadB, ChildIn(Situation.NorthPupilOfSchoolA)));
    }

    [Fact]
    public void Placing_a_child_out_of_area_involves_the_host_areas_social_care_and_police_once()
    {
        var child = ChildIn(Situation.NorthChildPlacedInSouth);
        Assert.Equal(South.Id, child.HostAreaId);
        Assert.Contains(SouthSocialCare.Id, child.CurrentInvolvements.Select(i => i.OrganisationId));
        Assert.Contains(Police.Id, child.CurrentInvolvements.Select(i => i.OrganisationId));
        Assert.DoesNotContain(Trust.Id, child.CurrentInvolvements.Select(i => i.OrganisationId));
        // Told once: a second save of the same placement involves nobody new.
        Assert.Empty(child.InvolveHostAreaServices(AllOrganisations, Now));
    }

    [Fact]
    public void A_placement_in_the_childs_own_area_is_refused_and_changes_nothing()
    {
        var child = ChildIn(Situation.NorthPupilOfSchoolA);
        var rule = Assert.Throws<Beacon.Core.Common.DomainRuleViolation>(() => child.UpdateDetails(
            new ChildDetails("Changed", child.LastName, child.DateOfBirth, child.Gender, child.Ethnicity,
                IsLookedAfter: true, PlacedOutOfArea: true, HostAreaId: North.Id), Today));
        Assert.Equal(nameof(ChildDetails.HostAreaId), rule.Field);
        Assert.Equal("Testchild", child.FirstName);
    }

    [Fact]
    public void Someone_holding_several_roles_gets_the_union_of_what_each_allows()
    {
        var child = ChildIn(Situation.NorthPupilOfSchoolA);
        var auditorAndBoard = new Actor("a", "Ada", Agency.SafeguardingBoard, new HashSet<string> { BeaconRoles.Auditor, BeaconRoles.BoardMember }, Board.Id, Board.AreaIds.ToList());
        Assert.True(ChildAccess.Allows(auditorAndBoard, ChildOperation.View, child));
        Assert.False(ChildAccess.Allows(auditorAndBoard, ChildOperation.Edit, child));
        var nobody = new Actor("n", "Ada", Agency.Police, new HashSet<string>(), Police.Id, Police.AreaIds.ToList());
        Assert.All(Enum.GetValues<ChildOperation>(), op => Assert.False(ChildAccess.Allows(nobody, op, child)));
        Assert.False(ChildAccess.MayCreate(nobody));
    }

    /// <summary>The policy written out plainly, independently of ChildAccess's own expression.</summary>
    private static bool Expected(Organisation organisation, string role, Situation situation, ChildOperation operation)
    {
        var practitioner = role is BeaconRoles.SocialWorker or BeaconRoles.TeamManager or BeaconRoles.PoliceOfficer
            or BeaconRoles.IntelligenceAnalyst or BeaconRoles.OutreachWorker or BeaconRoles.SafeguardingLead or BeaconRoles.PanelChair;
        var auditor = role == BeaconRoles.Auditor && organisation.Kind == Agency.SafeguardingBoard;
        var mayView = (practitioner && PractitionersWhoSee(situation).Contains(organisation))
            || (auditor && AuditorsWhoSee(situation).Contains(organisation));
        return operation switch
        {
            ChildOperation.View => mayView,
            ChildOperation.Edit => mayView && practitioner,
            // Who looked at a record is for the board's auditors of the child's areas; restricted means restricted.
            ChildOperation.ViewAccessHistory => auditor && mayView,
            ChildOperation.ManageAccess => mayView && role == BeaconRoles.TeamManager,
            // Looked-after status, placement and involvements: the responsible authority's social workers and managers.
            ChildOperation.ManageCareAndInvolvement => mayView && role is BeaconRoles.SocialWorker or BeaconRoles.TeamManager
                && organisation.Kind == Agency.ChildrensSocialCare && organisation.Serves(ChildIn(situation).ResponsibleAreaId),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
    }
}
