namespace Beacon.Web.Infrastructure.Auditing;

/// <summary>
/// Anchors the audit log while Beacon runs: a signed checkpoint of the head once the app has started (the
/// database is initialised before it starts), then one every <c>Beacon:Audit:CheckpointMinutes</c> when the head
/// has moved. A failed write is logged and tried again at the next tick; it never stops the app.
/// </summary>
public sealed class AuditCheckpointService(
    AuditCheckpointWriter writer,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<AuditCheckpointService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = writer.Settings;
        if (settings.Key is null)
        {
            if (settings.KeyProblem is null) logger.LogWarning("Audit checkpoints are off: {Reason}", settings.NotAnchored);
            else logger.LogError("Audit checkpoints are off: {Reason}", settings.NotAnchored);
            return;
        }
        if (settings.Interval is not { } interval)
        {
            logger.LogInformation("The background audit checkpoint writer is off (Beacon:Audit:CheckpointMinutes is 0); run `audit checkpoint` to write checkpoints to {File}.", settings.FilePath);
            return;
        }

        try
        {
            // Created before the first write, so a tick that falls due during it is not lost.
            using var timer = new PeriodicTimer(interval, clock);
            await StartedAsync(stoppingToken);
            await WriteAsync(onlyIfHeadMoved: false, stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await WriteAsync(onlyIfHeadMoved: true, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Beacon is stopping.
        }
    }

    private async Task WriteAsync(bool onlyIfHeadMoved, CancellationToken ct)
    {
        try
        {
            var outcome = await writer.WriteAsync(onlyIfHeadMoved, ct);
            if (outcome.Status == AuditCheckpointStatus.Written)
                logger.LogInformation("{Outcome}", outcome.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(e, "Could not write an audit checkpoint to {File}; trying again at the next interval.", writer.Settings.FilePath);
        }
    }

    private async Task StartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStopping = ct.Register(() => started.TrySetCanceled(ct));
        await started.Task;
    }
}
