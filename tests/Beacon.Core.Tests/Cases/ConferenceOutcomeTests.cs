using Beacon.Core.Cases;
using Beacon.Core.Common;
using Beacon.Core.Timescales;
using static Beacon.Core.Tests.Cases.CaseTestData;

namespace Beacon.Core.Tests.Cases;

/// <summary>What strategy discussions, conferences and plans decided is kept with them, and decisions hold together.</summary>
public sealed class ConferenceOutcomeTests
{
    [Fact]
    public void A_strategy_discussion_keeps_what_it_decided_within_the_limit()
    {
        var c = NewCase();
        Assert.Equal("Decisions", Assert.Throws<DomainRuleViolation>(() =>
            c.HoldStrategyDiscussion(D("2024-03-21"), PoliceAndSocialCare, "sw-1", new string('x', 4001))).Field);
        var discussion = c.HoldStrategyDiscussion(D("2024-03-21"), PoliceAndSocialCare, "sw-1", "Section 47 enquiry; police visit today");
        Assert.Equal("Section 47 enquiry; police visit today", discussion.Decisions);
    }

    [Fact]
    public void A_conference_deciding_on_a_plan_names_the_category_of_abuse_and_the_core_group()
    {
        var c = AtSection47();
        Assert.Equal("AbuseCategory", Assert.Throws<DomainRuleViolation>(() =>
            c.HoldInitialConference(D("2024-04-10"), "sw-1", ConferenceOutcome.ChildProtectionPlan, null, "DC Lowe (police)")).Field);
        Assert.Equal("CoreGroup", Assert.Throws<DomainRuleViolation>(() =>
            c.HoldInitialConference(D("2024-04-10"), "sw-1", ConferenceOutcome.ChildProtectionPlan, AbuseCategory.SexualAbuse, " ")).Field);
        Assert.Equal(CaseStage.Section47Enquiry, c.Stage);

        c.HoldInitialConference(D("2024-04-10"), "sw-1", ConferenceOutcome.ChildProtectionPlan, AbuseCategory.SexualAbuse, "DC Lowe (police), Sam Carer (social care)");
        Assert.Equal((ConferenceOutcome.ChildProtectionPlan, AbuseCategory.SexualAbuse), (c.InitialConferenceOutcome!.Value, c.AbuseCategory!.Value));
        c.StartPlan(PlanKind.ChildProtection, D("2024-04-10"), "sw-1", "No contact with the men named in the enquiry");
        Assert.Equal("No contact with the men named in the enquiry", c.PlanOutcomes);
    }

    [Fact]
    public void A_conference_that_decided_against_a_plan_cannot_then_start_one()
    {
        var c = AtSection47();
        c.HoldInitialConference(D("2024-04-10"), "sw-1", ConferenceOutcome.ChildInNeedPlan);
        Assert.Null(c.AbuseCategory);
        var refused = Assert.Throws<DomainRuleViolation>(() => c.StartPlan(PlanKind.ChildProtection, D("2024-04-10"), "sw-1"));
        Assert.Contains("decided: child in need plan", refused.Message);
        c.StartPlan(PlanKind.ChildInNeed, D("2024-04-10"), "sw-1");
        Assert.Equal(PlanKind.ChildInNeed, c.PlanKind);
    }

    [Fact]
    public void A_review_keeps_what_it_decided()
    {
        var c = OnChildProtectionPlan();
        var review = c.HoldReviewConference(D("2024-07-01"), "sw-1", StatutoryTimescales.EnglandAndWales, ReviewOutcome.StepDownToChildInNeed);
        Assert.Equal(ReviewOutcome.StepDownToChildInNeed, review.Outcome);
        Assert.Throws<DomainRuleViolation>(() => c.HoldReviewConference(D("2024-10-01"), "sw-1", StatutoryTimescales.EnglandAndWales, (ReviewOutcome)9));
    }
}
