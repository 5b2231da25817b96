using System.Globalization;
using Beacon.Core.Audit;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Infrastructure.Auditing;

public enum AuditCheckpointStatus
{
    /// <summary>A checkpoint of the head was appended to the file.</summary>
    Written,
    /// <summary>The head has not moved since this writer's last checkpoint, so nothing was written.</summary>
    Unchanged,
    /// <summary>The log has no entries yet: there is nothing to anchor.</summary>
    EmptyLog,
    /// <summary>No usable key is configured, so no checkpoint can be signed.</summary>
    NoKey,
}

/// <summary>What <see cref="AuditCheckpointWriter.WriteAsync"/> did, with a sentence for the operator.</summary>
public sealed record AuditCheckpointOutcome(AuditCheckpointStatus Status, string Message, AuditCheckpoint? Checkpoint = null);

/// <summary>
/// Signs the audit log's current head and appends it to the checkpoint file. Used by the background service and
/// by `audit checkpoint`; one writer per process, and one write at a time.
/// </summary>
public sealed class AuditCheckpointWriter(IServiceScopeFactory scopes, AuditCheckpointSettings settings, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AuditCheckpoint? _lastWritten;

    public AuditCheckpointSettings Settings => settings;

    /// <param name="onlyIfHeadMoved">Skip the write when the head is the one this writer last wrote.</param>
    /// <param name="ct">Cancels the write.</param>
    public async Task<AuditCheckpointOutcome> WriteAsync(bool onlyIfHeadMoved, CancellationToken ct)
    {
        if (settings.Key is not { } key) return new(AuditCheckpointStatus.NoKey, settings.NotAnchored);

        await _gate.WaitAsync(ct);
        try
        {
            AuditEntry? head;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
                head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
            }
            if (head is null) return new(AuditCheckpointStatus.EmptyLog, "The audit log is empty: there is nothing to anchor yet.");
            if (onlyIfHeadMoved && _lastWritten is { } last && last.Sequence == head.Sequence && last.Hash == head.Hash)
                return new(AuditCheckpointStatus.Unchanged, string.Create(CultureInfo.InvariantCulture, $"The audit log has not moved since the last checkpoint (entry {last.Sequence:N0})."), last);

            var checkpoint = AuditCheckpoint.Of(head, clock.GetUtcNow());
            await AuditCheckpointFile.AppendLineAsync(settings.FilePath, checkpoint.ToLine(key), ct);
            _lastWritten = checkpoint;
            return new(AuditCheckpointStatus.Written,
                string.Create(CultureInfo.InvariantCulture, $"Checkpoint written to {settings.FilePath}: entry {checkpoint.Sequence:N0}, hash {checkpoint.Hash}, at {checkpoint.When}."),
                checkpoint);
        }
        finally
        {
            _gate.Release();
        }
    }
}
