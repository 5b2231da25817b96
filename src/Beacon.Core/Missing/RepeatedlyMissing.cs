namespace Beacon.Core.Missing;

/// <summary>
/// A child is repeatedly missing when 3 or more episodes start within any 90-day window: a pattern
/// that, on its own, signals possible exploitation even if each episode looked minor.
/// </summary>
public static class RepeatedlyMissing
{
    public const int EpisodeThreshold = 3;
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);

    public static bool IsRepeatedlyMissing(IEnumerable<MissingEpisode> episodes) =>
        FirstQualifyingRun(episodes.Select(e => e.ReportedMissingAtUtc)) is not null;

    public static bool IsRepeatedlyMissing(IEnumerable<DateTime> episodeStartsUtc) =>
        FirstQualifyingRun(episodeStartsUtc) is not null;

    /// <summary>
    /// The earliest run of episode starts that meets the rule (the first and the last of the run
    /// less than 90 days apart), or null when none does. Shows a practitioner why the flag is set.
    /// </summary>
    public static IReadOnlyList<DateTime>? FirstQualifyingRun(IEnumerable<DateTime> episodeStartsUtc)
    {
        var starts = episodeStartsUtc.Order().ToList();
        for (var i = 0; i + EpisodeThreshold - 1 < starts.Count; i++)
        {
            var last = i + EpisodeThreshold - 1;
            if (starts[last] - starts[i] < Window)
                return starts.GetRange(i, EpisodeThreshold);
        }
        return null;
    }
}
