using Beacon.Core.Audit;
using Beacon.Web.Cli;
using Beacon.Web.Tests.Data;
using Beacon.Web.Tests.Infrastructure;

namespace Beacon.Web.Tests.Audit;

/// <summary>
/// Someone with database access drops the append-only guard and edits or deletes an entry: verification,
/// in code and through `beacon audit verify`, names the first bad entry and the CLI exits 1. Each test
/// damages a Beacon and database of its own.
/// </summary>
public abstract class AuditTamperTests(BeaconFixture fixture) : DataTestBase(fixture)
{
    [Fact]
    public async Task An_intact_chain_verifies_through_the_CLI_against_the_configured_database()
    {
        await using var beacon = Use(await BeaconFactory.StartAsync(Provider));
        await AddChildAsync(NewChild(Unique("Intact")));
        var log = await AuditLogAsync();

        var (code, output) = await CliAsync();
        Assert.True(code == 0, output);
        Assert.Contains($"All {log.Count:N0} entries are intact", output);
        // The head it reports is this database's head, so it read the database it was pointed at.
        Assert.Contains($"Head hash: {log[^1].Hash}", output);
        Assert.Contains($"Entries checked: {log.Count}", output);

        var (direct, directOutput) = await VerifyDirectAsync(log[^1].Hash);
        Assert.True(direct == 0, directOutput);
        Assert.Contains("It matches the recorded head hash", directOutput);
    }

    [Fact]
    public async Task An_altered_summary_is_found_at_its_sequence()
    {
        await using var beacon = Use(await BeaconFactory.StartAsync(Provider));
        var log = await AuditLogAsync();
        var target = log[log.Count / 2].Sequence;

        await DropAuditGuardsAsync();
        Assert.Equal(1, await RawSqlAsync($"""UPDATE "AuditEntries" SET "Summary" = 'Nothing happened here' WHERE "Sequence" = {target}"""));

        var result = AuditChain.Verify(await AuditLogAsync());
        Assert.False(result.IsIntact);
        Assert.Equal(AuditBreak.Altered, result.Kind);
        Assert.Equal(target, result.FirstBadSequence);

        var (code, output) = await CliAsync();
        Assert.True(code == 1, output);
        Assert.Contains($"Entry {target} was altered", output);
        var (direct, directOutput) = await VerifyDirectAsync(null);
        Assert.Equal(1, direct);
        Assert.Contains($"Entry {target} was altered", directOutput);
    }

    [Fact]
    public async Task A_deleted_middle_entry_is_found_as_removed()
    {
        await using var beacon = Use(await BeaconFactory.StartAsync(Provider));
        var log = await AuditLogAsync();
        var target = log[log.Count / 2].Sequence;

        await DropAuditGuardsAsync();
        Assert.Equal(1, await RawSqlAsync($"""DELETE FROM "AuditEntries" WHERE "Sequence" = {target}"""));

        var result = AuditChain.Verify(await AuditLogAsync());
        Assert.False(result.IsIntact);
        Assert.Equal(AuditBreak.Removed, result.Kind);
        Assert.Equal(target, result.FirstBadSequence);

        var (code, output) = await CliAsync();
        Assert.True(code == 1, output);
        Assert.Contains($"Entry {target} is missing", output);
    }

    [Fact]
    public async Task Entries_cut_off_the_end_are_found_against_a_recorded_head()
    {
        await using var beacon = Use(await BeaconFactory.StartAsync(Provider));
        var log = await AuditLogAsync();
        var (intact, _) = await CliAsync("--expect-head", log[^1].Hash);
        Assert.Equal(0, intact);

        await DropAuditGuardsAsync();
        await RawSqlAsync($"""DELETE FROM "AuditEntries" WHERE "Sequence" = {log[^1].Sequence}""");

        // Without the recorded head the shortened log looks whole; with it, the CLI catches the cut.
        Assert.Equal(0, (await CliAsync()).Code);
        var (code, output) = await CliAsync("--expect-head", log[^1].Hash);
        Assert.True(code == 1, output);
        Assert.Contains($"ends at entry {log[^2].Sequence}", output);
    }

    private Task<(int Code, string Output)> CliAsync(params string[] extra) => AuditCli.RunAsync(Factory, "verify", extra);

    private async Task<(int Code, string Output)> VerifyDirectAsync(string? expectedHead)
    {
        using var output = new StringWriter();
        var code = await BeaconCli.VerifyAuditAsync(AuditCli.Switches(Factory), expectedHead, output, Ct);
        return (code, output.ToString());
    }
}

public sealed class SqliteAuditTamperTests(SqliteBeacon fixture) : AuditTamperTests(fixture), IClassFixture<SqliteBeacon>;
public sealed class PostgresAuditTamperTests(PostgresBeacon fixture) : AuditTamperTests(fixture), IClassFixture<PostgresBeacon>;
