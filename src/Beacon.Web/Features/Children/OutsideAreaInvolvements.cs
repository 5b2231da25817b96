using Beacon.Core.Children;
using Beacon.Core.Organisations;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Web.Features.Children;

/// <summary>
/// A current involvement of an organisation with a child outside the areas it serves (neither responsible for nor
/// placed in one of them): a council working with a child who has moved away, say. A council sees its areas' children
/// through the areas; these are the few more it sees through its involvements, so a list over everything a council
/// sees reads them here instead of checking each of its tens of thousands of involvements against the child's areas.
/// </summary>
public sealed class OutsideAreaInvolvement
{
    public Guid OrganisationId { get; set; }
    public Guid ChildId { get; set; }
}

internal sealed class OutsideAreaInvolvementConfiguration : IEntityTypeConfiguration<OutsideAreaInvolvement>
{
    public void Configure(EntityTypeBuilder<OutsideAreaInvolvement> row)
    {
        row.ToTable("OutsideAreaInvolvements");
        row.HasKey(r => new { r.OrganisationId, r.ChildId });
        row.HasIndex(r => r.ChildId);
    }
}

/// <summary>
/// Keeps <see cref="OutsideAreaInvolvement"/> in step as involvements start and end and as children's areas change. An
/// organisation's areas are set when it is created and never change (<see cref="Core.Organisations.Organisation.Create"/>):
/// a feature that changes them must work this table out again for the organisation's children.
/// </summary>
internal sealed class OutsideAreaInvolvementProjector : IReadModelProjector
{
    private const int BatchSize = 1_000;

    public async Task ProjectAsync(BeaconDbContext db, IReadOnlyList<EntityEntry> changes, DateTime nowUtc, CancellationToken ct)
    {
        var childIds = changes.Changed<OrganisationInvolvement>().Select(i => i.ChildId)
            .Concat(changes.Where(e => e.Entity is Child && (e.State == EntityState.Added
                    || e.Property(nameof(Child.ResponsibleAreaId)).IsModified || e.Property(nameof(Child.HostAreaId)).IsModified))
                .Select(e => ((Child)e.Entity).Id))
            .ToHashSet();
        if (childIds.Count > 0) await ReplaceAsync(db, childIds.ToList(), ct);
    }

    private static async Task ReplaceAsync(BeaconDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var idSet = ids.ToHashSet();
        // What this save leaves: tracked children and involvements (some not saved yet) win over what the database holds.
        var trackedChildren = db.ChangeTracker.BeingSaved<Child>().Where(c => idSet.Contains(c.Id))
            .ToDictionary(c => c.Id, c => (c.ResponsibleAreaId, c.HostAreaId));
        var untracked = ids.Where(id => !trackedChildren.ContainsKey(id)).ToList();
        var areas = (untracked.Count == 0 ? [] : await db.Children.AsNoTracking().IgnoreAutoIncludes().Where(c => untracked.Contains(c.Id))
                .Select(c => new { c.Id, c.ResponsibleAreaId, c.HostAreaId }).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => (c.ResponsibleAreaId, c.HostAreaId)).Concat(trackedChildren).ToDictionary();
        var trackedInvolvements = db.ChangeTracker.BeingSaved<OrganisationInvolvement>().Where(i => idSet.Contains(i.ChildId)).ToList();
        var trackedIds = trackedInvolvements.Select(i => i.Id).ToHashSet();
        var current = (await db.Involvements.AsNoTracking().Where(i => ids.Contains(i.ChildId) && i.EndedAtUtc == null)
                .Select(i => new { i.Id, i.ChildId, i.OrganisationId }).ToListAsync(ct))
            .Where(i => !trackedIds.Contains(i.Id))
            .Concat(trackedInvolvements.Where(i => i.EndedAtUtc == null).Select(i => new { i.Id, i.ChildId, i.OrganisationId }))
            .ToList();
        var organisations = current.Select(i => i.OrganisationId).Distinct().ToList();
        var served = (await db.Set<OrganisationArea>().AsNoTracking().Where(a => organisations.Contains(a.OrganisationId))
                .Select(a => new { a.OrganisationId, a.AreaId }).ToListAsync(ct))
            .ToLookup(a => a.OrganisationId, a => a.AreaId);

        var wanted = current.Where(i => areas.ContainsKey(i.ChildId))
            .Where(i => !served[i.OrganisationId].Any(area => area == areas[i.ChildId].ResponsibleAreaId || area == areas[i.ChildId].HostAreaId))
            .Select(i => new OutsideAreaInvolvement { OrganisationId = i.OrganisationId, ChildId = i.ChildId })
            .DistinctBy(r => (r.OrganisationId, r.ChildId)).ToList();
        var existing = await db.Set<OutsideAreaInvolvement>().Where(r => ids.Contains(r.ChildId)).ToListAsync(ct);
        ReadModels.Replace(db, existing, wanted, r => (r.OrganisationId, r.ChildId));
    }

    // The migration that adds the table fills it in; an empty table is the usual state (no council works outside its areas).
    public Task<bool> NeedsRebuildAsync(BeaconDbContext db, CancellationToken ct) => Task.FromResult(false);

    public Task RebuildAsync(IServiceScopeFactory scopes, DateTime nowUtc, CancellationToken ct) =>
        ReadModels.InBatchesAsync(scopes, db => db.Children.OrderBy(c => c.Id).Select(c => c.Id), BatchSize, (db, ids) => ReplaceAsync(db, ids, ct), ct);
}
