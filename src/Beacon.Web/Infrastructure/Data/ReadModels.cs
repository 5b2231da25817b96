using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Beacon.Web.Infrastructure.Data;

/// <summary>
/// Keeps one derived table in step with the records it is worked out from: clocks with their due dates, name
/// tokens for search, each child's risk position. Lists and counts then become indexed comparisons in the
/// database instead of rules run over every row on every request. Derived rows are written in the same save
/// (the same transaction) as the change that moved them, are not records (not audited, not versioned; they
/// are replaced as their source changes), and can always be rebuilt from the records.
/// </summary>
public interface IReadModelProjector
{
    /// <summary>Brings the derived rows of whatever these changes touched up to date (inside SaveChanges).</summary>
    Task ProjectAsync(BeaconDbContext db, IReadOnlyList<EntityEntry> changes, DateTime nowUtc, CancellationToken ct);

    /// <summary>True when records exist with no derived rows (a database from before this read model).</summary>
    Task<bool> NeedsRebuildAsync(BeaconDbContext db, CancellationToken ct);

    /// <summary>Works the derived rows out again for every record, in batches (replacing any that exist).</summary>
    Task RebuildAsync(IServiceScopeFactory scopes, DateTime nowUtc, CancellationToken ct);
}

/// <summary>
/// Runs every registered projector on each save, before the audit interceptor appends to the chain, under the lock that
/// serialises saves (<see cref="Auditing.AuditingInterceptor.HoldChainLockAsync"/>, which the audit interceptor would
/// take a moment later): each projector reads the records and derived rows as the last save committed them, so two saves
/// about one child never work its derived rows out from the same old state, the later writing over the earlier's effect.
/// The projectors are made only when a save has changes for them: every request makes a database context, and most only read.
/// </summary>
internal sealed class ReadModelInterceptor(IServiceProvider services, TimeProvider clock) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not BeaconDbContext db) return result;
        db.ChangeTracker.DetectChanges();
        var changes = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified && e.Metadata.ClrType.Assembly == typeof(Core.Children.Child).Assembly)
            .ToList();
        if (changes.Count == 0) return result;
        await services.GetRequiredService<Auditing.AuditingInterceptor>().HoldChainLockAsync(db, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var projector in services.GetServices<IReadModelProjector>())
            await projector.ProjectAsync(db, changes, now, cancellationToken);
        return result;
    }
}

/// <summary>
/// Counts kept as rows (an area's children at each level of risk, …) so a figure over tens of thousands of children is
/// read rather than counted on every request. Adjusted by what each save changes in the derived rows the projectors
/// wrote, after them, under the lock that serialises saves (<see cref="Auditing.AuditingInterceptor.HoldChainLockAsync"/>):
/// each adjustment starts from the rows as the last save committed them, so two saves never adjust one count from the same old
/// value, and the counts stay exactly what counting the rows would give.
/// </summary>
public interface IReadModelCounts
{
    /// <summary>
    /// Adjusts the counts for what this save changes; <paramref name="holdLock"/> takes the lock, and must be awaited before
    /// reading the committed rows when there is anything to adjust.
    /// </summary>
    Task AdjustAsync(BeaconDbContext db, Func<Task> holdLock, CancellationToken ct);
}

/// <summary>Runs every <see cref="IReadModelCounts"/> on each save, after the projectors and the audit interceptor.</summary>
internal sealed class ReadModelCountsInterceptor(IServiceProvider services, Auditing.AuditingInterceptor audit) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not BeaconDbContext db || !db.ChangeTracker.HasChanges()) return result;
        foreach (var counts in services.GetServices<IReadModelCounts>())
            await counts.AdjustAsync(db, () => audit.HoldChainLockAsync(db, cancellationToken), cancellationToken);
        return result;
    }
}

public static class ReadModels
{
    /// <summary>Rebuilds any read model a database does not have yet (after the migration that adds it).</summary>
    public static async Task RebuildMissingAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        foreach (var projector in scope.ServiceProvider.GetServices<IReadModelProjector>())
        {
            if (!await projector.NeedsRebuildAsync(db, ct)) continue;
            logger.LogInformation("Working out {ReadModel} for existing records", projector.GetType().Name);
            await projector.RebuildAsync(scopes, now, ct);
        }
    }

    /// <summary>
    /// Works every read model out again from the records (the `readmodels rebuild` verb): after changing the
    /// reassessment schedule, or after records were corrected in the database by hand.
    /// </summary>
    public static async Task RebuildAllAsync(IServiceProvider services, CancellationToken ct)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        foreach (var projector in scope.ServiceProvider.GetServices<IReadModelProjector>())
            await projector.RebuildAsync(scopes, now, ct);
    }

    /// <summary>
    /// Runs <paramref name="work"/> over every key <paramref name="keys"/> lists, a batch at a time, each batch in a
    /// scope of its own and saved: how a projector works out its rows for every record.
    /// </summary>
    public static async Task InBatchesAsync<TKey>(IServiceScopeFactory scopes, Func<BeaconDbContext, IQueryable<TKey>> keys, int batchSize,
        Func<BeaconDbContext, List<TKey>, Task> work, CancellationToken ct)
    {
        for (var skip = 0; ; skip += batchSize)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
            var batch = await keys(db).Skip(skip).Take(batchSize).ToListAsync(ct);
            if (batch.Count == 0) return;
            await work(db, batch);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// The entities of one type this save writes (added or changed): a projector lays them over what the database holds.
    /// An entity the request loaded earlier and left unchanged is not one of them: it may be older than the database by
    /// now (another request restricted the child since), and copying it would write that old state into a derived row.
    /// </summary>
    public static IEnumerable<T> BeingSaved<T>(this ChangeTracker tracker) where T : class =>
        tracker.Entries<T>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity);

    /// <summary>The tracked entities of one type among the changes.</summary>
    public static IEnumerable<T> Changed<T>(this IReadOnlyList<EntityEntry> changes) where T : class =>
        changes.Select(e => e.Entity).OfType<T>();

    /// <summary>
    /// Replaces the derived rows for some keys with the rows wanted now: updates what differs, adds what is new,
    /// removes what no longer applies. <paramref name="existing"/> are the tracked rows for those keys.
    /// </summary>
    public static void Replace<TRow, TKey>(DbContext db, IEnumerable<TRow> existing, IEnumerable<TRow> wanted, Func<TRow, TKey> key)
        where TRow : class where TKey : notnull
    {
        var current = existing.ToDictionary(key);
        foreach (var row in wanted)
        {
            if (current.Remove(key(row), out var old)) db.Entry(old).CurrentValues.SetValues(row);
            else db.Add(row);
        }
        foreach (var gone in current.Values) db.Remove(gone);
    }
}
