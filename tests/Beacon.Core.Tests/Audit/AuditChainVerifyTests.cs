using Beacon.Core.Audit;
using static Beacon.Core.Tests.Audit.AuditTestChain;

namespace Beacon.Core.Tests.Audit;

public class AuditChainVerifyTests
{
    private const int N = 50;

    private static void AssertBroken(AuditVerification result, long sequence, AuditBreak kind)
    {
        Assert.False(result.IsIntact, "Expected a broken chain, got: " + result.Message);
        Assert.True((sequence, kind) == (result.FirstBadSequence, result.Kind),
            $"Expected {kind} at {sequence}, got {result.Kind} at {result.FirstBadSequence}: {result.Message}");
        Assert.Null(result.HeadHash);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
    }

    private static List<AuditEntry> BySequence(IEnumerable<AuditEntry> entries) => entries.OrderBy(e => e.Sequence).ToList();

    [Fact]
    public void Intact_chain_verifies_and_reports_its_head()
    {
        var chain = Build(N);

        var result = AuditChain.Verify(chain);

        Assert.True(result.IsIntact, result.Message);
        Assert.Equal(N, result.EntriesChecked);
        Assert.Equal(chain[^1].Hash, result.HeadHash);
        Assert.Equal(N, result.HeadSequence);
        Assert.Null(result.FirstBadSequence);
        Assert.Null(result.Kind);
        Assert.Contains(chain[^1].Hash, result.Message);
    }

    [Fact]
    public void Empty_log_is_intact_without_a_head()
    {
        var result = AuditChain.Verify([]);

        Assert.True(result.IsIntact);
        Assert.Equal(0, result.EntriesChecked);
        Assert.Null(result.HeadHash);
    }

    public static TheoryData<string> EditableFields =>
    [
        nameof(AuditEntry.ActorUserId), nameof(AuditEntry.ActorName), nameof(AuditEntry.ActorAgency),
        nameof(AuditEntry.Action), nameof(AuditEntry.EntityType), nameof(AuditEntry.EntityId),
        nameof(AuditEntry.ChildId), nameof(AuditEntry.Summary), nameof(AuditEntry.ChangesJson),
        nameof(AuditEntry.OccurredAtUtc), nameof(AuditEntry.PreviousHash), nameof(AuditEntry.Hash),
    ];

    private static object? AlteredValue(AuditEntry e, string field) => field switch
    {
        nameof(AuditEntry.ActorUserId) => e.ActorUserId + "x",
        nameof(AuditEntry.ActorName) => "Someone Else",
        nameof(AuditEntry.ActorAgency) => null,
        nameof(AuditEntry.Action) => e.Action == AuditAction.Viewed ? AuditAction.Exported : AuditAction.Viewed,
        nameof(AuditEntry.EntityType) => e.EntityType + "s",
        nameof(AuditEntry.EntityId) => e.EntityId + "0",
        nameof(AuditEntry.ChildId) => Guid.NewGuid(),
        nameof(AuditEntry.Summary) => e.Summary + ".",
        nameof(AuditEntry.ChangesJson) => AuditChanges.ToJson([new FieldChange("Status", "open", "closed")]),
        nameof(AuditEntry.OccurredAtUtc) => e.OccurredAtUtc.AddTicks(10),
        nameof(AuditEntry.PreviousHash) => OtherHash(e.PreviousHash),
        nameof(AuditEntry.Hash) => OtherHash(e.Hash),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    [Theory]
    [MemberData(nameof(EditableFields))]
    public void Editing_any_field_of_any_entry_is_reported_at_that_entry(string field)
    {
        var original = Build(N);
        for (var i = 0; i < N; i++)
        {
            var chain = original.ToList();
            chain[i] = With(chain[i], field, AlteredValue(chain[i], field));

            var result = AuditChain.Verify(chain);

            AssertBroken(result, i + 1, AuditBreak.Altered);
            if (field != nameof(AuditEntry.PreviousHash))
                Assert.Equal($"Entry {i + 1} was altered after it was written: its contents no longer match its hash.", result.Message);
        }
    }

    [Fact]
    public void Editing_an_entry_and_recomputing_its_hash_is_reported_at_that_entry()
    {
        var original = Build(N);
        for (var i = 0; i < N - 1; i++)
        {
            var chain = original.ToList();
            chain[i] = Rehash(With(chain[i], nameof(AuditEntry.Summary), "Nothing to see here"));

            var result = AuditChain.Verify(chain);

            AssertBroken(result, i + 1, AuditBreak.Altered);
            Assert.Contains($"Entry {i + 1} was altered after it was written and its hash recomputed", result.Message);
        }
    }

