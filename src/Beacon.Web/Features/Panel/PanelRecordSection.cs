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
        var current = await lists.List(context.Actor).Where(r => r.ChildId == childId)
            .Select(r => new { r.Reason, r.ListedSinceUtc, r.Status }).FirstOrDefaultAsync(ct);
        var lastRemoval = await db.Set<PanelListing>().AsNoTracking().Where(l => l.ChildId == childId && l.Status == ListingStatus.Removed)
            .OrderByDescending(l => l.RemovedAtUtc).Select(l => new { l.RemovedAtUtc, l.RemovalCategory }).FirstOrDefaultAsync(ct);

        var rows = new List<SectionRow>
        {
            current is null
                ? new SectionRow("Panel list", "Not on the panel's list") { Id = "panel-status" }
                : new SectionRow("Panel list", $"On the list since {UkDisplay.Day(current.ListedSinceUtc)} ({current.Reason.Name().ToLowerInvariant()})")
                {
                    Id = "panel-status",
                    Tag = current.Status == ListingStatus.RemovalProposed ? "Removal proposed" : null,
                    TagClass = "govuk-tag govuk-tag--yellow",
                },
        };
        if (lastRemoval is not null)
            rows.Add(new SectionRow("Last removed", $"{UkDisplay.Day(lastRemoval.RemovedAtUtc!.Value)}: {lastRemoval.RemovalCategory!.Value.Name().ToLowerInvariant()}") { Id = "panel-last-removal" });

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
