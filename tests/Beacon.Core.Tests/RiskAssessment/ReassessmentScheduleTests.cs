using Beacon.Core.Common;
using Beacon.Core.RiskAssessment;

namespace Beacon.Core.Tests.RiskAssessment;

public class ReassessmentScheduleTests
{
    private static readonly ReassessmentSchedule Schedule = ReassessmentSchedule.Default;
    private static readonly ReassessmentTrigger[] NoTriggers = [];

    private static DateTime Utc(string s) => DateTime.SpecifyKind(DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    [Theory]
    [InlineData(ExploitationRiskLevel.Serious, "2025-01-01 10:00", "2025-01-29 10:00")]
    [InlineData(ExploitationRiskLevel.Significant, "2025-01-01 10:00", "2025-04-01 10:00")]
    [InlineData(ExploitationRiskLevel.AtRisk, "2025-01-01 10:00", "2025-07-01 10:00")]
    [InlineData(ExploitationRiskLevel.NoApparentRisk, "2025-01-01 10:00", "2026-01-01 10:00")]
    [InlineData(ExploitationRiskLevel.Significant, "2025-11-30 08:00", "2026-02-28 08:00")]
    [InlineData(ExploitationRiskLevel.AtRisk, "2023-08-31 08:00", "2024-02-29 08:00")]
    [InlineData(ExploitationRiskLevel.Serious, "2025-12-20 16:30", "2026-01-17 16:30")]
    public void Scheduled_review_is_due_by_level(ExploitationRiskLevel level, string signedOff, string expectedDue)
    {
        var due = Schedule.DueFor(level, Utc(signedOff), NoTriggers);

        Assert.Equal(ReassessmentReason.Scheduled, due.Reason);
        Assert.Equal(Utc(expectedDue), due.DueAtUtc);
        Assert.Equal(level, due.Level);
        Assert.Null(due.Trigger);
    }

    [Theory]
    [InlineData(ExploitationRiskLevel.Serious, "2025-01-29 09:59", false)]
    [InlineData(ExploitationRiskLevel.Serious, "2025-01-29 10:00", true)]
    [InlineData(ExploitationRiskLevel.Significant, "2025-03-31 23:59", false)]
    [InlineData(ExploitationRiskLevel.Significant, "2025-04-02 00:00", true)]
    [InlineData(ExploitationRiskLevel.NoApparentRisk, "2025-12-31 10:00", false)]
    [InlineData(ExploitationRiskLevel.NoApparentRisk, "2026-01-01 10:00", true)]
    public void A_scheduled_review_is_due_from_its_date_onwards(ExploitationRiskLevel level, string now, bool expectedDue) =>
        Assert.Equal(expectedDue, Schedule.DueFor(level, Utc("2025-01-01 10:00"), NoTriggers).IsDueBy(Utc(now)));

    [Theory]
    [InlineData(ReassessmentTriggerKind.MissingEpisode, ExploitationRiskLevel.NoApparentRisk)]
    [InlineData(ReassessmentTriggerKind.PoliceReport, ExploitationRiskLevel.AtRisk)]
    [InlineData(ReassessmentTriggerKind.Referral, ExploitationRiskLevel.Significant)]
    [InlineData(ReassessmentTriggerKind.MissingEpisode, ExploitationRiskLevel.Serious)]
    public void A_trigger_after_sign_off_makes_reassessment_due_at_once(ReassessmentTriggerKind kind, ExploitationRiskLevel level)
    {
        var signedOff = Utc("2025-01-01 10:00");
        var trigger = new ReassessmentTrigger(kind, Utc("2025-01-05 22:15"));

        var due = Schedule.DueFor(level, signedOff, [trigger]);

        Assert.Equal(ReassessmentReason.TriggerEvent, due.Reason);
        Assert.Equal(trigger.OccurredAtUtc, due.DueAtUtc);
        Assert.Equal(trigger, due.Trigger);
        Assert.True(due.IsDueBy(Utc("2025-01-05 22:15")));
        Assert.False(due.IsDueBy(Utc("2025-01-05 22:14")));
    }

    [Theory]
    [InlineData("2024-12-31 10:00")]
    [InlineData("2025-01-01 09:59")]
    [InlineData("2025-01-01 10:00")]
    public void Events_at_or_before_sign_off_were_part_of_that_assessment_and_do_not_trigger(string occurred)
    {
        var due = Schedule.DueFor(ExploitationRiskLevel.AtRisk, Utc("2025-01-01 10:00"),
            [new ReassessmentTrigger(ReassessmentTriggerKind.PoliceReport, Utc(occurred))]);

        Assert.Equal(ReassessmentReason.Scheduled, due.Reason);
        Assert.Equal(Utc("2025-07-01 10:00"), due.DueAtUtc);
    }

    [Fact]
    public void The_earliest_trigger_after_sign_off_counts()
    {
        var triggers = new[]
        {
            new ReassessmentTrigger(ReassessmentTriggerKind.Referral, Utc("2025-02-10 09:00")),
            new ReassessmentTrigger(ReassessmentTriggerKind.PoliceReport, Utc("2024-12-01 09:00")),
            new ReassessmentTrigger(ReassessmentTriggerKind.MissingEpisode, Utc("2025-01-20 03:00")),
        };

        var due = Schedule.DueFor(ExploitationRiskLevel.AtRisk, Utc("2025-01-01 10:00"), triggers);

        Assert.Equal(ReassessmentTriggerKind.MissingEpisode, due.Trigger!.Kind);
        Assert.Equal(Utc("2025-01-20 03:00"), due.DueAtUtc);
    }

    [Fact]
    public void A_trigger_after_the_scheduled_date_does_not_postpone_an_overdue_review()
    {
        var due = Schedule.DueFor(ExploitationRiskLevel.Serious, Utc("2025-01-01 10:00"),
            [new ReassessmentTrigger(ReassessmentTriggerKind.MissingEpisode, Utc("2025-03-01 10:00"))]);

        Assert.Equal(ReassessmentReason.Scheduled, due.Reason);
        Assert.Equal(Utc("2025-01-29 10:00"), due.DueAtUtc);
    }

    [Fact]
    public void A_child_with_no_signed_off_assessment_is_due_now()
    {
        var due = Schedule.DueFor(null, NoTriggers);

        Assert.Equal(ReassessmentReason.NoAssessment, due.Reason);
        Assert.True(due.IsDueBy(DateTime.MinValue));
    }

    [Fact]
    public void No_apparent_risk_can_be_configured_to_need_no_scheduled_review_but_triggers_still_apply()
    {
        var schedule = Schedule with { NoApparentRiskMonths = null };
        var signedOff = Utc("2025-01-01 10:00");

        var quiet = schedule.DueFor(ExploitationRiskLevel.NoApparentRisk, signedOff, NoTriggers);
        var triggered = schedule.DueFor(ExploitationRiskLevel.NoApparentRisk, signedOff,
            [new ReassessmentTrigger(ReassessmentTriggerKind.Referral, Utc("2027-06-01 12:00"))]);

        Assert.Equal(ReassessmentReason.NotRequired, quiet.Reason);
        Assert.False(quiet.IsDueBy(DateTime.MaxValue));
        Assert.Equal(ReassessmentReason.TriggerEvent, triggered.Reason);
        Assert.Equal(Utc("2027-06-01 12:00"), triggered.DueAtUtc);
    }

    [Fact]
    public void Due_date_is_worked_out_from_a_signed_off_assessments_concluded_level()
    {
        var assessment = Build.Draft("going-missing");
        assessment.RecordJudgement(ExploitationRiskLevel.Serious, "Seen with a known offender", Build.Author, Build.T0);
        assessment.SignOff(Build.Author, Build.T0, ScoringPolicy.Default);

        var due = Schedule.DueFor(assessment, NoTriggers);

        Assert.Equal(Build.T0.AddDays(28), due.DueAtUtc);
        Assert.Equal(ExploitationRiskLevel.Serious, due.Level);
    }

    [Fact]
    public void A_draft_is_not_a_basis_for_reassessment() =>
        Assert.Throws<ArgumentException>(() => Schedule.DueFor(Build.Draft(), NoTriggers));

    [Fact]
    public void Local_times_are_refused()
    {
        var local = new DateTime(2025, 1, 1, 10, 0, 0, DateTimeKind.Local);

        Assert.Throws<DomainRuleViolation>(() => Schedule.DueFor(ExploitationRiskLevel.AtRisk, local, NoTriggers));
        Assert.Throws<DomainRuleViolation>(() => Schedule.DueFor(ExploitationRiskLevel.AtRisk, Utc("2025-01-01 10:00"),
            [new ReassessmentTrigger(ReassessmentTriggerKind.Referral, local)]));
    }

    [Theory]
    [InlineData(4, 3, 6, 12, true)]
    [InlineData(4, 3, 6, null, true)]
    [InlineData(0, 3, 6, 12, false)]
    [InlineData(20, 3, 6, 12, false)]
    [InlineData(4, 7, 6, 12, false)]
    [InlineData(4, 3, 13, 12, false)]
    [InlineData(4, 3, 6, 0, false)]
    public void Schedule_must_review_higher_risk_no_later_than_lower_risk(int seriousWeeks, int significantMonths, int atRiskMonths, int? noApparentRiskMonths, bool valid)
    {
        var schedule = new ReassessmentSchedule
        {
            SeriousWeeks = seriousWeeks,
            SignificantMonths = significantMonths,
            AtRiskMonths = atRiskMonths,
            NoApparentRiskMonths = noApparentRiskMonths,
        };

        Assert.Equal(valid, schedule.Validate().Count == 0);
        if (!valid) Assert.Throws<DomainRuleViolation>(schedule.EnsureValid);
    }
}
