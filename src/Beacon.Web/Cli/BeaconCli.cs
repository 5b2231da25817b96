using System.CommandLine;
using Beacon.Core.Audit;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Cli;

/// <summary>Command-line verbs, run as `dotnet run --project src/Beacon.Web -- VERB`.</summary>
public static class BeaconCli
{
    private static readonly string[] Verbs = ["audit", "migrate", "--help", "-h"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        output ??= Console.Out;
        var expectHead = new Option<string?>("--expect-head")
        {
            Description = "The head hash recorded from an earlier run; catches entries removed from the end of the log.",
        };
        var verify = new Command("verify", "Check the audit log's hash chain; exits 1 at the first altered, inserted or removed entry.");
        verify.Options.Add(expectHead);
        verify.SetAction(async (parse, ct) => await VerifyAuditAsync(args, parse.GetValue(expectHead), output, ct));

        var audit = new Command("audit", "Audit log tools.");
        audit.Subcommands.Add(verify);

        var migrate = new Command("migrate", "Apply database migrations (and demo data on a new database when Beacon:DemoData is true).");
        migrate.SetAction(async (_, ct) =>
        {
            await using var app = BeaconApp.Build(WebArgs(args));
            await app.InitialiseDatabaseAsync(ct);
            await output.WriteLineAsync("Database is up to date.");
            return 0;
        });

        var root = new RootCommand("Beacon: multi-agency safeguarding for children at risk of sexual exploitation.");
        root.Subcommands.Add(audit);
        root.Subcommands.Add(migrate);
        // Configuration switches such as --ConnectionStrings:Beacon=... pass through to the app.
        root.TreatUnmatchedTokensAsErrors = false;
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output });
    }

    public static async Task<int> VerifyAuditAsync(string[] args, string? expectedHead, TextWriter output, CancellationToken ct)
    {
        await using var app = BeaconApp.Build(WebArgs(args));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        var entries = db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().ToBlockingEnumerable(ct);
        var result = AuditChain.Verify(entries, expectedHead);
        await output.WriteLineAsync(result.Message);
        await output.WriteLineAsync($"Entries checked: {result.EntriesChecked}");
        if (result.HeadHash is not null) await output.WriteLineAsync($"Head hash: {result.HeadHash}");
        return result.IsIntact ? 0 : 1;
    }

    /// <summary>Only --Key=value configuration switches are passed to the host.</summary>
    private static string[] WebArgs(string[] args) => args.Where(a => a.StartsWith("--") && a.Contains('=')).ToArray();
}
