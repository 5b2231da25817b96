using Beacon.Core.Access;
using Beacon.Core.Organisations;
using static Beacon.Core.Tests.Access.AccessWorld;

namespace Beacon.Core.Tests.Access;

/// <summary>
/// Organisation × role × situation × operation for each kind of record about a child (referral, case, risk
/// assessment, missing episode, case note), against the policy written out by hand: seeing any of them needs the child's
/// record; the front door's decisions and the case belong to the responsible local authority, not a host one.
/// </summary>
public sealed class RecordAccessTests
{
    public static TheoryData<string, string, Situation> Matrix() => ChildAccessTests.Matrix();

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_operation_on_each_record_follows_the_policy(string organisationName, string role, Situation situation)
    {
        var organisation = AllOrganisations.Single(o => o.Name == organisationName);
        var actor = Person(organisation, role);
        var child = ChildIn(situation);
        var record = new OnChild<string>(child, "a record");
        var sees = (PractitionersWhoSee(situation).Contains(organisation) && IsPractitioner(role))
            || (role == BeaconRoles.Auditor && AuditorsWhoSee(situation).Contains(organisation));
        var responsibleSocialCare = role is BeaconRoles.SocialWorker or BeaconRoles.TeamManager
            && organisation.Kind == Agency.ChildrensSocialCare && organisation.Serves(child.ResponsibleAreaId) && sees;

        void Check<TOperation>(TOperation operation, bool expected, bool actual) =>
            Assert.True(expected == actual, $"{role} of {organisation.Name}, {situation}: {typeof(TOperation).Name}.{operation} should be {(expected ? "allowed" : "refused")}");

        foreach (var operation in Enum.GetValues<ReferralOperation>())
            Check(operation, operation switch
            {
                ReferralOperation.View => sees,
                ReferralOperation.Decide => responsibleSocialCare,
                _ => responsibleSocialCare && role == BeaconRoles.TeamManager,
            }, RecordAccess.Allows(actor, operation, record));

        foreach (var operation in Enum.GetValues<CaseOperation>())
            Check(operation, operation switch
            {
                CaseOperation.View => sees,
                CaseOperation.Progress => responsibleSocialCare,
                CaseOperation.Manage => responsibleSocialCare && role == BeaconRoles.TeamManager,
                _ => sees && role == BeaconRoles.PanelChair,
            }, RecordAccess.Allows(actor, operation, record));

        foreach (var operation in Enum.GetValues<RiskAssessmentOperation>())
            Check(operation, operation switch
            {
                RiskAssessmentOperation.View => sees,
                RiskAssessmentOperation.Edit => sees && IsPractitioner(role),
                RiskAssessmentOperation.AgreeWithdrawal => responsibleSocialCare && role == BeaconRoles.TeamManager,
                _ => sees && role == BeaconRoles.TeamManager,
            }, RecordAccess.Allows(actor, operation, record));

        foreach (var operation in Enum.GetValues<MissingEpisodeOperation>())
            Check(operation, operation switch
            {
                MissingEpisodeOperation.View => sees,
                _ => sees && IsPractitioner(role),
            }, RecordAccess.Allows(actor, operation, record));

        foreach (var operation in Enum.GetValues<AgreedActionOperation>())
            Check(operation, operation switch
            {
                AgreedActionOperation.View => sees,
                _ => responsibleSocialCare,
            }, RecordAccess.Allows(actor, operation, record));

        foreach (var operation in Enum.GetValues<PanelOperation>())
            Check(operation, operation switch
            {
                PanelOperation.View => sees,
                PanelOperation.ProposeRemoval => sees && IsPractitioner(role),
                _ => sees && role == BeaconRoles.PanelChair,
            }, RecordAccess.Allows(actor, operation, record));

        foreach (var operation in Enum.GetValues<CaseNoteOperation>())
            Check(operation, operation switch
            {
                CaseNoteOperation.View => sees,
                _ => sees && IsPractitioner(role),
            }, RecordAccess.Allows(actor, operation, record));
    }

    [Fact]
    public void An_actions_owner_may_mark_it_done_if_they_may_see_the_child_and_nobody_else_outside_the_case_team()
    {
        var child = ChildIn(Situation.NorthPupilOfSchoolA);
        var teacher = Person(SchoolA, BeaconRoles.SafeguardingLead, "teacher");
        var action = Core.Actions.AgreedAction.Agree(child.Id, null, Core.Actions.ActionSource.CoreGroup, "Check attendance daily", teacher.UserId, SchoolA.Id,
            Today.AddDays(7), "sw", Now);
        Assert.True(RecordAccess.Allows(teacher, AgreedActionOperation.MarkDone, new OnChild<Core.Actions.AgreedAction?>(child, action)));
        Assert.False(RecordAccess.Allows(Person(SchoolA, BeaconRoles.SafeguardingLead, "colleague"), AgreedActionOperation.MarkDone, new OnChild<Core.Actions.AgreedAction?>(child, action)));
        Assert.False(RecordAccess.Allows(teacher, AgreedActionOperation.MarkDone, new OnChild<Core.Actions.AgreedAction?>(ChildIn(Situation.NorthPupilOfSchoolB), action)));
    }

    [Fact]
    public void A_host_authority_sees_a_placed_child_but_the_responsible_one_decides()
    {
        var child = ChildIn(Situation.NorthChildPlacedInSouth);
        var record = new OnChild<string>(child, "referral");
        Assert.True(RecordAccess.Allows(Person(SouthSocialCare, BeaconRoles.SocialWorker), ReferralOperation.View, record));
        Assert.False(RecordAccess.Allows(Person(SouthSocialCare, BeaconRoles.SocialWorker), ReferralOperation.Decide, record));
        Assert.True(RecordAccess.Allows(Person(NorthSocialCare, BeaconRoles.SocialWorker), ReferralOperation.Decide, record));
    }

    [Fact]
    public void Every_role_can_be_held_somewhere_and_nowhere_it_does_not_belong()
    {
        Assert.All(BeaconRoles.All, role => Assert.Contains(Enum.GetValues<Agency>(), kind => OrganisationRoles.MayHold(kind, role)));
        Assert.False(OrganisationRoles.MayHold(Agency.Education, BeaconRoles.PoliceOfficer));
        Assert.False(OrganisationRoles.MayHold(Agency.Police, BeaconRoles.Administrator));
        Assert.True(OrganisationRoles.MayHold(Agency.Education, BeaconRoles.SafeguardingLead));
    }

    private static bool IsPractitioner(string role) => BeaconRoles.Practitioners.Contains(role);
}
