using Beacon.Core.Audit;

namespace Beacon.Web.Infrastructure.Auditing;

/// <summary>
/// The genuine checkpoints in the configured checkpoint file, ready to check the log against, with what stops
/// the log from being anchored. Read the same way by `audit verify` and the auditor's page.
/// </summary>
/// <param name="Checkpoints">The lines whose signatures are good.</param>
/// <param name="Problem">
/// A failure to report: a checkpoint line that is not genuine, an unusable key, or a file that cannot be read.
/// </param>
/// <param name="Warnings">Why the log is not (yet) anchored, when it is not; never a failure on its own.</param>
public sealed record AuditCheckpointsLoaded(IReadOnlyList<AuditCheckpoint> Checkpoints, string? Problem, IReadOnlyList<string> Warnings)
{
    public static async Task<AuditCheckpointsLoaded> LoadAsync(AuditCheckpointSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string[]? lines;
        try
        {
            lines = await AuditCheckpointFile.ReadLinesAsync(settings.FilePath, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new([], $"Cannot read the checkpoint file {settings.FilePath}: {e.Message}", []);
        }

        if (settings.Key is not { } key)
        {
            List<string> warnings = [settings.NotAnchored];
            if (lines is not null) warnings.Add($"{settings.FilePath} holds checkpoints, but they cannot be checked without the key.");
            // A key that is set but unusable is a broken configuration, not a choice.
            return settings.KeyProblem is null ? new([], null, warnings) : new([], settings.NotAnchored, warnings[1..]);
        }
        if (lines is null)
        {
            return new([], null,
                [$"There are no checkpoints yet ({settings.FilePath} does not exist), so the audit log is not anchored yet. Beacon writes one when it starts; `audit checkpoint` writes one now."]);
        }

        var reading = AuditCheckpoint.Read(lines, key);
        var problem = reading.Problem is null ? null
            : reading.BadLines > 1 ? $"{reading.Problem} ({reading.BadLines:N0} lines are not genuine checkpoints in all.)"
            : reading.Problem;
        IReadOnlyList<string> none = reading.Checkpoints.Count == 0 && problem is null
            ? [$"{settings.FilePath} holds no checkpoints yet, so the audit log is not anchored yet."]
            : [];
        return new(reading.Checkpoints, problem, none);
    }
}
