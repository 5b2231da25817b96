using Beacon.Core.Timescales;

namespace Beacon.Core.Tests.Timescales;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private static DateOnly D(string s) => DateOnly.Parse(s);

    [Theory]
    [InlineData("2024-06-10", true)]  // Monday
    [InlineData("2024-06-08", false)] // Saturday
    [InlineData("2024-06-09", false)] // Sunday
    [InlineData("2024-03-29", false)] // Good Friday
    [InlineData("2024-04-01", false)] // Easter Monday
    [InlineData("2020-12-28", false)] // substitute Boxing Day
    [InlineData("2022-09-19", false)] // state funeral
    [InlineData("2024-12-24", true)]  // Christmas Eve is an ordinary working day
    public void Is_working_day(string date, bool expected) => Assert.Equal(expected, Calendar.IsWorkingDay(D(date)));

    [Theory]
    [InlineData("2024-06-07", 1, "2024-06-10")]  // Friday to Monday
    [InlineData("2024-06-08", 1, "2024-06-10")]  // Saturday to Monday
    [InlineData("2024-06-10", 0, "2024-06-10")]
    [InlineData("2024-06-10", 5, "2024-06-17")]
    [InlineData("2020-12-24", 1, "2020-12-29")]  // over Christmas and the substitute Boxing Day
    [InlineData("2021-12-24", 1, "2021-12-29")]  // both Christmas days substituted
    [InlineData("2021-12-31", 1, "2022-01-04")]  // New Year substituted to 3 January
    [InlineData("2022-12-23", 1, "2022-12-28")]
    [InlineData("2027-12-24", 1, "2027-12-29")]
    [InlineData("2024-03-28", 1, "2024-04-02")]  // over Easter
    [InlineData("2025-04-17", 1, "2025-04-22")]
    [InlineData("2026-04-02", 2, "2026-04-08")]
    [InlineData("2024-03-20", 15, "2024-04-12")] // initial conference clock over Easter
    [InlineData("2023-11-01", 45, "2024-01-08")] // assessment clock over Christmas and New Year
    [InlineData("2024-12-20", 45, "2025-02-26")]
    [InlineData("2024-04-02", -1, "2024-03-28")] // backwards over Easter
    public void Add_working_days(string start, int days, string expected) =>
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(start), days));

    [Theory]
    [InlineData("2020-12-24", "2020-12-29", 1)]
    [InlineData("2020-12-29", "2020-12-24", -1)]
    [InlineData("2024-06-10", "2024-06-10", 0)]
    [InlineData("2024-06-07", "2024-06-09", 0)]  // only the weekend after a Friday
    [InlineData("2024-03-28", "2024-04-05", 4)]
    [InlineData("2023-11-01", "2024-01-08", 45)]
    public void Working_days_between(string from, string to, int expected) =>
        Assert.Equal(expected, Calendar.WorkingDaysBetween(D(from), D(to)));

    [Fact]
    public void Between_is_the_inverse_of_add_through_a_whole_year()
    {
        for (var start = D("2024-01-01"); start < D("2025-01-01"); start = start.AddDays(1))
            foreach (var n in new[] { 1, 3, 15, 45 })
                Assert.Equal(n, Calendar.WorkingDaysBetween(start, Calendar.AddWorkingDays(start, n)));
    }

    [Fact]
    public void A_calendar_can_carry_other_holidays()
    {
        var extra = D("2024-06-12");
        var calendar = new WorkingDayCalendar(d => d == extra);
        Assert.False(calendar.IsWorkingDay(extra));
        Assert.True(calendar.IsWorkingDay(D("2024-03-29"))); // not England and Wales
        Assert.Equal(D("2024-06-13"), calendar.AddWorkingDays(D("2024-06-11"), 1));
    }

    [Fact]
    public void Next_working_day_on_or_after()
    {
        Assert.Equal(D("2024-04-02"), Calendar.NextWorkingDayOnOrAfter(D("2024-03-29")));
        Assert.Equal(D("2024-04-02"), Calendar.NextWorkingDayOnOrAfter(D("2024-04-02")));
    }
}
