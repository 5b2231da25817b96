using Beacon.Core.Audit;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Infrastructure.Auditing;

/// <summary>The <c>Beacon:Audit</c> configuration section, as written.</summary>
public sealed class AuditCheckpointOptions
{
    public const string Section = "Beacon:Audit";
    public const string DefaultFile = "audit-checkpoints.log";

    /// <summary>The signing key (base64, or any text of at least 16 characters). Never kept in the database.</summary>
    public string? CheckpointKey { get; set; }

    /// <summary>The append-only checkpoint file; a relative path is resolved against the content root.</summary>
    public string? CheckpointFile { get; set; }

    /// <summary>How often the running app writes a checkpoint when the log has grown; 0 turns the background writer off.</summary>
    public int CheckpointMinutes { get; set; } = 15;
}

/// <summary>Audit checkpoint configuration, resolved: the file's full path, the parsed key, the interval.</summary>
public sealed class AuditCheckpointSettings
{
    private AuditCheckpointSettings(string filePath, AuditCheckpointKey? key, string? keyProblem, TimeSpan? interval)
    {
        FilePath = filePath;
        Key = key;
        KeyProblem = keyProblem;
        Interval = interval;
    }

    /// <summary>Where checkpoints are appended and read from.</summary>
    public string FilePath { get; }

    /// <summary>The signing key; null when none is configured, or the one configured is unusable.</summary>
    public AuditCheckpointKey? Key { get; }

    /// <summary>Why the configured key is unusable, in plain words; null when it is fine or none is configured.</summary>
    public string? KeyProblem { get; }

    /// <summary>How often the background writer runs; null when it is turned off.</summary>
    public TimeSpan? Interval { get; }

    /// <summary>What to tell the operator when there is no usable key.</summary>
    public string NotAnchored => (KeyProblem is null ? "Beacon:Audit:CheckpointKey is not set" : KeyProblem.TrimEnd('.'))
        + ", so no signed checkpoints are written or checked: the audit log is not anchored. Someone with database access "
        + "could rewrite or empty the whole log without verification noticing (README: \"Audit trail: what Beacon detects\").";

    public static AuditCheckpointSettings From(AuditCheckpointOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        var file = string.IsNullOrWhiteSpace(options.CheckpointFile) ? AuditCheckpointOptions.DefaultFile : options.CheckpointFile.Trim();
        // A relative file sits beside the app, like the SQLite database, not wherever the shell happened to be.
        var path = Path.GetFullPath(Path.IsPathRooted(file) ? file : Path.Combine(contentRoot, file));
        AuditCheckpointKey.TryParse(options.CheckpointKey, out var key, out var problem);
        TimeSpan? interval = options.CheckpointMinutes > 0 ? TimeSpan.FromMinutes(options.CheckpointMinutes) : null;
        return new AuditCheckpointSettings(path, key, problem, interval);
    }
}

public static class AuditCheckpointRegistration
{
    /// <summary>Checkpoint settings, the writer (used by the CLI too) and the background service that runs it.</summary>
    public static void AddAuditCheckpoints(this IServiceCollection services)
    {
        // Bound when first needed, so configuration a host adds late (tests, command-line switches) is honoured.
        services.AddOptions<AuditCheckpointOptions>().BindConfiguration(AuditCheckpointOptions.Section);
        services.AddSingleton(sp => AuditCheckpointSettings.From(
            sp.GetRequiredService<IOptions<AuditCheckpointOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton<AuditCheckpointWriter>();
        services.AddHostedService<AuditCheckpointService>();
    }
}
