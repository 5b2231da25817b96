using Beacon.Core.Audit;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Beacon.Web.Infrastructure.Auditing;

/// <summary>
/// Every save passes through here: deletions of records are refused, versions move on, and each change
/// to Beacon's records (and each view queued in <see cref="BeaconDbContext.PendingAudit"/>) is appended
/// to the hash-chained audit log in the same transaction as the change itself.
/// </summary>
internal sealed class AuditingInterceptor(ICurrentActor currentActor, TimeProvider clock, ConfiguredConnections connections) : SaveChangesInterceptor, IDisposable
{
    // Appends are serialised so two saves never chain onto the same predecessor; the unique index on
    // Sequence backs this up across processes.
    private static readonly SemaphoreSlim AppendLock = new(1, 1);
    private bool _holdingLock;
    // PostgreSQL: a connection of its own holding the chain's advisory lock from reading the head until the save has
    // committed or failed. On its own connection, so it can be released even while EF is still reading (a conflict).
    private Npgsql.NpgsqlConnection? _chainLock;

    /// <summary>
    /// Any number for PostgreSQL's advisory lock, the same in every instance: several web instances append to one
    /// chain, so the head is read and the next entries written under a lock all of them respect.
    /// </summary>
    private const long ChainLockKey = 0x6265_6163_6f6e; // "beacon"

    // What this save did to the tracked entities, undone if the save fails: otherwise a retry on the same
    // context (reload after a conflict, then save again) would insert the failed attempt's audit entries
    // a second time, and versions would skip.
    private readonly List<AuditEntry> _appended = [];
    private readonly List<(Core.Common.IVersioned Record, int Version)> _bumped = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not BeaconDbContext db) return result;
        db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.Entries().Where(e => IsBeaconRecord(e.Metadata.ClrType)).ToList();

        RefuseDeletesAndAuditEdits(entries);
        _appended.Clear();
        _bumped.Clear();
        foreach (var entry in entries.Where(e => e.State == EntityState.Modified && e.Entity is Core.Common.IVersioned))
        {
            var record = (Core.Common.IVersioned)entry.Entity;
            _bumped.Add((record, record.Version));
            record.Version++;
        }

        var actor = currentActor.Actor;
        var drafts = entries.Where(e => e.Entity is not AuditEntry && e.State is EntityState.Added or EntityState.Modified)
            .Select(e => ChangeAudit.Describe(e, actor))
            .Where(d => d is not null)
            .Cast<AuditDraft>()
            .Concat(db.PendingAudit)
            .ToList();
        db.PendingAudit.Clear();
        if (drafts.Count == 0) return result;

        await HoldChainLockAsync(db, cancellationToken);
        var previous = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var draft in drafts)
        {
            previous = AuditEntry.Append(previous, draft, now);
            db.AuditEntries.Add(previous);
            _appended.Add(previous);
        }
        return result;
    }

    /// <summary>
    /// Takes the lock that serialises saves (in this process, and across instances on PostgreSQL) until this save ends,
    /// if this save does not hold it already. Audited saves take it to append to the chain; counts kept as rows take it
    /// too (<see cref="Data.IReadModelCounts"/>), so no two saves ever adjust one count from the same old value.
    /// </summary>
    internal async Task HoldChainLockAsync(BeaconDbContext db, CancellationToken cancellationToken)
    {
        if (_holdingLock) return;
        await AppendLock.WaitAsync(cancellationToken);
        _holdingLock = true;
        if (db is PostgresBeaconDbContext)
        {
            _chainLock = new Npgsql.NpgsqlConnection(connections.PostgresChainLock.Value);
            await _chainLock.OpenAsync(cancellationToken);
            await using var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({ChainLockKey})", _chainLock);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        _appended.Clear();
        _bumped.Clear();
        Release();
        return ValueTask.FromResult(result);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Undo(eventData.Context);
        Release();
        return Task.CompletedTask;
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Undo(eventData.Context);
        Release();
        return Task.CompletedTask;
    }

    // EF reports a concurrency conflict here rather than through SaveChangesFailed.
    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Undo(eventData.Context);
        Release();
        return ValueTask.FromResult(result);
    }

    /// <summary>Whatever happened during the request, the end of its scope never leaves the lock held.</summary>
    public void Dispose() => Release();

    /// <summary>
    /// Records are saved asynchronously only, so that audit appends are serialised. Libraries that save their own
    /// rows synchronously (ASP.NET Core data protection's key ring) touch no record and pass.
    /// </summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is BeaconDbContext db)
        {
            db.ChangeTracker.DetectChanges();
            if (db.PendingAudit.Count > 0 || db.ChangeTracker.Entries().Any(e => e.State != EntityState.Unchanged && IsBeaconRecord(e.Metadata.ClrType)))
                throw new InvalidOperationException("Beacon saves asynchronously only, so that audit appends are serialised; call SaveChangesAsync.");
        }
        return result;
    }

    /// <summary>Nothing was saved: forget the audit entries this save queued and put versions back.</summary>
    private void Undo(DbContext? context)
    {
        if (context is not null)
            foreach (var entry in _appended)
                context.Entry(entry).State = EntityState.Detached;
        foreach (var (record, version) in _bumped)
            record.Version = version;
        _appended.Clear();
        _bumped.Clear();
    }

    /// <summary>
    /// The chain lock's connections are pooled apart from the requests' (their own application name, which also shows
    /// them as such in pg_stat_activity), so a failed unlock can discard them without touching the requests' pool.
    /// One more connection per instance than the pool size. Its session is reset before it is used again (which ends any
    /// advisory lock it still holds before the next is taken), whatever the requests' pool does.
    /// </summary>
    internal static string ChainLockConnectionString(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "Beacon audit chain lock", MaxPoolSize = 1, NoResetOnClose = false, MaxAutoPrepare = 0 }.ToString();

    private void Release()
    {
        if (_chainLock is { } connection)
        {
            _chainLock = null;
            try
            {
                using var release = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({ChainLockKey})", connection);
                release.ExecuteNonQuery();
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
            {
                // The session may still hold the lock (a timed-out unlock on a live connection), and a pooled connection
                // is reset only when next used: close this one instead of pooling it, which ends its session and the lock
                // with it. Only the chain lock's own pool is cleared.
                Npgsql.NpgsqlConnection.ClearPool(connection);
            }
            finally
            {
                connection.Dispose();
            }
        }
        if (!_holdingLock) return;
        _holdingLock = false;
        AppendLock.Release();
    }

    private static bool IsBeaconRecord(Type type) => type.Assembly == typeof(AuditEntry).Assembly;

    private static void RefuseDeletesAndAuditEdits(IEnumerable<EntityEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.State == EntityState.Deleted)
                throw new InvalidOperationException(
                    $"{entry.Metadata.ClrType.Name} records are never deleted: close, withdraw or redact them with a reason.");
            if (entry.Entity is AuditEntry && entry.State == EntityState.Modified)
                throw new InvalidOperationException("The audit log is append-only.");
        }
    }
}
