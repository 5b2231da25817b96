using Beacon.Core.RiskAssessment;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Web.Features.RiskAssessment;

/// <summary>
/// An area's own children (not restricted) at one level of risk, counted: the risk overview reads its figures for an
/// area as a handful of these rows, where counting the area's positions took 19 ms for 60,000 children on every request.
/// Kept exact by <see cref="AreaRiskFigureCounts"/> from the positions each save changes. Whether an assessment is
/// overdue moves with the clock rather than with a save, so that is still counted, from the overdue positions alone.
/// </summary>
public sealed class AreaRiskFigure
{
    /// <summary>The <see cref="LevelRank"/> of children never assessed: a key cannot be null.</summary>
    public const int NotAssessed = -1;

    public Guid AreaId { get; set; }
    /// <summary>The level's number (<see cref="ExploitationRiskLevel"/>), or <see cref="NotAssessed"/>.</summary>
    public int LevelRank { get; set; }
    public int Children { get; set; }
    /// <summary>Of them, those with no signed-off assessment: one is due now.</summary>
    public int WithoutAssessment { get; set; }
    public int LookedAfter { get; set; }

    public ExploitationRiskLevel? Level => LevelRank == NotAssessed ? null : (ExploitationRiskLevel)LevelRank;

    public static int RankOf(ExploitationRiskLevel? level) => level is { } known ? (int)known : NotAssessed;
}

internal sealed class AreaRiskFigureConfiguration : IEntityTypeConfiguration<AreaRiskFigure>
{
    public void Configure(EntityTypeBuilder<AreaRiskFigure> figure)
    {
        figure.ToTable("AreaRiskFigures");
        figure.HasKey(f => new { f.AreaId, f.LevelRank });
        figure.Ignore(f => f.Level);
    }
}

/// <summary>
/// Adjusts <see cref="AreaRiskFigure"/> rows by the positions a save changes: each changed position leaves the figure it
/// was counted in as last committed (read under the lock, not as this request loaded it) and joins the one it is
/// counted in now.
/// </summary>
internal sealed class AreaRiskFigureCounts : IReadModelCounts
{
    private readonly List<AreaRiskFigure> _adjusted = [];

    public async Task AdjustAsync(BeaconDbContext db, Func<Task> holdLock, CancellationToken ct)
    {
        // What an earlier save of this context adjusted (saved, or failed and retried) holds what that save wrote, which
        // other saves may have moved on since: read afresh below instead.
        foreach (var written in _adjusted) db.Entry(written).State = EntityState.Detached;
        _adjusted.Clear();
        var changed = db.ChangeTracker.Entries<ChildRiskPosition>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (changed.Count == 0) return;
        await holdLock();
        var ids = changed.Select(e => e.Entity.ChildId).ToList();
        var committed = await db.Set<ChildRiskPosition>().AsNoTracking().Where(p => ids.Contains(p.ChildId))
            .Select(p => new Counted(p.ChildId, p.ResponsibleAreaId, p.Level, p.IsRestricted, p.DueReason, p.IsLookedAfter))
            .ToDictionaryAsync(p => p.ChildId, ct);
        var deltas = new Dictionary<(Guid AreaId, int LevelRank), (int Children, int WithoutAssessment, int LookedAfter)>();
        void Count(Counted position, int by)
        {
            if (position.IsRestricted) return;
            var key = (position.AreaId, AreaRiskFigure.RankOf(position.Level));
            var (children, without, lookedAfter) = deltas.GetValueOrDefault(key);
            deltas[key] = (children + by, without + (position.DueReason == ReassessmentReason.NoAssessment ? by : 0), lookedAfter + (position.IsLookedAfter ? by : 0));
        }
        foreach (var entry in changed)
        {
            var now = entry.Entity;
            committed.TryGetValue(now.ChildId, out var before);
            if (before is not null) Count(before, -1);
            if (entry.State == EntityState.Deleted) continue;
            // An update writes only the columns this save changed: the row it leaves is the committed one with those
            // columns replaced. (A position this context tracked from before another save committed keeps that save's
            // values in the columns this one did not change.)
            T After<T>(System.Linq.Expressions.Expression<Func<ChildRiskPosition, T>> column, T committedValue) =>
                before is null || entry.State == EntityState.Added || entry.Property(column).IsModified ? entry.Property(column).CurrentValue : committedValue;
            Count(new Counted(now.ChildId,
                After(p => p.ResponsibleAreaId, before?.AreaId ?? default), After(p => p.Level, before?.Level), After(p => p.IsRestricted, before?.IsRestricted ?? default),
                After(p => p.DueReason, before?.DueReason ?? default), After(p => p.IsLookedAfter, before?.IsLookedAfter ?? default)), +1);
        }
        var moved = deltas.Where(d => d.Value != (0, 0, 0)).ToList();
        if (moved.Count == 0) return;

        // Read afresh, not as any this context tracks: EF would hand back a tracked row with the values it was read with.
        foreach (var tracked in db.ChangeTracker.Entries<AreaRiskFigure>().ToList()) tracked.State = EntityState.Detached;
        var areaIds = moved.Select(d => d.Key.AreaId).Distinct().ToList();
        var rows = await db.Set<AreaRiskFigure>().Where(f => areaIds.Contains(f.AreaId)).ToDictionaryAsync(f => (f.AreaId, f.LevelRank), ct);
        foreach (var ((areaId, rank), (children, without, lookedAfter)) in moved)
        {
            if (!rows.TryGetValue((areaId, rank), out var row)) db.Add(row = new AreaRiskFigure { AreaId = areaId, LevelRank = rank });
            _adjusted.Add(row);
            row.Children += children;
            row.WithoutAssessment += without;
            row.LookedAfter += lookedAfter;
        }
    }

