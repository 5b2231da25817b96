using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.Referrals;
using Beacon.Core.Timescales;

namespace Beacon.Core.Tests.Referrals;

public class ReferralTests
{
    private static readonly Guid Child = Guid.NewGuid();
    private static readonly StatutoryTimescales Timescales = StatutoryTimescales.EnglandAndWales;
    private static DateTime Utc(string s) => DateTime.SpecifyKind(DateTime.Parse(s), DateTimeKind.Utc);

    // Friday 7 June 2024, 10:00 UTC: the decision is due on Monday 10 June.
    private static readonly DateTime Received = Utc("2024-06-07T10:00:00");

    private static Referral Raise(SharingBasis basis = SharingBasis.ConsentGiven, string? justification = null) =>
        Referral.Raise(Child, "outreach-1", Agency.YouthOutreach, "Seen getting into a car with older men outside the youth centre.",
            Received.AddDays(-1), Received, basis, justification);

    [Fact]
    public void Raised_referral_waits_in_the_front_door_queue()
    {
        var referral = Raise();
        Assert.NotEqual(Guid.Empty, referral.Id);
        Assert.Equal(Child, referral.ChildId);
        Assert.Equal(Agency.YouthOutreach, referral.ReferrerAgency);
        Assert.Equal(ReferralStatus.AwaitingDecision, referral.Status);
        Assert.Null(referral.Outcome);
        Assert.Equal(new DateOnly(2024, 6, 10), referral.DecisionDueOn(Timescales));
    }

    [Fact]
    public void Unknown_child_is_refused()
    {
        var ex = Assert.Throws<DomainRuleViolation>(() => Referral.Raise(Guid.Empty, "outreach-1", Agency.YouthOutreach,
            "Concern", Received, Received, SharingBasis.ConsentGiven));
        Assert.Equal(nameof(Referral.ChildId), ex.Field);
    }

    [Fact]
    public void What_was_seen_is_required()
    {
        var ex = Assert.Throws<DomainRuleViolation>(() => Referral.Raise(Child, "outreach-1", Agency.YouthOutreach,
            "  ", Received, Received, SharingBasis.ConsentGiven));
        Assert.Equal(nameof(Referral.WhatWasSeen), ex.Field);
    }

    [Fact]
    public void Seen_after_received_is_refused()
    {
        var ex = Assert.Throws<DomainRuleViolation>(() => Referral.Raise(Child, "outreach-1", Agency.YouthOutreach,
            "Concern", Received.AddMinutes(1), Received, SharingBasis.ConsentGiven));
        Assert.Equal(nameof(Referral.SeenAtUtc), ex.Field);
    }

    [Theory]
    [InlineData(SharingBasis.ConsentRefusedSharingJustified)]
    [InlineData(SharingBasis.ConsentNotSoughtWouldIncreaseRisk)]
    [InlineData(SharingBasis.ConsentNotSoughtUrgent)]
    [InlineData(SharingBasis.LegalDuty)]
    public void Sharing_without_consent_needs_a_justification(SharingBasis basis)
    {
        var ex = Assert.Throws<DomainRuleViolation>(() => Raise(basis));
        Assert.Equal(nameof(Referral.SharingJustification), ex.Field);

        var referral = Raise(basis, "She said he would hurt her if she told anyone.");
        Assert.Equal(basis, referral.SharingBasis);
    }

    [Fact]
    public void Consent_needs_no_justification() => Assert.Null(Raise().SharingJustification);

    [Fact]
    public void Local_time_is_refused() =>
        Assert.Throws<DomainRuleViolation>(() => Referral.Raise(Child, "outreach-1", Agency.YouthOutreach, "Concern",
            Received, new DateTime(2024, 6, 7, 10, 0, 0, DateTimeKind.Local), SharingBasis.ConsentGiven));

    [Theory]
    [InlineData(TriageOutcome.EarlyHelp)]
    [InlineData(TriageOutcome.Assessment)]
    [InlineData(TriageOutcome.StrategyDiscussion)]
    public void Decisions_other_than_no_further_action_take_effect_at_once(TriageOutcome outcome)
    {
        var referral = Raise();
        referral.RecordDecision(outcome, "sw-1", Received.AddHours(3));
        Assert.Equal(ReferralStatus.Decided, referral.Status);
        Assert.Equal(outcome, referral.Outcome);
        Assert.Equal(Received.AddHours(3), referral.DecisionEffectiveAtUtc);
    }

    [Fact]
    public void Decision_before_receipt_is_refused_and_changes_nothing()
    {
        var referral = Raise();
        var ex = Assert.Throws<DomainRuleViolation>(() =>
            referral.RecordDecision(TriageOutcome.Assessment, "sw-1", Received.AddMinutes(-1)));
        Assert.Equal(nameof(Referral.DecidedAtUtc), ex.Field);
        Assert.Contains("before the referral was received", ex.Message);
        Assert.Equal(ReferralStatus.AwaitingDecision, referral.Status);
        Assert.Null(referral.ProposedOutcome);
        Assert.Null(referral.DecidedAtUtc);
    }

    [Fact]
    public void No_further_action_needs_a_reason()
    {
        var referral = Raise();
        var ex = Assert.Throws<DomainRuleViolation>(() =>
            referral.RecordDecision(TriageOutcome.NoFurtherAction, "sw-1", Received.AddHours(1), " "));
        Assert.Equal(nameof(Referral.DecisionReason), ex.Field);
        Assert.Equal(ReferralStatus.AwaitingDecision, referral.Status);
    }

