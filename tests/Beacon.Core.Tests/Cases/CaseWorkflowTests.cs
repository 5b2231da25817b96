using Beacon.Core.Cases;
using Beacon.Core.RiskAssessment;
using Beacon.Core.Common;
using Beacon.Core.Referrals;
using Beacon.Core.Timescales;
using static Beacon.Core.Tests.Cases.CaseTestData;

namespace Beacon.Core.Tests.Cases;

public class CaseWorkflowTests
{
    private static readonly StatutoryTimescales Timescales = StatutoryTimescales.EnglandAndWales;

    // The whole table, so any change to what is allowed shows up here.
    public static TheoryData<CaseStage, CaseStage[]> AllowedMoves => new()
    {
        { CaseStage.Referral, [CaseStage.StrategyDiscussion, CaseStage.Assessment, CaseStage.Closed] },
        { CaseStage.StrategyDiscussion, [CaseStage.Section47Enquiry, CaseStage.Assessment, CaseStage.Closed] },
        { CaseStage.Section47Enquiry, [CaseStage.InitialChildProtectionConference, CaseStage.Assessment, CaseStage.Closed] },
        { CaseStage.Assessment, [CaseStage.StrategyDiscussion, CaseStage.Plan, CaseStage.Closed] },
        { CaseStage.InitialChildProtectionConference, [CaseStage.Plan, CaseStage.Closed] },
        { CaseStage.Plan, [CaseStage.Review, CaseStage.Closed] },
        { CaseStage.Review, [CaseStage.Review, CaseStage.Plan, CaseStage.Closed] },
        { CaseStage.Closed, [] },
    };

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void Allowed_transitions(CaseStage from, CaseStage[] allowed)
    {
        foreach (var to in Enum.GetValues<CaseStage>())
            Assert.Equal(allowed.Contains(to), CaseWorkflow.CanMove(from, to));
        Assert.Equal(allowed.Order(), CaseWorkflow.NextStages(from).Order());
    }

    [Fact]
    public void Walks_from_referral_to_closure_by_the_child_protection_route()
    {
        var c = NewCase();
        Assert.Equal(CaseStage.Referral, c.Stage);
        Assert.Equal(ReceivedOn, c.ReferralReceivedOn);

        c.HoldStrategyDiscussion(D("2024-03-21"), PoliceAndSocialCare, "sw-1");
        c.StartSection47Enquiry(D("2024-03-22"), "sw-1");
        c.CompleteAssessment(D("2024-04-05"), "sw-1");
        c.HoldInitialConference(D("2024-04-10"), "sw-1");
        c.StartPlan(PlanKind.ChildProtection, D("2024-04-10"), "sw-1");
        c.HoldReviewConference(D("2024-07-01"), "sw-1", Timescales);
        c.HoldReviewConference(D("2024-12-20"), "sw-1", Timescales);
        c.StartPlan(PlanKind.ChildInNeed, D("2024-12-20"), "sw-1");
        c.RequestClosure("Plan outcomes met; risk reduced to no apparent risk.", "sw-1", Utc("2025-03-01T10:00:00"));
        c.ApproveClosure("tm-1", Utc("2025-03-02T10:00:00"), ExploitationRiskLevel.AtRisk);

        Assert.True(c.IsClosed);
        Assert.Equal(
            [CaseStage.StrategyDiscussion, CaseStage.Section47Enquiry, CaseStage.InitialChildProtectionConference,
             CaseStage.Plan, CaseStage.Review, CaseStage.Review, CaseStage.Plan, CaseStage.Closed],
            c.StageHistory.Select(h => h.To));
        Assert.Equal(2, c.ReviewConferences.Count);
        Assert.Equal("tm-1", c.StageHistory[^1].ByUserId);
        Assert.Equal(D("2025-03-02"), c.StageHistory[^1].On);
    }

    [Fact]
    public void Assessment_and_plan_are_reachable_directly()
    {
        var c = NewCase();
        c.StartAssessment(D("2024-03-21"), "sw-1");
        Assert.Equal(CaseStage.Assessment, c.Stage);
        c.StartPlan(PlanKind.ChildInNeed, D("2024-04-15"), "sw-1");
        Assert.Equal(CaseStage.Plan, c.Stage);
        Assert.Equal(PlanKind.ChildInNeed, c.PlanKind);
    }

