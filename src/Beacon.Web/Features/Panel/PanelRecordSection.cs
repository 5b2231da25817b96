using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.Panel;
using Beacon.Web.Features.Children;
using Beacon.Web.Features.Missing;
using Beacon.Web.Features.RiskAssessment;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Panel;

/// <summary>The child's record: their place on the exploitation panel's list, a removal waiting, and the last removal.</summary>
public sealed class PanelRecordSection(PanelLists lists, BeaconDbContext db) : IChildRecordSection
{
    public int Order => 500;

    public async Task<ChildRecordSection?> BuildAsync(ChildRecordContext context, CancellationToken ct)
    {
        var childId = context.Child.Id;
        var current = await lists.PlaceAsync(childId, ct);
        var removals = db.Set<PanelListing>().Where(l => l.ChildId == childId && l.Status == ListingStatus.Removed).OrderByDescending(l => l.RemovedAtUtc);
        var discussions = from m in db.Set<PanelMeeting>() from i in m.Items
                          where i.ChildId == childId && i.RecordedAtUtc != null
                          orderby i.RecordedAtUtc descending
                          select new { m.Id, i.RecordedAtUtc };
        var history = await db.Children.Where(c => c.Id == childId).Select(c => new
        {
            RemovedAtUtc = removals.Select(l => l.RemovedAtUtc).FirstOrDefault(),
            RemovalCategory = removals.Select(l => l.RemovalCategory).FirstOrDefault(),
            DiscussedAtUtc = discussions.Select(d => d.RecordedAtUtc).FirstOrDefault(),
            DiscussedAt = discussions.Select(d => (Guid?)d.Id).FirstOrDefault(),
        }).SingleAsync(ct);

        var rows = new List<SectionRow>
        {
            current is null
                ? new SectionRow("Panel list", "Not on the panel's list") { Id = "panel-status" }
                : new SectionRow("Panel list", $"On the list since {UkDisplay.Day(current.SinceUtc)} ({current.Reason.Name().ToLowerInvariant()})")
                {
                    Id = "panel-status",
                    Tag = current.Status == ListingStatus.RemovalProposed ? "Removal proposed" : null,
                    TagClass = "govuk-tag govuk-tag--yellow",
                },
        };
        if (history.DiscussedAtUtc is { } discussed)
            rows.Add(new SectionRow("Last discussed", UkDisplay.Day(discussed))
            {
                Id = "panel-last-discussed",
                Link = context.Actor.IsPractitioner ? $"/Panel/Meetings/{history.DiscussedAt}" : null,
                LinkText = "the meeting",
            });
        if (history.RemovedAtUtc is { } removed)
            rows.Add(new SectionRow("Last removed", $"{UkDisplay.Day(removed)}: {history.RemovalCategory!.Value.Name().ToLowerInvariant()}") { Id = "panel-last-removal" });

        var links = new List<SectionLink>();
        var resource = new OnChild<PanelListing?>(context.Child, null);
        if (current is not null && context.Actor.IsPractitioner) links.Add(new SectionLink("The panel's list", "/Panel"));
        if (current is { Status: ListingStatus.Listed } && RecordAccess.Allows(context.Actor, PanelOperation.ProposeRemoval, resource))
            links.Add(new SectionLink("Propose removal", $"/Panel/{childId}/Remove"));
        if (current is null && RecordAccess.Allows(context.Actor, PanelOperation.Chair, resource))
            links.Add(new SectionLink("Add to the panel's list", $"/Panel/{childId}/Add"));
        return new ChildRecordSection("panel", "Exploitation panel", rows) { Links = links };
    }
}
