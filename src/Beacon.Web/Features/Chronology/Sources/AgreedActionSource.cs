using Beacon.Core.Actions;
using Beacon.Core.Common;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Chronology.Sources;

/// <summary>Actions agreed for the child, and when each was done (or that it is overdue).</summary>
public sealed class AgreedActionSource(BeaconDbContext db, TimeProvider clock) : IChronologySource
{
    public const string Type = "Agreed action";

    public IReadOnlyList<string> Types { get; } = [Type];

    public async Task<IEnumerable<ChronologyEvent>> EventsAsync(Guid childId, CancellationToken ct)
    {
        var today = Core.Timescales.UkTime.ToUkDate(clock.GetUtcNow().UtcDateTime);
        var actions = await db.Set<AgreedAction>().AsNoTracking().Where(a => a.ChildId == childId).ToListAsync(ct);
        var events = new List<ChronologyEvent>();
        foreach (var a in actions)
        {
            // A case's action links to the case's actions; one the panel set, to the child's agreed actions on their
            // record (which everyone who may read the chronology may open; the meeting is for practitioners only).
            var link = a.CaseId is { } caseId ? $"/Cases/{caseId}/Actions" : $"/Children/{childId}#section-actions";
            events.Add(new(a.AgreedAtUtc, true, Type, $"Action agreed ({a.Source.Name().ToLowerInvariant()}): {ChronologyServices.Shorten(a.Description, 120)}")
            {
                ByUserId = a.AgreedByUserId,
                Detail = $"Due {a.DueOn:d MMMM yyyy}",
                Link = link,
                Flag = a.IsOverdue(today) ? "Overdue" : null,
            });
            if (a.DoneOn is { } done)
                events.Add(ChronologyEvent.OnDay(done, Type, $"Action done: {ChronologyServices.Shorten(a.Description, 120)}") with
                {
                    ByUserId = a.DoneRecordedByUserId,
                    Detail = ChronologyServices.Shorten(a.Evidence),
                    Link = link,
                    Flag = done > a.DueOn ? "Done late" : null,
                });
        }
        return events;
    }
}
