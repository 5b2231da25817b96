using Beacon.Core.Children;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Children;

/// <summary>The child's own details as the record and its print view show them, with the names their ids point at.</summary>
public sealed record ChildSummary(Child Child, IReadOnlyDictionary<Guid, string> AreaNames, string? KeyWorkerName, IReadOnlyList<string> InvolvedOrganisations, DateOnly Today);

public sealed class ChildSummaries(BeaconDbContext db, TimeProvider clock)
{
    /// <summary>Three small lookups by key, whatever the size of Beacon.</summary>
    public async Task<ChildSummary> ForAsync(Child child, CancellationToken ct)
    {
        var keyWorker = child.KeyWorkerUserId is null ? null
            : await db.Users.Where(u => u.Id == child.KeyWorkerUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        var areaIds = new[] { child.ResponsibleAreaId, child.HostAreaId ?? Guid.Empty };
        var areas = await db.Areas.Where(a => areaIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var organisationIds = child.CurrentInvolvements.Select(i => i.OrganisationId).ToList();
        var organisations = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(ct);
        return new ChildSummary(child, areas, keyWorker, organisations, Core.Timescales.UkTime.ToUkDate(clock.GetUtcNow().UtcDateTime));
    }
}