    [Fact]
    public void No_further_action_takes_effect_only_when_a_manager_approves()
    {
        var referral = Raise();
        referral.RecordDecision(TriageOutcome.NoFurtherAction, "sw-1", Received.AddHours(1), "Already known and supported by school.");
        Assert.Equal(ReferralStatus.AwaitingManagerApproval, referral.Status);
        Assert.Null(referral.Outcome);
        Assert.Null(referral.DecisionEffectiveAtUtc);

        referral.ApproveNoFurtherAction("tm-1", Received.AddHours(2));
        Assert.Equal(ReferralStatus.Decided, referral.Status);
        Assert.Equal(TriageOutcome.NoFurtherAction, referral.Outcome);
        Assert.Equal("tm-1", referral.ApprovedByUserId);
        Assert.Equal(Received.AddHours(2), referral.DecisionEffectiveAtUtc);
    }

    [Fact]
    public void The_proposer_cannot_approve_their_own_no_further_action()
    {
        var referral = Raise();
        referral.RecordDecision(TriageOutcome.NoFurtherAction, "tm-1", Received.AddHours(1), "Reason");
        Assert.Throws<DomainRuleViolation>(() => referral.ApproveNoFurtherAction("tm-1", Received.AddHours(2)));
        Assert.Equal(ReferralStatus.AwaitingManagerApproval, referral.Status);
    }

    [Fact]
    public void Approval_cannot_be_dated_before_the_decision()
    {
        var referral = Raise();
        referral.RecordDecision(TriageOutcome.NoFurtherAction, "sw-1", Received.AddHours(2), "Reason");
        Assert.Throws<DomainRuleViolation>(() => referral.ApproveNoFurtherAction("tm-1", Received.AddHours(1)));
        Assert.Null(referral.Outcome);
    }

    [Fact]
    public void Manager_can_send_no_further_action_back_for_a_fresh_decision()
    {
        var referral = Raise();
        referral.RecordDecision(TriageOutcome.NoFurtherAction, "sw-1", Received.AddHours(1), "Reason");
        referral.ReturnNoFurtherAction("tm-1", "Third referral this month: assess.");
        Assert.Equal(ReferralStatus.AwaitingDecision, referral.Status);
        Assert.Null(referral.ProposedOutcome);
        Assert.Equal("Third referral this month: assess.", referral.ManagerReturnReason);

        referral.RecordDecision(TriageOutcome.Assessment, "sw-1", Received.AddHours(3));
        Assert.Equal(TriageOutcome.Assessment, referral.Outcome);
    }

    [Fact]
    public void A_decided_referral_cannot_be_decided_again()
    {
        var referral = Raise();
        referral.RecordDecision(TriageOutcome.Assessment, "sw-1", Received.AddHours(1));
        Assert.Throws<DomainRuleViolation>(() => referral.RecordDecision(TriageOutcome.NoFurtherAction, "sw-1", Received.AddHours(2), "r"));
        Assert.Equal(TriageOutcome.Assessment, referral.Outcome);
    }

    [Fact]
    public void A_pending_no_further_action_cannot_be_overwritten_or_approved_twice()
    {
        var referral = Raise();
        Assert.Throws<DomainRuleViolation>(() => referral.ApproveNoFurtherAction("tm-1", Received.AddHours(1)));
        referral.RecordDecision(TriageOutcome.NoFurtherAction, "sw-1", Received.AddHours(1), "Reason");
        Assert.Throws<DomainRuleViolation>(() => referral.RecordDecision(TriageOutcome.EarlyHelp, "sw-1", Received.AddHours(2)));
        referral.ApproveNoFurtherAction("tm-1", Received.AddHours(2));
        Assert.Throws<DomainRuleViolation>(() => referral.ApproveNoFurtherAction("tm-2", Received.AddHours(3)));
        Assert.Throws<DomainRuleViolation>(() => referral.ReturnNoFurtherAction("tm-2", "no"));
    }

    [Theory]
    [InlineData("2024-06-10T16:00:00", TimescaleState.MetOnTime, 0)] // Monday
    [InlineData("2024-06-11T09:00:00", TimescaleState.MetLate, 1)]   // Tuesday
    public void Decision_timescale(string decidedAt, TimescaleState state, int late)
    {
        var referral = Raise();
        referral.RecordDecision(TriageOutcome.StrategyDiscussion, "sw-1", Utc(decidedAt));
        var outcome = referral.DecisionTimescale(Timescales, Utc("2024-06-20T12:00:00"));
        Assert.Equal(StatutoryStep.ReferralDecision, outcome.Step);
        Assert.Equal((state, late), (outcome.State, outcome.Amount));
    }

    [Fact]
    public void Undecided_referral_goes_overdue()
    {
        var outcome = Raise().DecisionTimescale(Timescales, Utc("2024-06-12T09:00:00"));
        Assert.Equal(TimescaleState.Overdue, outcome.State);
        Assert.Equal(2, outcome.Amount);
    }

    [Fact]
    public void No_further_action_waiting_for_approval_still_runs_the_clock()
    {
        var referral = Raise();
        referral.RecordDecision(TriageOutcome.NoFurtherAction, "sw-1", Utc("2024-06-10T09:00:00"), "Reason");
        Assert.Equal(TimescaleState.Overdue, referral.DecisionTimescale(Timescales, Utc("2024-06-11T09:00:00")).State);

        referral.ApproveNoFurtherAction("tm-1", Utc("2024-06-11T10:00:00"));
        var outcome = referral.DecisionTimescale(Timescales, Utc("2024-06-20T09:00:00"));
        Assert.Equal((TimescaleState.MetLate, 1), (outcome.State, outcome.Amount));
    }
}
