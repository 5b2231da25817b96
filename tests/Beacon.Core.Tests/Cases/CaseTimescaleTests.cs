using Beacon.Core.Cases;
using Beacon.Core.RiskAssessment;
using Beacon.Core.Timescales;
using static Beacon.Core.Tests.Cases.CaseTestData;

namespace Beacon.Core.Tests.Cases;

public class CaseTimescaleTests
{
    private static readonly StatutoryTimescales Timescales = StatutoryTimescales.EnglandAndWales;

    [Fact]
    public void No_due_dates_before_any_work_starts()
    {
        var c = NewCase();
        Assert.Null(c.AssessmentDueOn(Timescales));
        Assert.Null(c.InitialConferenceDueOn(Timescales));
        Assert.Null(c.NextReviewDueOn(Timescales));
        Assert.Empty(c.TimescaleOutcomes(Timescales, Utc("2024-03-21T09:00:00")));
    }

    [Fact]
    public void Assessment_is_due_45_working_days_from_the_referral_not_from_its_start()
    {
        var c = AtAssessment(started: "2024-04-15");
        // 20 March 2024 + 45 working days, skipping Good Friday, Easter Monday, early May and spring.
        Assert.Equal(D("2024-05-28"), c.AssessmentDueOn(Timescales));
    }

    [Fact]
    public void Overdue_assessment_is_visible_with_how_late_it_is()
    {
        var c = AtAssessment();
        var outcome = Assert.Single(c.TimescaleOutcomes(Timescales, Utc("2024-05-31T09:00:00")));
        Assert.Equal(StatutoryStep.Assessment, outcome.Step);
        Assert.Equal(TimescaleState.Overdue, outcome.State);
        Assert.Equal(3, outcome.Amount); // Wednesday 29 to Friday 31 May
    }

    [Fact]
    public void Completed_assessment_on_time()
    {
        var c = AtAssessment();
        c.CompleteAssessment(D("2024-05-28"), "sw-1"); // on the due date itself
        var outcome = Assert.Single(c.TimescaleOutcomes(Timescales, Utc("2024-06-29T09:00:00")));
        Assert.Equal(TimescaleState.MetOnTime, outcome.State);
    }

    [Fact]
    public void Initial_conference_is_due_15_working_days_after_the_strategy_discussion()
    {
        var c = AtSection47(discussion: "2024-03-21");
        // 21 March + 15 working days, skipping Good Friday and Easter Monday.
        Assert.Equal(D("2024-04-15"), c.InitialConferenceDueOn(Timescales));
        var icpc = c.TimescaleOutcomes(Timescales, Utc("2024-04-17T09:00:00")).Single(o => o.Step == StatutoryStep.InitialChildProtectionConference);
        Assert.Equal((TimescaleState.Overdue, 2), (icpc.State, icpc.Amount));
    }

    [Fact]
    public void Initial_conference_held_late_stays_counted_as_a_breach()
    {
        var c = AtInitialConference(on: "2024-04-17");
        var icpc = c.TimescaleOutcomes(Timescales, Utc("2024-05-01T09:00:00")).Single(o => o.Step == StatutoryStep.InitialChildProtectionConference);
        Assert.Equal((TimescaleState.MetLate, 2), (icpc.State, icpc.Amount));
        Assert.True(icpc.IsBreach);
    }

    [Fact]
    public void No_conference_is_due_once_a_section_47_ends_without_one()
    {
        var c = AtSection47();
        c.ContinueUnderSection17("Concerns not substantiated after police checks.", D("2024-04-05"), "sw-1");
        Assert.Null(c.InitialConferenceDueOn(Timescales));
        Assert.DoesNotContain(c.TimescaleOutcomes(Timescales, Utc("2024-05-01T09:00:00")),
            o => o.Step == StatutoryStep.InitialChildProtectionConference);
    }

    [Fact]
    public void Reviews_first_within_3_months_then_every_6()
    {
        var c = OnChildProtectionPlan(conference: "2024-04-10");
        Assert.Equal(D("2024-07-10"), c.NextReviewDueOn(Timescales));

        var first = c.HoldReviewConference(D("2024-07-08"), "sw-1", Timescales);
        Assert.Equal((1, D("2024-07-10")), (first.Number, first.DueOn));
        Assert.Equal(D("2025-01-08"), c.NextReviewDueOn(Timescales));

        var second = c.HoldReviewConference(D("2025-01-20"), "sw-1", Timescales);
        Assert.Equal((2, D("2025-01-08")), (second.Number, second.DueOn));
        Assert.Equal(D("2025-07-20"), c.NextReviewDueOn(Timescales));

        var outcomes = c.TimescaleOutcomes(Timescales, Utc("2025-02-01T09:00:00"))
            .Where(o => o.Step is StatutoryStep.FirstReviewConference or StatutoryStep.ReviewConference).ToList();
        Assert.Collection(outcomes,
            o => Assert.Equal((StatutoryStep.FirstReviewConference, TimescaleState.MetOnTime), (o.Step, o.State)),
            o => Assert.Equal((StatutoryStep.ReviewConference, TimescaleState.MetLate, 12, TimescaleUnit.CalendarDays), (o.Step, o.State, o.Amount, o.Unit)),
            o => Assert.Equal((StatutoryStep.ReviewConference, TimescaleState.Due, D("2025-07-20")), (o.Step, o.State, o.DueOn)));
    }

    [Fact]
    public void Overdue_first_review_is_visible()
    {
        var c = OnChildProtectionPlan(conference: "2024-04-10");
        var review = c.TimescaleOutcomes(Timescales, Utc("2024-07-15T09:00:00")).Single(o => o.Step == StatutoryStep.FirstReviewConference);
        Assert.Equal((TimescaleState.Overdue, 5), (review.State, review.Amount));
    }

    [Fact]
    public void A_closed_case_keeps_its_breaches_but_has_nothing_outstanding()
    {
        var c = Closed(); // assessment started, never completed
        Assert.Empty(c.TimescaleOutcomes(Timescales, Utc("2024-09-01T09:00:00")));

        var late = AtInitialConference(on: "2024-04-17");
        late.RequestClosure("Moved away", "sw-1", Utc("2024-04-18T09:00:00"));
        late.ApproveClosure("tm-1", Utc("2024-04-18T10:00:00"), ExploitationRiskLevel.NoApparentRisk);
        var outcome = Assert.Single(late.TimescaleOutcomes(Timescales, Utc("2024-09-01T09:00:00")));
        Assert.Equal((StatutoryStep.InitialChildProtectionConference, TimescaleState.MetLate), (outcome.Step, outcome.State));
    }
}
