using Beacon.Core.Timescales;

namespace Beacon.Core.Tests.Timescales;

public class UkTimeTests
{
    private static DateTime Utc(string s) => DateTime.SpecifyKind(DateTime.Parse(s), DateTimeKind.Utc);

    [Theory]
    [InlineData("2024-03-31T00:59:00", "2024-03-31T00:59:00")] // last minute of GMT
    [InlineData("2024-03-31T01:00:00", "2024-03-31T02:00:00")] // clocks go forward
    [InlineData("2024-10-27T00:59:00", "2024-10-27T01:59:00")] // last minute of BST
    [InlineData("2024-10-27T01:00:00", "2024-10-27T01:00:00")] // clocks go back
    [InlineData("2025-07-01T23:30:00", "2025-07-02T00:30:00")]
    [InlineData("2025-12-01T23:30:00", "2025-12-01T23:30:00")]
    public void Wall_clock_in_England(string utc, string local) =>
        Assert.Equal(DateTime.Parse(local), UkTime.ToUkLocal(Utc(utc)));

    [Fact]
    public void Date_rolls_over_at_midnight_BST() =>
        Assert.Equal(new DateOnly(2025, 7, 2), UkTime.ToUkDate(Utc("2025-07-01T23:00:00")));
}