    [Theory]
    [InlineData(TriageOutcome.EarlyHelp)]
    [InlineData(TriageOutcome.NoFurtherAction)]
    public void A_case_is_not_opened_for_other_decisions(TriageOutcome outcome)
    {
        var referral = DecidedReferral(outcome);
        Assert.Throws<DomainRuleViolation>(() => Case.OpenFromReferral(referral, "sw-1", ReceivedAtUtc.AddHours(3)));
    }

    [Fact]
    public void A_case_is_not_opened_before_the_referral_is_decided()
    {
        var referral = Referral.Raise(Guid.NewGuid(), "o", Beacon.Core.Access.Agency.Health, "x", ReceivedAtUtc, ReceivedAtUtc,
            SharingBasis.ConsentGiven);
        Assert.Throws<DomainRuleViolation>(() => Case.OpenFromReferral(referral, "sw-1", ReceivedAtUtc));
    }

    [Fact]
    public void Section_47_straight_from_referral_is_refused_naming_both_stages()
    {
        var c = NewCase();
        var ex = Assert.Throws<DomainRuleViolation>(() => c.StartSection47Enquiry(D("2024-03-21"), "sw-1"));
        Assert.Contains("at the referral stage", ex.Message);
        Assert.Contains("cannot move to section 47 enquiry", ex.Message);
        Assert.Equal(CaseStage.Referral, c.Stage);
        Assert.Empty(c.StageHistory);
        Assert.Null(c.Section47StartedOn);
    }

