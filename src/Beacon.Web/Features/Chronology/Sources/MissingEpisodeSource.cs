using Beacon.Core.Common;
using Beacon.Core.Missing;
using Beacon.Core.Timescales;
using Beacon.Web.Features.Missing;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using T = Beacon.Web.Features.Chronology.ChronologyTypes;

namespace Beacon.Web.Features.Chronology.Sources;

/// <summary>Each missing episode: reported, returned, the return home interview, and when the child became repeatedly missing.</summary>
public sealed class MissingEpisodeSource(BeaconDbContext db, TimeProvider clock) : IChronologySource
{
    public IReadOnlyList<string> Types { get; } = [T.Missing, T.ReturnHomeInterview];

    public async Task<IEnumerable<ChronologyEvent>> EventsAsync(Guid childId, CancellationToken ct)
    {
        if (!db.Stores<MissingEpisode>()) return [];
        var episodes = await db.MissingEpisodes.AsNoTracking().Where(e => e.ChildId == childId).ToListAsync(ct);
        var timescales = StatutoryTimescales.EnglandAndWales;
        var now = clock.GetUtcNow().UtcDateTime;
        var link = $"/Children/{childId}/Missing";
        var events = new List<ChronologyEvent>();
        foreach (var e in episodes)
        {
            events.Add(new(e.ReportedMissingAtUtc, true, T.Missing, "Reported missing")
            {
                ByUserId = e.ReportedByUserId,
                Link = link,
                Detail = string.Join("; ", new[]
                {
                    e.WhoReported is { } who ? $"Reported by {who}" : null,
                    e.PoliceReference is { } reference ? $"police reference {reference}" : null,
                    e.PoliceRiskGrading is { } grading ? $"police risk grading {grading.Name().ToLowerInvariant()}" : null,
                }.OfType<string>()) is { Length: > 0 } detail ? detail : null,
            });
            var interview = e.ReturnHomeInterviewTimescale(timescales, now);
            if (e.ReturnedAtUtc is { } returned)
                events.Add(new(returned, true, T.Missing, $"Returned after {UkDisplay.Hours(returned - e.ReportedMissingAtUtc)} missing")
                {
                    ByUserId = e.ReturnRecordedByUserId,
                    Detail = string.Join(". ", new[]
                    {
                        e.WhereFound is { } where ? $"Found: {where}" : null,
                        interview is { IsOutstanding: true } ? $"Return home interview {interview.Describe().ToLowerInvariant()}" : null,
                    }.OfType<string>()) is { Length: > 0 } returnDetail ? returnDetail : null,
                    Flag = interview is { State: TimescaleState.Overdue } ? ChronologyEvent.TimescaleMissed : null,
                    Link = link,
                });
            if (e.ReturnHomeInterviewDoneAtUtc is { } done)
                events.Add(new(done, true, T.ReturnHomeInterview, "Return home interview done")
                {
                    ByUserId = e.ReturnHomeInterviewByUserId,
                    Detail = string.Join(". ", new[] { interview?.Describe(), ChronologyServices.Shorten(e.InterviewFindings) is { Length: > 0 } f ? f : null }.OfType<string>()),
                    Flag = e.InterviewRaisedConcern == true ? "Raised a concern" : interview?.IsBreach == true ? ChronologyEvent.TimescaleMissed : null,
                    Link = link,
                });
        }
        if (RepeatedlyMissing.FirstQualifyingRun(episodes.Select(e => e.ReportedMissingAtUtc)) is { } run)
            events.Add(new(run[^1], true, T.Missing, "Flagged as repeatedly missing")
            {
                Detail = $"{RepeatedlyMissing.EpisodeThreshold} episodes began within {RepeatedlyMissing.Window.Days} days",
                Flag = "Repeatedly missing",
                Link = link,
            });
        return events;
    }
}
