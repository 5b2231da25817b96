using Beacon.Core.Missing;

namespace Beacon.Core.Tests.Missing;

public class RepeatedlyMissingTests
{
    private static DateTime[] Starts(params string[] s) =>
        s.Select(x => DateTime.SpecifyKind(DateTime.Parse(x), DateTimeKind.Utc)).ToArray();

    [Theory]
    [InlineData(true, "2024-01-01T10:00", "2024-02-01T10:00", "2024-03-01T10:00")]
    [InlineData(true, "2024-01-01T10:00", "2024-01-01T22:00", "2024-01-02T10:00")]   // three in two days
    [InlineData(true, "2023-01-01T10:00", "2023-02-01T10:00", "2023-04-01T09:59")]   // just inside 90 days
    [InlineData(false, "2023-01-01T10:00", "2023-02-01T10:00", "2023-04-01T10:00")]  // exactly 90 days: outside
    [InlineData(false, "2024-01-01T10:00", "2024-02-01T10:00")]                       // only two
    [InlineData(false)]
    [InlineData(false, "2024-01-01T10:00", "2024-03-01T10:00", "2024-06-01T10:00", "2024-09-01T10:00")] // spread out
    [InlineData(true, "2024-01-01T10:00", "2024-06-01T10:00", "2024-07-15T10:00", "2024-08-20T10:00")] // a later window
    [InlineData(true, "2024-03-01T10:00", "2024-01-15T10:00", "2024-02-01T10:00")]   // any order
    public void Three_or_more_starts_within_any_90_days(bool expected, params string[] starts) =>
        Assert.Equal(expected, RepeatedlyMissing.IsRepeatedlyMissing(Starts(starts)));

    [Fact]
    public void Shows_the_episodes_behind_the_flag()
    {
        var run = RepeatedlyMissing.FirstQualifyingRun(
            Starts("2024-01-01T10:00", "2024-06-01T10:00", "2024-07-15T10:00", "2024-08-20T10:00", "2024-08-21T10:00"));
        Assert.Equal(Starts("2024-06-01T10:00", "2024-07-15T10:00", "2024-08-20T10:00"), run);
    }

    [Fact]
    public void Works_from_episodes()
    {
        var child = Guid.NewGuid();
        var episodes = new[] { "2024-01-01T10:00", "2024-01-20T10:00", "2024-02-10T10:00" }
            .Select(s => MissingEpisode.Report(child, DateTime.SpecifyKind(DateTime.Parse(s), DateTimeKind.Utc), "police-1"))
            .ToList();
        Assert.True(RepeatedlyMissing.IsRepeatedlyMissing(episodes));
        Assert.False(RepeatedlyMissing.IsRepeatedlyMissing(episodes.Take(2)));
    }
}
