using Beacon.Core.Timescales;

namespace Beacon.Core.Tests.Timescales;

public class BankHolidayTests
{
    // Checked against the published GOV.UK lists for England and Wales.
    public static TheoryData<int, string[]> PublishedYears => new()
    {
        { 1995, ["1995-01-02", "1995-04-14", "1995-04-17", "1995-05-08", "1995-05-29", "1995-08-28", "1995-12-25", "1995-12-26"] },
        { 1999, ["1999-01-01", "1999-04-02", "1999-04-05", "1999-05-03", "1999-05-31", "1999-08-30", "1999-12-27", "1999-12-28", "1999-12-31"] },
        { 2002, ["2002-01-01", "2002-03-29", "2002-04-01", "2002-05-06", "2002-06-03", "2002-06-04", "2002-08-26", "2002-12-25", "2002-12-26"] },
        { 2011, ["2011-01-03", "2011-04-22", "2011-04-25", "2011-04-29", "2011-05-02", "2011-05-30", "2011-08-29", "2011-12-26", "2011-12-27"] },
        { 2012, ["2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07", "2012-06-04", "2012-06-05", "2012-08-27", "2012-12-25", "2012-12-26"] },
        { 2020, ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"] },
        { 2021, ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"] },
        { 2022, ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"] },
        { 2023, ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"] },
        { 2024, ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"] },
        { 2025, ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"] },
        { 2026, ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"] },
        { 2027, ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"] },
    };

    [Theory]
    [MemberData(nameof(PublishedYears))]
    public void Year_matches_the_published_list(int year, string[] expected)
    {
        var actual = EnglandAndWalesBankHolidays.For(year).Select(h => h.Date.ToString("yyyy-MM-dd"));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(PublishedYears))]
    public void Every_holiday_in_the_list_is_reported_as_one_and_falls_on_a_weekday(int year, string[] expected)
    {
        foreach (var date in expected.Select(DateOnly.Parse))
        {
            Assert.True(EnglandAndWalesBankHolidays.IsBankHoliday(date), $"{date} should be a bank holiday");
            Assert.DoesNotContain(date.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
        }
        Assert.Equal(expected.Length, Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365)
            .Count(d => EnglandAndWalesBankHolidays.IsBankHoliday(new DateOnly(year, 1, 1).AddDays(d))));
    }

    [Theory]
    [InlineData("2024-03-29")]
    [InlineData("2025-04-18")]
    [InlineData("2026-04-03")]
    [InlineData("2019-04-19")]
    [InlineData("2000-04-21")]
    [InlineData("2038-04-23")]
    public void Good_Friday(string date)
    {
        var goodFriday = DateOnly.Parse(date);
        Assert.Contains(EnglandAndWalesBankHolidays.For(goodFriday.Year),
            h => h.Date == goodFriday && h.Name == EnglandAndWalesBankHolidays.GoodFriday);
        Assert.Contains(EnglandAndWalesBankHolidays.For(goodFriday.Year),
            h => h.Date == goodFriday.AddDays(3) && h.Name == EnglandAndWalesBankHolidays.EasterMonday);
    }

    [Theory]
    [InlineData(2008, "2008-03-23")] // earliest this century
    [InlineData(2011, "2011-04-24")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2038, "2038-04-25")] // latest possible
    [InlineData(2285, "2285-03-22")] // earliest possible
    [InlineData(1943, "1943-04-25")]
    public void Easter_Sunday_by_computus(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), EnglandAndWalesBankHolidays.EasterSunday(year));

    [Theory]
    [InlineData("1995-05-01")] // moved for VE Day
    [InlineData("2002-05-27")] // moved for the Golden Jubilee
    [InlineData("2012-05-28")] // moved for the Diamond Jubilee
    [InlineData("2020-05-04")] // moved for VE Day
    [InlineData("2022-05-30")] // moved for the Platinum Jubilee
    [InlineData("2020-12-26")] // Boxing Day on a Saturday: taken on the Monday instead
    [InlineData("2021-12-24")]
    [InlineData("2024-12-24")]
    public void Not_a_bank_holiday(string date) =>
        Assert.False(EnglandAndWalesBankHolidays.IsBankHoliday(DateOnly.Parse(date)));

    [Theory]
    [InlineData(2020, "2020-12-25", "Christmas Day", "2020-12-28", "Boxing Day (substitute day)")]
    [InlineData(2021, "2021-12-27", "Christmas Day (substitute day)", "2021-12-28", "Boxing Day (substitute day)")]
    [InlineData(2022, "2022-12-27", "Christmas Day (substitute day)", "2022-12-26", "Boxing Day")]
    [InlineData(2027, "2027-12-27", "Christmas Day (substitute day)", "2027-12-28", "Boxing Day (substitute day)")]
    public void Christmas_and_Boxing_Day_substitutes(int year, string christmas, string christmasName, string boxing, string boxingName)
    {
        var days = EnglandAndWalesBankHolidays.For(year);
        Assert.Contains(days, h => h.Date == DateOnly.Parse(christmas) && h.Name == christmasName);
        Assert.Contains(days, h => h.Date == DateOnly.Parse(boxing) && h.Name == boxingName);
    }

    [Fact]
    public void New_Years_Day_on_a_Saturday_is_taken_on_the_Monday()
    {
        var newYear = EnglandAndWalesBankHolidays.For(2022)[0];
        Assert.Equal(new DateOnly(2022, 1, 3), newYear.Date);
        Assert.Equal("New Year's Day (substitute day)", newYear.Name);
    }

    [Fact]
    public void Every_known_change_is_applied_and_every_moved_day_is_dropped()
    {
        foreach (var change in EnglandAndWalesBankHolidays.KnownChanges)
        {
            Assert.True(EnglandAndWalesBankHolidays.IsBankHoliday(change.Date), change.Name);
            if (change.Replaces is { } replaced)
                Assert.False(EnglandAndWalesBankHolidays.IsBankHoliday(replaced), $"{replaced} was moved to {change.Date}");
        }
    }

    [Theory]
    [InlineData(1980)]
    [InlineData(2019)]
    [InlineData(2049)]
    [InlineData(2100)]
    public void An_ordinary_year_by_rule_has_eight_weekday_holidays(int year)
    {
        var days = EnglandAndWalesBankHolidays.For(year);
        Assert.Equal(8, days.Count);
        Assert.All(days, h => Assert.True(h.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)));
        Assert.Equal(days.Count, days.Select(h => h.Date).Distinct().Count());
    }
}