    [Fact]
    public void Rewriting_the_last_entry_is_caught_only_against_the_recorded_head()
    {
        var chain = Build(N);
        var recordedHead = AuditChain.Verify(chain).HeadHash!;
        chain[^1] = Rehash(With(chain[^1], nameof(AuditEntry.Summary), "Nothing to see here"));

        Assert.True(AuditChain.Verify(chain).IsIntact);
        AssertBroken(AuditChain.Verify(chain, recordedHead), N + 1, AuditBreak.Removed);
    }

    [Fact]
    public void Changing_an_entry_number_in_place_is_reported_at_that_entry()
    {
        var original = Build(N);
        foreach (var delta in new long[] { 1, 5, 1000, -1 })
        {
            for (var i = 0; i < N; i++)
            {
                if (original[i].Sequence + delta < 1) continue;
                var chain = original.ToList();
                chain[i] = With(chain[i], nameof(AuditEntry.Sequence), chain[i].Sequence + delta);

                AssertBroken(AuditChain.Verify(chain), i + 1, AuditBreak.Altered);
            }
        }
    }

    [Fact]
    public void Removing_any_entry_is_reported_as_missing()
    {
        var original = Build(N);
        for (var i = 0; i < N - 1; i++)
        {
            var chain = original.ToList();
            chain.RemoveAt(i);

            var result = AuditChain.Verify(chain);

            AssertBroken(result, i + 1, AuditBreak.Removed);
            Assert.Equal(
                i == 0 ? "Entry 1 is missing from the start of the audit log." : $"Entry {i + 1} is missing: the log goes from entry {i} to entry {i + 2}.",
                result.Message);
        }
    }

    [Fact]
    public void Removing_several_entries_reports_the_range()
    {
        var chain = Build(N);
        chain.RemoveRange(20, 3);

        var result = AuditChain.Verify(chain);

        AssertBroken(result, 21, AuditBreak.Removed);
        Assert.Equal("Entries 21 to 23 are missing: the log goes from entry 20 to entry 24.", result.Message);
    }

    [Fact]
    public void Removing_an_entry_and_renumbering_the_rest_is_reported_as_removed()
    {
        var original = Build(N);
        for (var i = 0; i < N - 1; i++)
        {
            var chain = original.ToList();
            chain.RemoveAt(i);
            Renumber(chain, i, -1, rehash: false);

            var result = AuditChain.Verify(chain);

            AssertBroken(result, i + 1, AuditBreak.Removed);
            Assert.Contains("renumbered", result.Message);
        }
    }

    [Fact]
    public void Removing_entries_and_renumbering_reports_the_range()
    {
        var chain = Build(N);
        chain.RemoveRange(10, 4);
        Renumber(chain, 10, -4, rehash: false);

        var result = AuditChain.Verify(chain);

        AssertBroken(result, 11, AuditBreak.Removed);
        Assert.StartsWith("Entries 11 to 14 were removed", result.Message);
    }

    [Fact]
    public void Truncating_the_tail_is_caught_against_the_recorded_head()
    {
        var chain = Build(N);
        var recordedHead = AuditChain.Verify(chain).HeadHash!;
        var truncated = chain.Take(N - 3).ToList();

        Assert.True(AuditChain.Verify(truncated).IsIntact);
        var result = AuditChain.Verify(truncated, recordedHead);

        AssertBroken(result, N - 2, AuditBreak.Removed);
        Assert.Contains($"ends at entry {N - 3}", result.Message);
    }

    [Fact]
    public void Removing_every_entry_is_caught_against_the_recorded_head()
    {
        var recordedHead = AuditChain.Verify(Build(3)).HeadHash!;

        AssertBroken(AuditChain.Verify([], recordedHead), 1, AuditBreak.Removed);
    }

    [Fact]
    public void A_recorded_head_still_in_a_longer_log_is_accepted()
    {
        var chain = Build(N);
        var recordedHead = AuditChain.Verify(chain.Take(30)).HeadHash!;

        var grown = AuditChain.Verify(chain, recordedHead.ToUpperInvariant());
        var same = AuditChain.Verify(chain, chain[^1].Hash);

        Assert.True(grown.IsIntact, grown.Message);
        Assert.Contains("The recorded head hash is entry 30; 20 entries have been added since.", grown.Message);
        Assert.True(same.IsIntact, same.Message);
        Assert.Contains("matches the recorded head hash", same.Message);
    }

    [Fact]
    public void A_malformed_recorded_head_is_refused()
    {
        Assert.Throws<ArgumentException>(() => AuditChain.Verify(Build(2), "not-a-hash"));
    }