    private sealed record Counted(Guid ChildId, Guid AreaId, ExploitationRiskLevel? Level, bool IsRestricted, ReassessmentReason DueReason, bool IsLookedAfter);
}

/// <summary>Counts the figures afresh from the positions: for a database from before them, and the `readmodels rebuild` verb.</summary>
internal sealed class AreaRiskFigureProjector : IReadModelProjector
{
    // Saves adjust the figures under the lock (AreaRiskFigureCounts), after every projector has run.
    public Task ProjectAsync(BeaconDbContext db, IReadOnlyList<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry> changes, DateTime nowUtc, CancellationToken ct) =>
        Task.CompletedTask;

    /// <summary>
    /// True when the stored figures are not what counting the positions gives, checked at every start (one count of the
    /// positions, tens of milliseconds at 100,000 children): a database from before the figures, and any drift the lock
    /// cannot prevent (on SQLite it serialises saves within one process, not a `generate` or `readmodels rebuild` run
    /// against the database of a running Beacon; an instance still on the code before the figures, while another migrates).
    /// </summary>
    public async Task<bool> NeedsRebuildAsync(BeaconDbContext db, CancellationToken ct)
    {
        static (Guid, int, int, int, int) Figure(AreaRiskFigure f) => (f.AreaId, f.LevelRank, f.Children, f.WithoutAssessment, f.LookedAfter);
        var stored = await db.Set<AreaRiskFigure>().AsNoTracking().Where(f => f.Children != 0 || f.WithoutAssessment != 0 || f.LookedAfter != 0).ToListAsync(ct);
        return !stored.Select(Figure).ToHashSet().SetEquals((await CountAsync(db, ct)).Select(Figure));
    }

    public async Task RebuildAsync(IServiceScopeFactory scopes, DateTime nowUtc, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        // Under the lock, so no save adjusts a figure between the count and the write.
        await scope.ServiceProvider.GetRequiredService<Infrastructure.Auditing.AuditingInterceptor>().HoldChainLockAsync(db, ct);
        var counted = await CountAsync(db, ct);
        var existing = await db.Set<AreaRiskFigure>().ToListAsync(ct);
        ReadModels.Replace(db, existing, counted, f => (f.AreaId, f.LevelRank));
        await db.SaveChangesAsync(ct);
    }

    private static async Task<List<AreaRiskFigure>> CountAsync(BeaconDbContext db, CancellationToken ct) =>
        (await db.Set<ChildRiskPosition>().AsNoTracking().Where(p => !p.IsRestricted)
            .GroupBy(p => new { p.ResponsibleAreaId, p.Level })
            .Select(g => new
            {
                g.Key.ResponsibleAreaId, g.Key.Level, Children = g.Count(),
                WithoutAssessment = g.Count(p => p.DueReason == ReassessmentReason.NoAssessment), LookedAfter = g.Count(p => p.IsLookedAfter),
            })
            .ToListAsync(ct))
        .Select(c => new AreaRiskFigure
        {
            AreaId = c.ResponsibleAreaId, LevelRank = AreaRiskFigure.RankOf(c.Level), Children = c.Children, WithoutAssessment = c.WithoutAssessment, LookedAfter = c.LookedAfter,
        }).ToList();
}
