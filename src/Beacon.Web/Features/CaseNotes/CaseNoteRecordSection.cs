using Beacon.Core.Access;
using Beacon.Core.CaseNotes;
using Beacon.Web.Features.Children;
using Beacon.Web.Features.Missing;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.CaseNotes;

/// <summary>The child's record: when the child was last visited and seen (alone or not), and the notes kept.</summary>
public sealed class CaseNoteRecordSection(BeaconDbContext db) : IChildRecordSection
{
    public int Order => 250;

    public async Task<ChildRecordSection?> BuildAsync(ChildRecordContext context, CancellationToken ct)
    {
        var childId = context.Child.Id;
        var notes = db.Set<CaseNote>().Where(n => n.ChildId == childId);
        var visits = notes.Where(n => n.Kind == CaseNoteKind.Visit).OrderByDescending(n => n.OccurredAtUtc);
        var summary = await db.Children.Where(c => c.Id == childId).Select(c => new
        {
            Count = notes.Count(),
            LastVisitId = visits.Select(n => (Guid?)n.Id).FirstOrDefault(),
            LastVisitAt = visits.Select(n => (DateTime?)n.OccurredAtUtc).FirstOrDefault(),
            LastVisitSeen = visits.Select(n => n.ChildSeen).FirstOrDefault(),
            LastVisitAlone = visits.Select(n => n.SeenAlone).FirstOrDefault(),
            LastSeenAloneAt = visits.Where(n => n.SeenAlone == true).Select(n => (DateTime?)n.OccurredAtUtc).FirstOrDefault(),
        }).SingleAsync(ct);

        var rows = new List<SectionRow>();
        rows.Add(summary.LastVisitId is { } visit
            ? new SectionRow("Last visit", $"{UkDisplay.When(summary.LastVisitAt!.Value)}: {(summary.LastVisitSeen == true ? summary.LastVisitAlone == true ? "seen alone" : "seen, not alone" : "not seen")}")
            {
                Id = "last-visit",
                Link = $"/Children/{childId}/Notes/{visit}",
                LinkText = "last visit",
                Tag = summary.LastVisitSeen == true ? null : "Not seen",
                TagClass = "govuk-tag govuk-tag--orange",
            }
            : new SectionRow("Last visit", "No visit recorded") { Id = "last-visit" });
        rows.Add(new SectionRow("Last seen alone", summary.LastSeenAloneAt is { } alone ? UkDisplay.When(alone) : "Not recorded") { Id = "last-seen-alone" });
        rows.Add(new SectionRow("Notes", summary.Count.ToString()) { Id = "note-total" });

        var links = new List<SectionLink> { new("Case notes", $"/Children/{childId}/Notes") };
        if (RecordAccess.Allows(context.Actor, CaseNoteOperation.Record, new OnChild<CaseNote?>(context.Child, null)))
            links.Add(new SectionLink("Add a note", $"/Children/{childId}/Notes/Add"));
        return new ChildRecordSection("notes", "Visits and case notes", rows) { Links = links };
    }
}
