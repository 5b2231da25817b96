using System.Threading.Channels;
using Beacon.Core.Audit;
using Beacon.Web.Infrastructure.Data;

namespace Beacon.Web.Infrastructure.Auditing;

/// <summary>
/// Appends audit entries that change no record (views, searches, exports, refusals) for every request at once: the
/// entries waiting when a save starts are chained and committed together, in one transaction, and each request
/// carries on only once its own entry is committed. Appends to the chain are serialised (one head, one successor), so
/// one save and one flush to disk per view capped how many records Beacon could show a second (about 100 on
/// PostgreSQL, whatever the number of cores); saved together, a busy minute costs a few commits a second.
/// </summary>
public sealed class AuditAppender(IServiceScopeFactory scopes, ILogger<AuditAppender> logger) : BackgroundService
{
    /// <summary>The most entries one save takes; more wait for the next (a few milliseconds later).</summary>
    public const int MostInOneSave = 500;

    private sealed record Pending(AuditDraft Draft, TaskCompletionSource Committed);

    private readonly Channel<Pending> _waiting = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Completes when every entry is in the log, committed; fails as the save failed (the page then fails too).</summary>
    public Task AppendAsync(IReadOnlyCollection<AuditDraft> drafts, CancellationToken ct)
    {
        var committed = new List<Task>(drafts.Count);
        foreach (var draft in drafts)
        {
            var pending = new Pending(draft, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            if (!_waiting.Writer.TryWrite(pending)) throw new InvalidOperationException("Beacon is stopping: nothing more can be recorded.");
            committed.Add(pending.Committed.Task);
        }
        // A request that gives up still has its entry written: what it was shown, or asked for, stays on the record.
        return Task.WhenAll(committed).WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MostInOneSave);
        while (await _waiting.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MostInOneSave && _waiting.Reader.TryRead(out var pending)) batch.Add(pending);
            await SaveAsync(batch);
        }
    }

    /// <summary>Stops taking entries, and writes those already waiting before Beacon stops.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _waiting.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task SaveAsync(IReadOnlyList<Pending> batch)
    {
        try
        {
            await SaveTogetherAsync(batch.Select(p => p.Draft));
            foreach (var pending in batch) pending.Committed.TrySetResult();
        }
        catch (Exception e) when (batch.Count > 1)
        {
            // One entry the database refuses must not fail everyone else's page: each is tried on its own.
            logger.LogWarning(e, "Saving {Count} audit entries together failed; saving each on its own", batch.Count);
            foreach (var pending in batch)
            {
                try
                {
                    await SaveTogetherAsync([pending.Draft]);
                    pending.Committed.TrySetResult();
                }
                catch (Exception single) { pending.Committed.TrySetException(single); }
            }
        }
        catch (Exception e)
        {
            batch[0].Committed.TrySetException(e);
        }
    }

    private async Task SaveTogetherAsync(IEnumerable<AuditDraft> drafts)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        db.PendingAudit.AddRange(drafts);
        // The auditing interceptor chains them onto the head, under the append lock, in this save's transaction.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
