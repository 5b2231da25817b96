using Beacon.Core.Common;
using Beacon.Core.Timescales;

namespace Beacon.Core.Tests.Timescales;

public class StatutoryTimescalesTests
{
    private static readonly StatutoryTimescales Timescales = StatutoryTimescales.EnglandAndWales;
    private static DateOnly D(string s) => DateOnly.Parse(s);
    private static DateTime Utc(string s) => DateTime.SpecifyKind(DateTime.Parse(s), DateTimeKind.Utc);

    [Theory]
    [InlineData("2024-06-05", "2024-06-06")]
    [InlineData("2024-06-07", "2024-06-10")] // Friday: Monday
    [InlineData("2021-12-24", "2021-12-29")]
    [InlineData("2024-03-28", "2024-04-02")]
    public void Referral_decision_within_one_working_day(string received, string due) =>
        Assert.Equal(D(due), Timescales.ReferralDecisionDue(D(received)));

    [Theory]
    [InlineData("2024-06-30T23:30:00", "2024-07-02")] // 00:30 BST on Monday 1 July: due Tuesday
    [InlineData("2024-06-30T22:30:00", "2024-07-01")] // 23:30 BST on Sunday: due Monday
    [InlineData("2024-01-08T23:30:00", "2024-01-09")] // winter: UTC is the wall clock
    public void Referral_decision_counts_from_the_England_date_of_receipt(string receivedUtc, string due) =>
        Assert.Equal(D(due), Timescales.ReferralDecisionDue(Utc(receivedUtc)));

    [Theory]
    [InlineData("2023-11-01", "2024-01-08")]
    [InlineData("2024-03-01", "2024-05-08")]
    [InlineData("2024-11-15", "2025-01-22")]
    public void Assessment_within_45_working_days_of_referral(string referral, string due) =>
        Assert.Equal(D(due), Timescales.AssessmentDue(D(referral)));

    [Theory]
    [InlineData("2024-03-20", "2024-04-12")]
    [InlineData("2023-11-01", "2023-11-22")]
    [InlineData("2024-12-20", "2025-01-15")]
    public void Initial_conference_within_15_working_days_of_strategy_discussion(string discussion, string due) =>
        Assert.Equal(D(due), Timescales.InitialConferenceDue(D(discussion)));

    [Theory]
    [InlineData("2024-01-15", "2024-04-15")]
    [InlineData("2024-11-30", "2025-02-28")] // no 30 February: the end of the month
    public void First_review_within_3_months(string conference, string due) =>
        Assert.Equal(D(due), Timescales.FirstReviewDue(D(conference)));

    [Theory]
    [InlineData("2024-04-15", "2024-10-15")]
    [InlineData("2024-08-31", "2025-02-28")]
    public void Later_reviews_within_6_months(string review, string due) =>
        Assert.Equal(D(due), Timescales.NextReviewDue(D(review)));

    [Fact]
    public void Return_home_interview_within_72_hours_of_return() =>
        Assert.Equal(Utc("2024-05-13T22:00:00"), Timescales.ReturnHomeInterviewDue(Utc("2024-05-10T22:00:00")));

    [Fact]
    public void Local_times_are_refused_rather_than_shifted() =>
        Assert.Throws<DomainRuleViolation>(() => Timescales.ReturnHomeInterviewDue(new DateTime(2024, 5, 10, 22, 0, 0, DateTimeKind.Local)));
}
