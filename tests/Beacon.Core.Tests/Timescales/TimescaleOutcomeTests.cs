using Beacon.Core.Timescales;

namespace Beacon.Core.Tests.Timescales;

public class TimescaleOutcomeTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private static DateOnly D(string s) => DateOnly.Parse(s);
    private static DateTime Utc(string s) => DateTime.SpecifyKind(DateTime.Parse(s), DateTimeKind.Utc);

    [Theory]
    [InlineData("2024-06-10", null, "2024-06-10", TimescaleState.Due, 0, "Due today")]
    [InlineData("2024-06-10", null, "2024-06-06", TimescaleState.Due, 2, "Due in 2 working days")]
    [InlineData("2024-06-07", null, "2024-06-11", TimescaleState.Overdue, 2, "Overdue by 2 working days")]
    [InlineData("2024-06-07", null, "2024-06-08", TimescaleState.Overdue, 1, "Overdue by 1 working day")] // a Saturday is still late
    [InlineData("2024-03-28", null, "2024-04-02", TimescaleState.Overdue, 1, "Overdue by 1 working day")] // Easter does not count against
    [InlineData("2024-06-10", "2024-06-10", "2024-06-20", TimescaleState.MetOnTime, 0, "Done on time")]
    [InlineData("2024-06-10", "2024-06-13", "2024-06-20", TimescaleState.MetLate, 3, "Done 3 working days late")]
    public void In_working_days(string due, string? met, string today, TimescaleState state, int amount, string words)
    {
        var outcome = TimescaleOutcome.InWorkingDays(StatutoryStep.Assessment, D(due), met is null ? null : D(met), D(today), Calendar);
        Assert.Equal(state, outcome.State);
        Assert.Equal(amount, outcome.Amount);
        Assert.Equal(TimescaleUnit.WorkingDays, outcome.Unit);
        Assert.Equal(words, outcome.Describe());
        Assert.Equal(state is TimescaleState.Overdue or TimescaleState.MetLate, outcome.IsBreach);
        Assert.Equal(state is TimescaleState.Due or TimescaleState.Overdue, outcome.IsOutstanding);
    }

    [Theory]
    [InlineData("2024-06-10", null, "2024-06-13", TimescaleState.Overdue, 3, "Overdue by 3 days")]
    [InlineData("2024-06-10", "2024-06-11", "2024-06-13", TimescaleState.MetLate, 1, "Done 1 day late")]
    [InlineData("2024-06-10", null, "2024-06-01", TimescaleState.Due, 9, "Due in 9 days")]
    public void In_calendar_days(string due, string? met, string today, TimescaleState state, int amount, string words)
    {
        var outcome = TimescaleOutcome.InCalendarDays(StatutoryStep.ReviewConference, D(due), met is null ? null : D(met), D(today));
        Assert.Equal((state, amount, words), (outcome.State, outcome.Amount, outcome.Describe()));
    }

    [Theory]
    [InlineData(null, "2024-05-10T22:01:00", TimescaleState.Overdue, 1, "Overdue by 1 hour")] // a minute late is late
    [InlineData(null, "2024-05-11T03:30:00", TimescaleState.Overdue, 6, "Overdue by 6 hours")]
    [InlineData(null, "2024-05-08T00:00:00", TimescaleState.Due, 70, "Due in 70 hours")]
    [InlineData(null, "2024-05-10T21:30:00", TimescaleState.Due, 0, "Due within the hour")]
    [InlineData("2024-05-10T22:00:00", "2024-05-20T00:00:00", TimescaleState.MetOnTime, 0, "Done on time")]
    [InlineData("2024-05-11T10:00:00", "2024-05-20T00:00:00", TimescaleState.MetLate, 12, "Done 12 hours late")]
    public void In_hours(string? met, string now, TimescaleState state, int amount, string words)
    {
        var due = Utc("2024-05-10T22:00:00");
        var outcome = TimescaleOutcome.InHours(StatutoryStep.ReturnHomeInterview, due, met is null ? null : Utc(met), Utc(now));
        Assert.Equal((state, amount, words), (outcome.State, outcome.Amount, outcome.Describe()));
        Assert.Equal(due, outcome.DueAtUtc);
        Assert.Equal(new DateOnly(2024, 5, 10), outcome.DueOn); // 23:00 BST is still the 10th
    }
}
