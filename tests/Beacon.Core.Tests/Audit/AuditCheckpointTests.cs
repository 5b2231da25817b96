using System.Security.Cryptography;
using System.Text;
using Beacon.Core.Audit;
using static Beacon.Core.Tests.Audit.AuditTestChain;

namespace Beacon.Core.Tests.Audit;

public class AuditCheckpointTests
{
    private const int N = 40;
    private static readonly byte[] KeyBytes = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly AuditCheckpointKey Key = AuditCheckpointKey.FromBytes(KeyBytes);
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 21, 0, 7, 250, TimeSpan.Zero);

    private static AuditCheckpoint At(List<AuditEntry> chain, int sequence, DateTimeOffset? when = null) =>
        AuditCheckpoint.Of(chain[sequence - 1], when ?? Noon);

    /// <summary>What someone with database access does: edits entry <paramref name="sequence"/> and rebuilds every later hash.</summary>
    private static List<AuditEntry> RewrittenFrom(List<AuditEntry> chain, int sequence, string summary = "Nothing happened here")
    {
        var result = chain.Take(sequence - 1).ToList();
        var previous = result.LastOrDefault();
        for (var i = sequence - 1; i < chain.Count; i++)
        {
            var draft = Draft(i);
            if (i == sequence - 1) draft = draft with { Summary = summary };
            previous = AuditEntry.Append(previous, draft, chain[i].OccurredAtUtc);
            result.Add(previous);
        }
        return result;
    }

    private static AuditCheckpointReading ReadLines(params string[] lines) => AuditCheckpoint.Read(lines, Key);

    [Fact]
    public void A_checkpoint_line_reads_back_as_the_checkpoint_written()
    {
        var chain = Build(N);
        var checkpoint = At(chain, N);

        var reading = ReadLines(checkpoint.ToLine(Key));

        Assert.True(reading.AllLinesValid, reading.Problem);
        Assert.Equal(checkpoint, Assert.Single(reading.Checkpoints));
        Assert.Equal(new DateTime(2026, 11, 23, 21, 0, 7, DateTimeKind.Utc), checkpoint.WrittenAtUtc);
        Assert.Equal("2026-11-23 21:00 UTC", checkpoint.When);
    }

    [Fact]
    public void A_line_is_the_documented_text_and_its_HMAC_SHA256_so_it_can_be_checked_outside_Beacon()
    {
        var chain = Build(N);
        var line = At(chain, 7).ToLine(Key);

        var text = $"beacon.audit.checkpoint.v1 7 {chain[6].Hash} 2026-11-23T21:00:07Z";
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(KeyBytes, Encoding.UTF8.GetBytes(text)));
        Assert.Equal($"{text} {signature}", line);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Editing_any_field_of_a_line_breaks_its_signature(int field)
    {
        var chain = Build(N);
        var first = At(chain, 5).ToLine(Key);
        var parts = At(chain, 7).ToLine(Key).Split(' ');
        parts[field] = field switch
        {
            1 => "6",
            2 => OtherHash(parts[2]),
            3 => "2026-11-23T21:05:07Z",
            _ => OtherHash(parts[4]),
        };

        var reading = ReadLines(first, string.Join(' ', parts));

        Assert.False(reading.AllLinesValid);
        Assert.Equal(1, reading.BadLines);
        Assert.StartsWith("Line 2 of the checkpoint file", reading.Problem);
        Assert.Contains("does not carry a valid signature: it was edited or forged", reading.Problem);
        // The good line is still there to check the log against.
        Assert.Equal(5, Assert.Single(reading.Checkpoints).Sequence);
    }

    [Fact]
    public void A_line_signed_with_another_key_is_refused()
    {
        var chain = Build(N);
        var otherKey = AuditCheckpointKey.FromBytes(Enumerable.Repeat((byte)7, 32).ToArray());

        var reading = ReadLines(At(chain, N).ToLine(otherKey));

        Assert.Empty(reading.Checkpoints);
        Assert.Equal($"Line 1 of the checkpoint file, for entry {N} at 2026-11-23 21:00 UTC, does not carry a valid signature: it was edited or forged, or signed with another key.", reading.Problem);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("beacon.audit.checkpoint.v1 7 abc")]
    [InlineData("beacon.audit.checkpoint.v2 7 a b c")]
    [InlineData("beacon.audit.checkpoint.v1  7 a b c")]
    public void A_line_that_is_not_a_checkpoint_is_reported(string line)
    {
        var reading = ReadLines(line);

        Assert.Equal(1, reading.BadLines);
        Assert.Equal("Line 1 of the checkpoint file is not a checkpoint Beacon wrote: it was edited, or a write was cut short.", reading.Problem);
    }

    [Fact]
    public void A_line_cut_short_by_a_crash_is_reported_and_the_first_bad_line_is_named()
    {
        var chain = Build(N);
        var whole = At(chain, 10).ToLine(Key);

        var reading = ReadLines(At(chain, 5).ToLine(Key), whole[..^10], "", At(chain, 20).ToLine(Key) + "\r", "garbage");

        Assert.Equal(2, reading.BadLines);
        Assert.StartsWith("Line 2 of the checkpoint file", reading.Problem);
        Assert.Equal([5L, 20L], reading.Checkpoints.Select(c => c.Sequence));
    }

    [Fact]
    public void A_checkpoint_of_nothing_cannot_be_written()
    {
        var checkpoint = new AuditCheckpoint(0, AuditChain.GenesisHash, Noon.UtcDateTime);
        Assert.Throws<InvalidOperationException>(() => checkpoint.ToLine(Key));
    }

    [Fact]
    public void A_configured_key_is_base64_bytes_when_it_decodes_to_enough_bytes_and_otherwise_its_text()
    {
        var base64 = Convert.ToBase64String(KeyBytes);
        Assert.True(AuditCheckpointKey.TryParse($"  {base64} ", out var fromBase64, out _));
        var chain = Build(3);
        // The same bytes as the raw key: a line one signs, the other accepts.
        Assert.True(AuditCheckpoint.Read([At(chain, 3).ToLine(fromBase64!)], Key).AllLinesValid);

        Assert.True(AuditCheckpointKey.TryParse("a long passphrase, not base64!", out var passphrase, out var none));
        Assert.Null(none);
        Assert.False(AuditCheckpoint.Read([At(chain, 3).ToLine(passphrase!)], Key).AllLinesValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_configured_key_means_no_key_and_no_problem(string? configured)
    {
        Assert.False(AuditCheckpointKey.TryParse(configured, out var key, out var problem));
        Assert.Null(key);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAA=")]
    public void A_key_shorter_than_16_bytes_is_refused_in_plain_words(string configured)
    {
        Assert.False(AuditCheckpointKey.TryParse(configured, out var key, out var problem));
        Assert.Null(key);
        Assert.Contains("too short", problem);
        Assert.Throws<ArgumentException>(() => AuditCheckpointKey.FromBytes(new byte[15]));
    }

    [Fact]
    public void An_intact_log_passes_its_checkpoints_and_says_how_much_is_not_yet_anchored()
    {
        var chain = Build(N);
        var checkpoints = new[] { At(chain, 10, Noon.AddHours(-1)), At(chain, 30) };

        var result = AuditChain.Verify(chain, checkpoints);

        Assert.True(result.IsIntact, result.Message);
        Assert.Equal(2, result.CheckpointsChecked);
        Assert.Equal(30, result.LatestCheckpoint!.Sequence);
        Assert.Equal(chain[^1].Hash, result.HeadHash);
        Assert.Contains("It matches all 2 signed checkpoints; the latest, of 2026-11-23 21:00 UTC, is for entry 30.", result.Message);
        Assert.Contains("The 10 entries written since are not yet anchored by a checkpoint.", result.Message);

        var atHead = AuditChain.Verify(chain, [At(chain, N)]);
        Assert.True(atHead.IsIntact);
        Assert.EndsWith($"It matches the signed checkpoint of 2026-11-23 21:00 UTC for entry {N}.", atHead.Message);
    }

    [Fact]
    public void A_rewritten_entry_with_every_later_hash_recomputed_passes_the_chain_but_not_its_checkpoint()
    {
        var chain = Build(N);
        var checkpoints = new[] { At(chain, 10, Noon.AddHours(-2)), At(chain, 20, Noon.AddHours(-1)), At(chain, 30) };
        var rewritten = RewrittenFrom(chain, 15);

        Assert.True(AuditChain.Verify(rewritten).IsIntact);
        var result = AuditChain.Verify(rewritten, checkpoints);

        Assert.False(result.IsIntact);
        Assert.Equal(AuditBreak.ContradictsCheckpoint, result.Kind);
        Assert.Equal(11, result.FirstBadSequence);
        Assert.Null(result.HeadHash);
        Assert.Equal(
            $"Checkpoint of 2026-11-23 20:00 UTC says entry 20 has hash {chain[19].Hash[..12]}…; the database has {rewritten[19].Hash[..12]}…: " +
            "entries were rewritten or removed since. The change is between entries 11 and 20: the checkpoint of 2026-11-23 19:00 UTC for entry 10 still matches. " +
            "2 of 3 checkpoints disagree with the log.",
            result.Message);
    }

    [Fact]
    public void Removing_an_entry_and_renumbering_the_rest_contradicts_the_checkpoints_after_it()
    {
        var chain = Build(N);
        var shortened = chain.ToList();
        shortened.RemoveAt(4);
        Renumber(shortened, 4, -1, rehash: true);
        // Relink, as a careful forger would, so the chain itself holds together.
        var relinked = new List<AuditEntry>();
        foreach (var e in shortened)
        {
            var linked = With(e, nameof(AuditEntry.PreviousHash), relinked.LastOrDefault()?.Hash ?? AuditChain.GenesisHash);
            relinked.Add(Rehash(linked));
        }
        Assert.True(AuditChain.Verify(relinked).IsIntact);

        var result = AuditChain.Verify(relinked, [At(chain, N)]);

        Assert.Equal(AuditBreak.ContradictsCheckpoint, result.Kind);
        Assert.Contains($"the log ends at entry {N - 1}: entries were removed since. The change is at or before entry {N}.", result.Message);
    }

    [Fact]
    public void An_emptied_log_contradicts_every_checkpoint()
    {
        var chain = Build(N);

        var result = AuditChain.Verify([], [At(chain, 5), At(chain, N)]);

        Assert.False(result.IsIntact);
        Assert.Equal(AuditBreak.ContradictsCheckpoint, result.Kind);
        Assert.Equal(1, result.FirstBadSequence);
        Assert.Equal(
            $"Checkpoint of 2026-11-23 21:00 UTC says entry 5 has hash {chain[4].Hash[..12]}…; the audit log is empty: every entry was removed since. 2 of 2 checkpoints disagree with the log.",
            result.Message);
    }

    [Fact]
    public void Entries_cut_off_the_end_before_the_last_checkpoint_are_found()
    {
        var chain = Build(N);

        var result = AuditChain.Verify(chain.Take(25).ToList(), [At(chain, 20, Noon.AddHours(-1)), At(chain, 30)]);

        Assert.Equal(AuditBreak.ContradictsCheckpoint, result.Kind);
        Assert.Equal(21, result.FirstBadSequence);
        Assert.StartsWith("Checkpoint of 2026-11-23 21:00 UTC says entry 30 has hash", result.Message);
        Assert.Contains("the log ends at entry 25: entries were removed since. The change is between entries 21 and 30", result.Message);
    }

    [Fact]
    public void A_rewrite_after_the_last_checkpoint_is_caught_only_against_the_recorded_head()
    {
        var chain = Build(N);
        var head = chain[^1].Hash;
        var rewritten = RewrittenFrom(chain, 35);

        var result = AuditChain.Verify(rewritten, [At(chain, 30)]);
        Assert.True(result.IsIntact, result.Message);
        Assert.Contains("The 10 entries written since are not yet anchored", result.Message);

        Assert.Equal(AuditBreak.Removed, AuditChain.Verify(rewritten, [At(chain, 30)], head).Kind);
    }

    [Fact]
    public void A_break_in_the_chain_itself_is_reported_before_the_checkpoints()
    {
        var chain = Build(N);
        chain[11] = With(chain[11], nameof(AuditEntry.Summary), "Edited in place");

        var result = AuditChain.Verify(chain, [At(chain, 30)]);

        Assert.Equal(AuditBreak.Altered, result.Kind);
        Assert.Equal(12, result.FirstBadSequence);
    }

    [Fact]
    public void No_checkpoints_checks_the_chain_as_before()
    {
        var chain = Build(N);
        var result = AuditChain.Verify(chain, []);

        Assert.Equal(AuditChain.Verify(chain), result);
        Assert.Equal(0, result.CheckpointsChecked);
    }

    [Fact]
    public void Checking_against_checkpoints_still_streams_the_log_once()
    {
        long yielded = 0;
        var checkpoint = AuditCheckpoint.Of(Stream(500).Last(), Noon);

        var result = AuditChain.Verify(Stream(1000, n => yielded = n), [checkpoint]);

        Assert.True(result.IsIntact, result.Message);
        Assert.Equal(1000, yielded);
    }
}
