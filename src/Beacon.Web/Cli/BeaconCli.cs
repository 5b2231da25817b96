using System.CommandLine;
using Beacon.Core.Audit;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Cli;

/// <summary>Command-line verbs, run as `dotnet run --project src/Beacon.Web -- VERB`.</summary>
public static class BeaconCli
{
    private static readonly string[] Verbs = ["audit", "migrate", "generate", "readmodels", "notify", "estimate", "--help", "-h"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        output ??= Console.Out;
        var expectHead = new Option<string?>("--expect-head")
        {
            Description = "The head hash recorded from an earlier run; catches entries removed from the end of the log.",
        };
        var verify = new Command("verify",
            "Check the audit log's hash chain and the signed checkpoints in Beacon:Audit:CheckpointFile; exits 1 at the first altered, inserted or removed entry, or forged checkpoint.");
        verify.Options.Add(expectHead);
        verify.SetAction(async (parse, ct) => await VerifyAuditAsync(args, parse.GetValue(expectHead), output, ct));

        var checkpoint = new Command("checkpoint", "Sign the audit log's head now and append it to Beacon:Audit:CheckpointFile (for cron); exits 1 without a key.");
        checkpoint.SetAction(async (_, ct) => await CheckpointAuditAsync(args, output, ct));

        var audit = new Command("audit", "Audit log tools.");
        audit.Subcommands.Add(verify);
        audit.Subcommands.Add(checkpoint);

        var migrate = new Command("migrate", "Apply database migrations (and demo data on a new database when Beacon:DemoData is true).");
        migrate.SetAction(async (_, ct) =>
        {
            await using var app = BeaconApp.Build(WebArgs(args));
            await app.InitialiseDatabaseAsync(ct);
            await output.WriteLineAsync("Database is up to date.");
            return 0;
        });

        var childrenOption = new Option<int>("--children") { Description = "How many children to add (with their referrals, cases, missing episodes and assessments).", DefaultValueFactory = _ => 100_000 };
        var seedOption = new Option<int>("--seed") { Description = "Seed for the generated data; the same seed gives the same people.", DefaultValueFactory = _ => 2014 };
        var panelActionsOption = new Option<int>("--panel-actions")
        {
            Description = "How many actions five years of the demo chair's fortnightly panel meetings agree (0 for no meetings); by default one per child.",
            DefaultValueFactory = _ => -1,
        };
        var generate = new Command("generate", "Add a borough's volume of synthetic records to the configured database (demo logins first on a new one), for measuring Beacon at scale.");
        generate.Options.Add(childrenOption);
        generate.Options.Add(seedOption);
        generate.Options.Add(panelActionsOption);
        generate.SetAction(async (parse, ct) => await GenerateAsync(args, parse.GetValue(childrenOption), parse.GetValue(seedOption), output, ct,
            parse.GetValue(panelActionsOption)));

        var rebuild = new Command("rebuild",
            "Work the stored clocks, risk positions and search words out again from the records: after changing RiskReassessment, or after correcting records in the database by hand.");
        rebuild.SetAction(async (_, ct) =>
        {
            await using var app = BeaconApp.Build(WebArgs(args));
            await app.InitialiseDatabaseAsync(ct);
            await ReadModels.RebuildAllAsync(app.Services, ct);
            await output.WriteLineAsync("Read models rebuilt from the records.");
            return 0;
        });
        var readModels = new Command("readmodels", "The tables Beacon derives from its records for lists and counts.");
        readModels.Subcommands.Add(rebuild);

        var notify = new Command("notify",
            "Check everyone's work list once and tell people of new work (in Beacon, and by email when Beacon:Notifications:Email is on): for cron, when the background check is off.");
        notify.SetAction(async (_, ct) =>
        {
            await using var app = BeaconApp.Build(WebArgs(args));
            await app.InitialiseDatabaseAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            var raised = await scope.ServiceProvider.GetRequiredService<Features.MyWork.WorkItemAlerts>().CheckEveryoneAsync(ct);
            await output.WriteLineAsync($"Work lists checked: {raised} new alert{(raised == 1 ? "" : "s")}.");
            return 0;
        });

        var root = new RootCommand("Beacon: multi-agency safeguarding for children at risk of sexual exploitation.");
        root.Subcommands.Add(audit);
        root.Subcommands.Add(migrate);
        root.Subcommands.Add(generate);
        root.Subcommands.Add(readModels);
        root.Subcommands.Add(notify);
        root.Subcommands.Add(Features.ScaleEstimation.EstimateCommand.Create(output));
        // Configuration switches such as --ConnectionStrings:Beacon=... pass through to the app.
        root.TreatUnmatchedTokensAsErrors = false;
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output });
    }

    /// <summary>
    /// Checks the chain, and against the signed checkpoints in the checkpoint file when a key is configured. Exits
    /// 1 when the chain is broken, contradicts a checkpoint or the recorded head, or a checkpoint line is not
    /// genuine; without a key it warns that the log is not anchored and checks the chain alone.
    /// </summary>
    public static async Task<int> VerifyAuditAsync(string[] args, string? expectedHead, TextWriter output, CancellationToken ct)
    {
        await using var app = BeaconApp.Build(WebArgs(args));
        var settings = app.Services.GetRequiredService<AuditCheckpointSettings>();
        var loaded = await AuditCheckpointsLoaded.LoadAsync(settings, ct);
        if (loaded.Problem is not null) await output.WriteLineAsync(loaded.Problem);
        var sound = loaded.Problem is null;

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
            var entries = db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().ToBlockingEnumerable(ct);
            var result = AuditChain.Verify(entries, loaded.Checkpoints, expectedHead);
            await output.WriteLineAsync(result.Message);
            await output.WriteLineAsync($"Entries checked: {result.EntriesChecked}");
            if (result.HeadHash is not null) await output.WriteLineAsync($"Head hash: {result.HeadHash}");
            if (result.CheckpointsChecked > 0) await output.WriteLineAsync($"Checkpoints checked: {result.CheckpointsChecked} (from {settings.FilePath})");
            sound &= result.IsIntact;
        }
        foreach (var warning in loaded.Warnings) await output.WriteLineAsync("Warning: " + warning);
        return sound ? 0 : 1;
    }

    /// <summary>Writes a checkpoint of the current head; exits 1 when no usable key is configured.</summary>
    public static async Task<int> CheckpointAuditAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        await using var app = BeaconApp.Build(WebArgs(args));
        AuditCheckpointOutcome outcome;
        try
        {
            outcome = await app.Services.GetRequiredService<AuditCheckpointWriter>().WriteAsync(onlyIfHeadMoved: false, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"Cannot write a checkpoint to {app.Services.GetRequiredService<AuditCheckpointSettings>().FilePath}: {e.Message}");
            return 1;
        }
        await output.WriteLineAsync(outcome.Status == AuditCheckpointStatus.NoKey ? "Cannot write a checkpoint: " + outcome.Message : outcome.Message);
        return outcome.Status == AuditCheckpointStatus.NoKey ? 1 : 0;
    }

    /// <summary>Migrates (adding the demo on a new database), then adds the generated volume and says what it added.</summary>
    public static async Task<int> GenerateAsync(string[] args, int children, int seed, TextWriter output, CancellationToken ct, int panelActions = -1)
    {
        if (panelActions < 0) panelActions = children;
        if (children is < 0 or > 2_000_000 || panelActions > 2_000_000 || children + panelActions == 0)
        {
            await output.WriteLineAsync("--children must be between 0 and 2,000,000, --panel-actions at most 2,000,000, and one of them more than 0.");
            return 1;
        }
        await using var app = BeaconApp.Build(WebArgs(args));
        await app.InitialiseDatabaseAsync(ct);
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        if (children > 0)
        {
            await output.WriteLineAsync($"Generating {children:N0} children...");
            var totals = await new VolumeData(scopes, clock).GenerateAsync(children, seed, output, ct);
            await output.WriteLineAsync(
                $"Added {totals.Children:N0} children, {totals.Referrals:N0} referrals, {totals.Cases:N0} cases, {totals.MissingEpisodes:N0} missing episodes " +
                $"and {totals.Assessments:N0} signed-off risk assessments in {totals.Took.TotalSeconds:N0} s.");
        }
        if (panelActions > 0)
        {
            await output.WriteLineAsync($"Generating five years of panel meetings with {panelActions:N0} actions...");
            var panel = await new Features.Panel.PanelHistoryData(scopes, clock).GenerateAsync(5, panelActions, seed, output, ct);
            await output.WriteLineAsync($"Added {panel.Meetings:N0} panel meetings discussing {panel.Discussed:N0} children, {panel.Actions:N0} actions " +
                $"and {panel.Removals:N0} approved removals in {panel.Took.TotalSeconds:N0} s.");
        }
        await using (var scope = app.Services.CreateAsyncScope())
            await DatabaseSetup.RefreshStatisticsAsync(scope.ServiceProvider.GetRequiredService<BeaconDbContext>(), ct);
        return 0;
    }

    /// <summary>Only --Key=value configuration switches are passed to the host.</summary>
    private static string[] WebArgs(string[] args) => args.Where(a => a.StartsWith("--") && a.Contains('=')).ToArray();
}