    public static TheoryData<string, Func<Case>, Action<Case>> RefusedMoves => new()
    {
        { "referral to conference", NewCase, c => c.HoldInitialConference(D("2024-04-01"), "sw-1") },
        { "referral to plan", NewCase, c => c.StartPlan(PlanKind.ChildInNeed, D("2024-04-01"), "sw-1") },
        { "referral to review", NewCase, c => c.HoldReviewConference(D("2024-04-01"), "sw-1", StatutoryTimescales.EnglandAndWales) },
        { "assessment to section 47", () => AtAssessment(), c => c.StartSection47Enquiry(D("2024-04-01"), "sw-1") },
        { "assessment to conference", () => AtAssessment(), c => c.HoldInitialConference(D("2024-04-01"), "sw-1") },
        { "strategy discussion to conference", () => AtStrategyDiscussion(), c => c.HoldInitialConference(D("2024-04-01"), "sw-1") },
        { "strategy discussion to plan", () => AtStrategyDiscussion(), c => c.StartPlan(PlanKind.ChildInNeed, D("2024-04-01"), "sw-1") },
        { "conference to assessment", () => AtInitialConference(), c => c.StartAssessment(D("2024-04-11"), "sw-1") },
        { "plan to strategy discussion", () => OnChildProtectionPlan(), c => c.HoldStrategyDiscussion(D("2024-05-01"), PoliceAndSocialCare, "sw-1") },
        { "plan to assessment", () => OnChildInNeedPlan(), c => c.StartAssessment(D("2024-05-01"), "sw-1") },
        { "closed to assessment", Closed, c => c.StartAssessment(D("2024-05-01"), "sw-1") },
        { "closed to strategy discussion", Closed, c => c.HoldStrategyDiscussion(D("2024-05-01"), PoliceAndSocialCare, "sw-1") },
    };

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void Moves_the_workflow_does_not_allow_are_refused_and_change_nothing(string move, Func<Case> arrange, Action<Case> act)
    {
        var c = arrange();
        var stage = c.Stage;
        var history = c.StageHistory.Count;
        var ex = Assert.Throws<DomainRuleViolation>(() => act(c));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message), move);
        Assert.Equal(stage, c.Stage);
        Assert.Equal(history, c.StageHistory.Count);
    }

    [Fact]
    public void Refusal_lists_where_the_case_can_go_instead()
    {
        var ex = Assert.Throws<DomainRuleViolation>(() => AtAssessment().HoldInitialConference(D("2024-04-01"), "sw-1"));
        Assert.Equal(
            "This case is at the assessment stage and cannot move to initial child protection conference. " +
            "From here it can move to: strategy discussion, plan, closure.",
            ex.Message);
    }

    [Fact]
    public void Only_an_initial_conference_can_make_a_child_protection_plan()
    {
        var c = AtAssessment();
        var ex = Assert.Throws<DomainRuleViolation>(() => c.StartPlan(PlanKind.ChildProtection, D("2024-04-15"), "sw-1"));
        Assert.Equal(nameof(Case.PlanKind), ex.Field);
        Assert.Equal(CaseStage.Assessment, c.Stage);
    }

    [Fact]
    public void Review_conferences_are_only_for_child_protection_plans()
    {
        var c = OnChildInNeedPlan();
        Assert.Throws<DomainRuleViolation>(() => c.HoldReviewConference(D("2024-07-01"), "sw-1", Timescales));
        Assert.Equal(CaseStage.Plan, c.Stage);
        Assert.Empty(c.ReviewConferences);
    }

    [Fact]
    public void A_review_can_step_the_plan_down_to_child_in_need()
    {
        var c = AtReview();
        c.StartPlan(PlanKind.ChildInNeed, D("2024-07-01"), "sw-1");
        Assert.Equal(PlanKind.ChildInNeed, c.PlanKind);
        Assert.Null(c.NextReviewDueOn(Timescales));
        Assert.Throws<DomainRuleViolation>(() => c.HoldReviewConference(D("2024-12-01"), "sw-1", Timescales));
    }

    [Fact]
    public void Events_cannot_be_dated_before_the_previous_move()
    {
        var c = AtStrategyDiscussion("2024-03-25");
        var ex = Assert.Throws<DomainRuleViolation>(() => c.StartSection47Enquiry(D("2024-03-22"), "sw-1"));
        Assert.Contains("cannot be dated earlier", ex.Message);
        Assert.Equal(CaseStage.StrategyDiscussion, c.Stage);
    }

    [Fact]
    public void Nothing_can_be_dated_before_the_referral_was_received()
    {
        var c = NewCase();
        var ex = Assert.Throws<DomainRuleViolation>(() => c.StartAssessment(D("2024-03-19"), "sw-1"));
        Assert.Contains("before the referral was received", ex.Message);
        Assert.Equal(CaseStage.Referral, c.Stage);
    }

    [Fact]
    public void Assessment_completion_rules()
    {
        var c = NewCase();
        Assert.Throws<DomainRuleViolation>(() => c.CompleteAssessment(D("2024-04-01"), "sw-1")); // not started
        c.StartAssessment(D("2024-03-25"), "sw-1");
        Assert.Throws<DomainRuleViolation>(() => c.CompleteAssessment(D("2024-03-22"), "sw-1")); // before start
        c.CompleteAssessment(D("2024-04-03"), "sw-1");
        Assert.Equal(D("2024-04-03"), c.AssessmentCompletedOn);
        Assert.Throws<DomainRuleViolation>(() => c.CompleteAssessment(D("2024-04-04"), "sw-1")); // twice
    }

    [Fact]
    public void Section_47_starts_the_assessment_clock()
    {
        var c = AtSection47();
        Assert.Equal(D("2024-03-22"), c.AssessmentStartedOn);
        Assert.Equal(D("2024-03-22"), c.Section47StartedOn);
    }

    [Fact]
    public void Not_substantiated_section_47_can_continue_as_an_assessment_or_a_child_in_need_plan()
    {
        var a = AtSection47();
        a.ContinueUnderSection17("Concerns not substantiated after police checks.", D("2024-03-28"), "sw-1");
        Assert.Equal(CaseStage.Assessment, a.Stage);
        Assert.Equal(D("2024-03-22"), a.AssessmentStartedOn); // the clock is not restarted

        // A child in need plan follows from the assessment, not straight from the enquiry (which would leave the
        // protection path without a recorded reason).
        var b = AtSection47();
        Assert.Throws<Beacon.Core.Common.DomainRuleViolation>(() => b.StartPlan(PlanKind.ChildInNeed, D("2024-04-05"), "sw-1"));
        b.ContinueUnderSection17("Concerns not substantiated; family accepts support.", D("2024-04-04"), "sw-1");
        b.StartPlan(PlanKind.ChildInNeed, D("2024-04-05"), "sw-1");
        Assert.Equal(CaseStage.Plan, b.Stage);
    }

    [Fact]
    public void Allocation()
    {
        var c = NewCase();
        Assert.Throws<DomainRuleViolation>(() => c.Allocate(""));
        c.Allocate("sw-2");
        Assert.Equal("sw-2", c.AllocatedWorkerUserId);
        Assert.Throws<DomainRuleViolation>(() => Closed().Allocate("sw-2"));
    }
}
