using Beacon.Core.CaseNotes;
using Beacon.Core.Common;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using T = Beacon.Web.Features.Chronology.ChronologyTypes;

namespace Beacon.Web.Features.Chronology.Sources;

/// <summary>Practitioners' own entries: visits (and whether the child was seen alone), calls, meetings, significant events, notes.</summary>
public sealed class CaseNoteSource(BeaconDbContext db) : IChronologySource
{
    public IReadOnlyList<string> Types { get; } = [T.Visit, T.PhoneCall, T.Meeting, T.SignificantEvent, T.CaseNote];

    public static string TypeOf(CaseNoteKind kind) => kind switch
    {
        CaseNoteKind.Visit => T.Visit,
        CaseNoteKind.PhoneCall => T.PhoneCall,
        CaseNoteKind.Meeting => T.Meeting,
        CaseNoteKind.SignificantEvent => T.SignificantEvent,
        _ => T.CaseNote,
    };

    public async Task<IEnumerable<ChronologyEvent>> EventsAsync(Guid childId, CancellationToken ct)
    {
        var notes = await db.Set<CaseNote>().AsNoTracking().Where(n => n.ChildId == childId)
            .Select(n => new
            {
                n.Id, n.Kind, n.OccurredAtUtc, n.Summary, n.Detail, n.ChildSeen, n.SeenAlone, n.RecordedByUserId, n.RecordedByAgency, n.CorrectsNoteId,
                Corrected = db.Set<CaseNote>().Any(c => c.CorrectsNoteId == n.Id),
            })
            .ToListAsync(ct);
        return notes.Select(n => new ChronologyEvent(n.OccurredAtUtc, true, TypeOf(n.Kind), n.Summary)
        {
            Detail = (n.ChildSeen switch { true => n.SeenAlone == true ? "Child seen alone. " : "Child seen, not alone. ", false => "Child not seen. ", null => "" })
                     + ChronologyServices.Shorten(n.Detail),
            ByUserId = n.RecordedByUserId,
            Agency = n.RecordedByAgency,
            Link = $"/Children/{childId}/Notes/{n.Id}",
            Flag = n.Corrected ? "Corrected" : n.CorrectsNoteId is not null ? "Correction" : n.ChildSeen == false ? "Child not seen" : null,
        });
    }
}
