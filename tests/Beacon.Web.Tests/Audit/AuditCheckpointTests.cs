using System.Globalization;
using Beacon.Core.Audit;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Tests.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Beacon.Web.Tests.Audit;

/// <summary>
/// Someone with database access who drops the append-only guard, rewrites entries and recomputes every later hash
/// (or empties the log) keeps the chain whole, but cannot keep it in line with the signed checkpoints Beacon
/// writes to a file outside the database. Each test has a Beacon, database and checkpoint file of its own.
/// </summary>
public abstract class AuditCheckpointTests(BeaconFixture fixture) : DataTestBase(fixture)
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 23, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_rewritten_entry_with_every_later_hash_recomputed_passes_the_chain_but_fails_against_a_checkpoint()
    {
        await using var beacon = Use(await BeaconFactory.StartAsync(Provider));
        var (written, writeOutput) = await AuditCli.RunAsync(Factory, "checkpoint");
        Assert.True(written == 0, writeOutput);
        var anchored = (await AuditLogAsync())[^1];
        Assert.Contains($"entry {N(anchored.Sequence)}, hash {anchored.Hash}", writeOutput);
        await AddChildAsync(NewChild(Unique("Later")));

        await DropAuditGuardsAsync();
        await RewriteFromAsync(anchored.Sequence - 2, "Nothing happened here");

        var log = await AuditLogAsync();
        Assert.Equal("Nothing happened here", log[(int)anchored.Sequence - 3].Summary);
        Assert.True(AuditChain.Verify(log).IsIntact);
        var (unanchored, unanchoredOutput) = await AuditCli.RunAsync(Factory, "verify", "--Beacon:Audit:CheckpointKey=");
        Assert.True(unanchored == 0, unanchoredOutput);
        Assert.Contains("the audit log is not anchored", unanchoredOutput);

        var (code, output) = await AuditCli.RunAsync(Factory, "verify");
        Assert.True(code == 1, output);
        Assert.Contains($"says entry {N(anchored.Sequence)} has hash {anchored.Hash[..12]}…; the database has {log[(int)anchored.Sequence - 1].Hash[..12]}…: "
            + "entries were rewritten or removed since.", output);
    }

    [Fact]
    public async Task An_emptied_log_fails_against_a_checkpoint()
    {
        await using var beacon = Use(await BeaconFactory.StartAsync(Provider));
        Assert.Equal(0, (await AuditCli.RunAsync(Factory, "checkpoint")).Code);
        var anchored = (await AuditLogAsync())[^1];

        await DropAuditGuardsAsync();
        await RawSqlAsync("""DELETE FROM "AuditEntries";""");

        Assert.True(AuditChain.Verify(await AuditLogAsync()).IsIntact);
        var (code, output) = await AuditCli.RunAsync(Factory, "verify");
        Assert.True(code == 1, output);
        Assert.Contains($"says entry {N(anchored.Sequence)} has hash {anchored.Hash[..12]}…; the audit log is empty: every entry was removed since.", output);
    }

    [Fact]
    public async Task An_edited_or_forged_checkpoint_line_fails_its_signature()
    {
        await using var beacon = Use(await BeaconFactory.StartAsync(Provider));
        Assert.Equal(0, (await AuditCli.RunAsync(Factory, "checkpoint")).Code);
        await AddChildAsync(NewChild(Unique("Edited")));
        Assert.Equal(0, (await AuditCli.RunAsync(Factory, "checkpoint")).Code);
        var genuine = await File.ReadAllLinesAsync(Factory.CheckpointFile, Ct);
        var log = await AuditLogAsync();

        // Someone points the second checkpoint at an earlier entry, as if the log had been shorter.
        var fields = genuine[1].Split(' ');
        fields[1] = log[^5].Sequence.ToString(CultureInfo.InvariantCulture);
        fields[2] = log[^5].Hash;
        await File.WriteAllLinesAsync(Factory.CheckpointFile, [genuine[0], string.Join(' ', fields)], Ct);

        var (code, output) = await AuditCli.RunAsync(Factory, "verify");
        Assert.True(code == 1, output);
        Assert.Contains($"Line 2 of the checkpoint file, for entry {N(log[^5].Sequence)} at ", output);
        Assert.Contains("does not carry a valid signature: it was edited or forged, or signed with another key.", output);

        // A line signed with a key of the forger's own is no better.
        var forgerKey = AuditCheckpointKey.FromBytes(new byte[32]);
        await File.WriteAllLinesAsync(Factory.CheckpointFile, [.. genuine, AuditCheckpoint.Of(log[^1], Evening).ToLine(forgerKey)], Ct);
        (code, output) = await AuditCli.RunAsync(Factory, "verify");
        Assert.True(code == 1, output);
        Assert.Contains("Line 3 of the checkpoint file", output);

        await File.WriteAllLinesAsync(Factory.CheckpointFile, genuine, Ct);
        Assert.Equal(0, (await AuditCli.RunAsync(Factory, "verify")).Code);
    }

    [Fact]
    public async Task An_intact_log_with_checkpoints_passes()
    {
        await using var beacon = Use(await BeaconFactory.StartAsync(Provider));
        Assert.Equal(0, (await AuditCli.RunAsync(Factory, "checkpoint")).Code);
        await AddChildAsync(NewChild(Unique("Between")));
        Assert.Equal(0, (await AuditCli.RunAsync(Factory, "checkpoint")).Code);
        var anchored = (await AuditLogAsync())[^1];
        await AddChildAsync(NewChild(Unique("After")));
        var log = await AuditLogAsync();

        var (code, output) = await AuditCli.RunAsync(Factory, "verify", "--expect-head", log[^1].Hash);
        Assert.True(code == 0, output);
        Assert.Contains($"It matches all 2 signed checkpoints; the latest, of ", output);
        Assert.Contains($", is for entry {N(anchored.Sequence)}.", output);
        Assert.Contains($"The {N(log.Count - anchored.Sequence)} entries written since are not yet anchored by a checkpoint.", output);
        Assert.Contains("Checkpoints checked: 2", output);
        Assert.Contains($"Head hash: {log[^1].Hash}", output);
        Assert.DoesNotContain("Warning", output);
    }

    [Fact]
    public async Task Without_a_key_no_checkpoint_is_written_and_verify_warns_that_the_log_is_not_anchored()
    {
        await using var beacon = Use(await BeaconFactory.StartAsync(Provider));

        var (code, output) = await AuditCli.RunAsync(Factory, "checkpoint", "--Beacon:Audit:CheckpointKey=");
        Assert.True(code == 1, output);
        Assert.StartsWith("Cannot write a checkpoint: Beacon:Audit:CheckpointKey is not set", output);
        Assert.False(File.Exists(Factory.CheckpointFile));

        (code, output) = await AuditCli.RunAsync(Factory, "checkpoint", "--Beacon:Audit:CheckpointKey=short");
        Assert.True(code == 1, output);
        Assert.Contains("The audit checkpoint key is too short", output);

        (code, output) = await AuditCli.RunAsync(Factory, "verify");
        Assert.True(code == 0, output);
        Assert.Contains("Warning: There are no checkpoints yet", output);

        Assert.Equal(0, (await AuditCli.RunAsync(Factory, "checkpoint")).Code);
        (code, output) = await AuditCli.RunAsync(Factory, "verify", "--Beacon:Audit:CheckpointKey=");
        Assert.True(code == 0, output);
        Assert.Contains("entries are intact", output);
        Assert.Contains("Warning: Beacon:Audit:CheckpointKey is not set, so no signed checkpoints are written or checked: the audit log is not anchored.", output);
        Assert.Contains("holds checkpoints, but they cannot be checked without the key", output);

        // A key that is set but unusable is a mistake to fix, not a choice.
        (code, output) = await AuditCli.RunAsync(Factory, "verify", "--Beacon:Audit:CheckpointKey=short");
        Assert.True(code == 1, output);
    }

    [Fact]
    public async Task Beacon_writes_a_checkpoint_of_the_head_when_it_starts()
    {
        await using var beacon = Use(await BeaconFactory.StartAsync(Provider, auditCheckpoints: true));

        var checkpoint = Assert.Single(await CheckpointsAsync(atLeast: 1));
        var log = await AuditLogAsync();
        Assert.Equal((log[^1].Sequence, log[^1].Hash), (checkpoint.Sequence, checkpoint.Hash));
        var (code, output) = await AuditCli.RunAsync(Factory, "verify");
        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task The_background_writer_checkpoints_again_each_interval_once_the_head_has_moved()
    {
        await using var beacon = Use(await BeaconFactory.StartAsync(Provider));
        var settings = AuditCheckpointSettings.From(new AuditCheckpointOptions
        {
            CheckpointKey = Factory.CheckpointKey,
            CheckpointFile = Factory.CheckpointFile,
            CheckpointMinutes = 15,
        }, Path.GetTempPath());
        var clock = new FakeTimeProvider(Evening);
        var writer = new AuditCheckpointWriter(Factory.Services.GetRequiredService<IServiceScopeFactory>(), settings, clock);
        using var service = new AuditCheckpointService(writer, clock, Factory.Services.GetRequiredService<IHostApplicationLifetime>(),
            NullLogger<AuditCheckpointService>.Instance);

        await service.StartAsync(Ct);
        var atStart = Assert.Single(await CheckpointsAsync(atLeast: 1));
        Assert.Equal((await AuditLogAsync())[^1].Sequence, atStart.Sequence);
        Assert.Equal(Evening.UtcDateTime, atStart.WrittenAtUtc);

        await AddChildAsync(NewChild(Unique("Moved")));
        clock.Advance(TimeSpan.FromMinutes(15));
        var checkpoints = await CheckpointsAsync(atLeast: 2);
        await service.StopAsync(Ct);

        Assert.Equal(2, checkpoints.Count);
        Assert.Equal((await AuditLogAsync())[^1].Sequence, checkpoints[1].Sequence);
        Assert.True(checkpoints[1].Sequence > atStart.Sequence);
        Assert.Equal(Evening.AddMinutes(15).UtcDateTime, checkpoints[1].WrittenAtUtc);
    }

    [Fact]
    public async Task The_writer_skips_a_head_it_has_already_anchored_unless_told_to_write()
    {
        await using var beacon = Use(await BeaconFactory.StartAsync(Provider));
        var writer = Factory.Services.GetRequiredService<AuditCheckpointWriter>();

        Assert.Equal(AuditCheckpointStatus.Written, (await writer.WriteAsync(onlyIfHeadMoved: true, Ct)).Status);
        Assert.Equal(AuditCheckpointStatus.Unchanged, (await writer.WriteAsync(onlyIfHeadMoved: true, Ct)).Status);
        await AddChildAsync(NewChild(Unique("Skip")));
        Assert.Equal(AuditCheckpointStatus.Written, (await writer.WriteAsync(onlyIfHeadMoved: true, Ct)).Status);
        Assert.Equal(AuditCheckpointStatus.Written, (await writer.WriteAsync(onlyIfHeadMoved: false, Ct)).Status);

        Assert.Equal(3, (await CheckpointsAsync(atLeast: 3)).Count);
    }

    [Fact]
    public async Task A_checkpoint_file_that_cannot_be_written_or_read_is_reported_in_plain_words()
    {
        // A folder where the file should be: nothing can be appended to it or read from it as lines.
        var folder = Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar);

        var (code, output) = await AuditCli.RunAsync(Factory, "checkpoint", $"--Beacon:Audit:CheckpointFile={folder}");
        Assert.True(code == 1, output);
        Assert.StartsWith($"Cannot write a checkpoint to {folder}: ", output);

        (code, output) = await AuditCli.RunAsync(Factory, "verify", $"--Beacon:Audit:CheckpointFile={folder}");
        Assert.True(code == 0, output);
        Assert.Contains("There are no checkpoints yet", output);
    }

    private static string N(long number) => number.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The genuine checkpoints in this Beacon's file, once there are at least <paramref name="atLeast"/> (or after 30 seconds).</summary>
    private async Task<IReadOnlyList<AuditCheckpoint>> CheckpointsAsync(int atLeast)
    {
        Assert.True(AuditCheckpointKey.TryParse(Factory.CheckpointKey, out var key, out _));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var lines = await AuditCheckpointFile.ReadLinesAsync(Factory.CheckpointFile, Ct) ?? [];
            var reading = AuditCheckpoint.Read(lines, key!);
            Assert.True(reading.AllLinesValid, reading.Problem);
            if (reading.Checkpoints.Count >= atLeast || DateTime.UtcNow > deadline) return reading.Checkpoints;
            await Task.Delay(50, Ct);
        }
    }

    /// <summary>
    /// What a careful forger with database access does: edits entry <paramref name="from"/>, then recomputes its hash
    /// and every later entry's links and hash, so the chain holds together again.
    /// </summary>
    private async Task RewriteFromAsync(long from, string summary)
    {
        string? previousHash = null;
        foreach (var e in (await AuditLogAsync()).Where(e => e.Sequence >= from))
        {
            var newSummary = e.Sequence == from ? summary : e.Summary;
            var linksTo = previousHash ?? e.PreviousHash;
            var hash = AuditChain.ComputeHash(e.Sequence, e.OccurredAtUtc, e.ActorUserId, e.ActorName, e.ActorAgency, e.Action,
                e.EntityType, e.EntityId, e.ChildId, newSummary, e.ChangesJson, linksTo);
            var sequence = e.Sequence;
            Assert.Equal(1, await InScopeAsync(db => db.Database.ExecuteSqlAsync(
                $"""UPDATE "AuditEntries" SET "Summary" = {newSummary}, "PreviousHash" = {linksTo}, "Hash" = {hash} WHERE "Sequence" = {sequence}""", Ct)));
            previousHash = hash;
        }
    }
}

public sealed class SqliteAuditCheckpointTests(SqliteBeacon fixture) : AuditCheckpointTests(fixture), IClassFixture<SqliteBeacon>;
public sealed class PostgresAuditCheckpointTests(PostgresBeacon fixture) : AuditCheckpointTests(fixture), IClassFixture<PostgresBeacon>;