    [Fact]
    public void Inserting_a_linked_forgery_and_renumbering_the_rest_is_reported_at_the_forgery()
    {
        var original = Build(N);
        foreach (var rehash in new[] { false, true })
        {
            for (var i = 1; i < N; i++)
            {
                var chain = original.ToList();
                chain.Insert(i, Forge(i + 1, chain[i - 1].Hash));
                Renumber(chain, i + 1, +1, rehash);

                var result = AuditChain.Verify(chain);

                AssertBroken(result, i + 1, AuditBreak.Inserted);
                Assert.Equal($"Entry {i + 1} was inserted: entry {i + 2} links past it to entry {i}.", result.Message);
            }
        }
    }

    [Fact]
    public void Inserting_a_forgery_as_the_first_entry_is_reported_at_entry_1()
    {
        var chain = Build(N);
        chain.Insert(0, Forge(1, AuditChain.GenesisHash));
        Renumber(chain, 1, +1, rehash: false);

        AssertBroken(AuditChain.Verify(chain), 1, AuditBreak.Inserted);
    }

    [Fact]
    public void Inserting_a_forgery_that_does_not_link_is_reported_at_the_forgery()
    {
        var original = Build(N);
        for (var i = 1; i < N; i++)
        {
            var chain = original.ToList();
            chain.Insert(i, Forge(i + 1, OtherHash(chain[i - 1].Hash)));
            Renumber(chain, i + 1, +1, rehash: false);

            var result = AuditChain.Verify(chain);

            AssertBroken(result, i + 1, AuditBreak.Inserted);
            Assert.Equal($"Entry {i + 1} was inserted: its previous-hash does not match entry {i}, and entry {i + 2} links straight to entry {i}.", result.Message);
        }
    }

    [Fact]
    public void Inserting_a_forgery_with_a_duplicate_number_is_reported_wherever_it_sorts()
    {
        var original = Build(N);
        for (var i = 1; i < N - 1; i++)
        {
            var seq = original[i].Sequence;
            var forged = Forge(seq, original[i - 1].Hash);

            var after = original.ToList();
            after.Insert(i + 1, forged);
            var before = original.ToList();
            before.Insert(i, forged);
            var copied = original.ToList();
            copied.Insert(i + 1, original[i]);

            AssertBroken(AuditChain.Verify(after), seq, AuditBreak.Inserted);
            AssertBroken(AuditChain.Verify(before), seq, AuditBreak.Inserted);
            AssertBroken(AuditChain.Verify(copied), seq, AuditBreak.Inserted);
        }
    }

    [Fact]
    public void Entries_delivered_out_of_order_are_reported_as_reordered()
    {
        var original = Build(N);
        for (var i = 0; i < N - 1; i++)
        {
            var chain = original.ToList();
            (chain[i], chain[i + 1]) = (chain[i + 1], chain[i]);

            var result = AuditChain.Verify(chain);

            AssertBroken(result, i + 1, AuditBreak.Reordered);
            Assert.Equal($"Entry {i + 1} appears after entry {i + 2}: the entries are out of order.", result.Message);
        }
    }

    [Fact]
    public void Swapping_the_numbers_of_two_entries_is_reported_as_reordered()
    {
        var original = Build(N);
        foreach (var distance in new[] { 1, 2, 7 })
        {
            for (var i = 0; i + distance < N; i++)
            {
                var chain = original.ToList();
                var a = chain[i];
                var b = chain[i + distance];
                chain[i] = With(a, nameof(AuditEntry.Sequence), b.Sequence);
                chain[i + distance] = With(b, nameof(AuditEntry.Sequence), a.Sequence);

                var result = AuditChain.Verify(BySequence(chain));

                AssertBroken(result, i + 1, AuditBreak.Reordered);
                Assert.Equal($"Entries {i + 1} and {i + 1 + distance} have swapped places: each carries the other's number.", result.Message);
            }
        }
    }

    [Fact]
    public void Verification_streams_and_stops_soon_after_the_first_problem()
    {
        long pulled = 0;
        var source = Stream(1_000_000, n => pulled = n).Select(e => e.Sequence == 10 ? With(e, nameof(AuditEntry.Summary), "edited") : e);

        var result = AuditChain.Verify(source);

        AssertBroken(result, 10, AuditBreak.Altered);
        Assert.Equal(10, result.EntriesChecked);
        Assert.True(pulled <= 30, $"Read {pulled} entries to find a problem at entry 10.");
    }

    [Fact]
    public void A_long_one_pass_log_verifies()
    {
        var enumerations = 0;
        IEnumerable<AuditEntry> OnePass()
        {
            enumerations++;
            foreach (var e in Stream(100_000)) yield return e;
        }

        var result = AuditChain.Verify(OnePass());

        Assert.True(result.IsIntact, result.Message);
        Assert.Equal(100_000, result.EntriesChecked);
        Assert.Equal(100_000, result.HeadSequence);
        Assert.Equal(1, enumerations);
    }
}
