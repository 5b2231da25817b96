using Beacon.Core.Access;
using Beacon.Core.Referrals;
using Beacon.Core.RiskAssessment;
using Beacon.Core.Tests.Access;

namespace Beacon.Core.Tests.Panel;

public sealed class PanelListReferralTests
{
    private static readonly DateTime Received = new(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc);

    private static Referral Raise(bool suspected)
    {
        var child = AccessWorld.ChildIn(AccessWorld.Situation.NorthPupilOfSchoolA);
        return Referral.Raise(child, AccessWorld.Person(AccessWorld.SchoolA, BeaconRoles.SafeguardingLead), "Seen with older men at the (fictional) bus station.",
            Received.AddHours(-3), Received, SharingBasis.ConsentGiven, exploitationSuspected: suspected);
    }

    [Fact]
    public void A_referral_of_suspected_exploitation_lists_the_child_for_four_weeks_from_its_receipt()
    {
        var referral = Raise(suspected: true);
        Assert.True(referral.ExploitationSuspected);
        Assert.True(PanelList.ListsChild(referral, Received.AddDays(PanelList.NewReferralDays)));
        Assert.False(PanelList.ListsChild(referral, Received.AddDays(PanelList.NewReferralDays).AddMinutes(1)));
        Assert.False(PanelList.ListsChild(Raise(suspected: false), Received));
    }

    [Fact]
    public void Only_approved_no_further_action_takes_the_child_off_before_then()
    {
        var referral = Raise(suspected: true);
        referral.RecordDecision(TriageOutcome.NoFurtherAction, "worker-1", Received.AddHours(2), "Checks found no exploitation");
        Assert.True(PanelList.ListsChild(referral, Received.AddDays(1)), "a proposal alone takes nobody off");
        referral.ApproveNoFurtherAction("manager-1", Received.AddHours(4));
        Assert.False(PanelList.ListsChild(referral, Received.AddDays(1)));

        var opened = Raise(suspected: true);
        opened.RecordDecision(TriageOutcome.StrategyDiscussion, "worker-1", Received.AddHours(2));
        Assert.True(PanelList.ListsChild(opened, Received.AddDays(1)));
    }
}
