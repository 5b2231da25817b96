using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Beacon.Core.Audit;

namespace Beacon.Core.Tests.Audit;

public class AuditEntryTests
{
    private static AuditDraft Draft() => new("u-1", "Sam Patel", "Police", AuditAction.Viewed, "Child", "c-42",
        Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"), "Viewed the child's chronology", null);

    [Fact]
    public void First_entry_starts_the_chain()
    {
        var entry = AuditEntry.Append(null, Draft(), AuditTestChain.Start);

        Assert.Equal(1, entry.Sequence);
        Assert.Equal(AuditChain.GenesisHash, entry.PreviousHash);
        Assert.Equal(new string('0', 64), entry.PreviousHash);
        Assert.True(AuditChain.IsWellFormedHash(entry.Hash));
        Assert.Equal(AuditChain.ComputeHash(entry), entry.Hash);
        Assert.True(entry.HasValidHash());
        Assert.Equal("u-1", entry.ActorUserId);
        Assert.Equal("Sam Patel", entry.ActorName);
        Assert.Equal("Police", entry.ActorAgency);
        Assert.Equal(AuditAction.Viewed, entry.Action);
        Assert.Equal("Child", entry.EntityType);
        Assert.Equal("c-42", entry.EntityId);
        Assert.Equal("Viewed the child's chronology", entry.Summary);
    }

    [Fact]
    public void Next_entry_links_to_the_previous_one()
    {
        var first = AuditEntry.Append(null, Draft(), AuditTestChain.Start);
        var second = AuditEntry.Append(first, Draft() with { Action = AuditAction.Updated }, AuditTestChain.Start.AddMinutes(1));

        Assert.Equal(2, second.Sequence);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.NotEqual(first.Hash, second.Hash);
        Assert.True(second.HasValidHash());
    }

    [Fact]
    public void Time_is_truncated_to_whole_microseconds_in_utc()
    {
        var now = new DateTime(2025, 3, 1, 9, 0, 0, DateTimeKind.Utc).AddTicks(1234567);
        var entry = AuditEntry.Append(null, Draft(), now);

        Assert.Equal(now.AddTicks(-7), entry.OccurredAtUtc);
        Assert.Equal(DateTimeKind.Utc, entry.OccurredAtUtc.Kind);
        Assert.Equal(0, entry.OccurredAtUtc.Ticks % 10);
    }

    [Fact]
    public void Unspecified_time_is_taken_as_utc_and_local_time_is_converted()
    {
        var utc = new DateTime(2025, 7, 1, 12, 0, 0, DateTimeKind.Utc);
        var fromUnspecified = AuditEntry.Append(null, Draft(), DateTime.SpecifyKind(utc, DateTimeKind.Unspecified));
        var fromLocal = AuditEntry.Append(null, Draft(), utc.ToLocalTime());

        Assert.Equal(utc, fromUnspecified.OccurredAtUtc);
        Assert.Equal(utc, fromLocal.OccurredAtUtc);
        Assert.Equal(fromUnspecified.Hash, fromLocal.Hash);
    }

    [Theory]
    [InlineData(DateTimeKind.Unspecified)]
    [InlineData(DateTimeKind.Local)]
    public void Hash_survives_a_round_trip_that_changes_the_kind(DateTimeKind kindAfterReading)
    {
        var entry = AuditEntry.Append(null, Draft(), AuditTestChain.Start.AddTicks(4560));
        var readBack = AuditTestChain.With(entry, nameof(AuditEntry.OccurredAtUtc), DateTime.SpecifyKind(entry.OccurredAtUtc, kindAfterReading));

        Assert.Equal(entry.Hash, AuditChain.ComputeHash(readBack));
        Assert.True(readBack.HasValidHash());
    }

    [Fact]
    public void Hash_ignores_sub_microsecond_ticks_but_not_whole_microseconds()
    {
        var entry = AuditEntry.Append(null, Draft(), AuditTestChain.Start);
        var subMicro = AuditTestChain.With(entry, nameof(AuditEntry.OccurredAtUtc), entry.OccurredAtUtc.AddTicks(9));
        var oneMicro = AuditTestChain.With(entry, nameof(AuditEntry.OccurredAtUtc), entry.OccurredAtUtc.AddTicks(10));

        Assert.Equal(entry.Hash, AuditChain.ComputeHash(subMicro));
        Assert.NotEqual(entry.Hash, AuditChain.ComputeHash(oneMicro));
    }

    [Fact]
    public void Hash_follows_the_documented_canonical_encoding()
    {
        // An outside auditor must be able to recompute hashes from the documented format alone.
        var entry = AuditEntry.Append(null, Draft() with { ChangesJson = "[]", ActorAgency = null }, AuditTestChain.Start.AddTicks(1234567));

        var bytes = new List<byte>();
        void Field(string? value)
        {
            if (value is null) { bytes.Add(0); return; }
            var utf8 = Encoding.UTF8.GetBytes(value);
            var length = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, utf8.Length);
            bytes.Add(1);
            bytes.AddRange(length);
            bytes.AddRange(utf8);
        }
        Field("beacon.audit.v1");
        Field("1");
        Field("2025-03-01T09:00:00.123456Z");
        Field("u-1");
        Field("Sam Patel");
        Field(null);
        Field("1");
        Field("Child");
        Field("c-42");
        Field("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        Field("Viewed the child's chronology");
        Field("[]");
        Field(new string('0', 64));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray())), entry.Hash);
    }

    [Fact]
    public void Field_boundaries_and_nulls_are_unambiguous()
    {
        var t = AuditTestChain.Start;
        var prev = AuditChain.GenesisHash;
        var a = AuditChain.ComputeHash(1, t, "ab", "c", null, AuditAction.Viewed, "Child", "1", null, null, null, prev);
        var b = AuditChain.ComputeHash(1, t, "a", "bc", null, AuditAction.Viewed, "Child", "1", null, null, null, prev);
        var nullAgency = AuditChain.ComputeHash(1, t, "a", "b", null, AuditAction.Viewed, "Child", "1", null, null, null, prev);
        var emptyAgency = AuditChain.ComputeHash(1, t, "a", "b", "", AuditAction.Viewed, "Child", "1", null, null, null, prev);
        var summaryNotChanges = AuditChain.ComputeHash(1, t, "a", "b", null, AuditAction.Viewed, "Child", "1", null, "x", null, prev);
        var changesNotSummary = AuditChain.ComputeHash(1, t, "a", "b", null, AuditAction.Viewed, "Child", "1", null, null, "x", prev);

        Assert.NotEqual(a, b);
        Assert.NotEqual(nullAgency, emptyAgency);
        Assert.NotEqual(summaryNotChanges, changesNotSummary);
    }

    [Fact]
    public void Action_numbers_are_stable()
    {
        // These numbers are inside every stored hash; changing one would make the whole trail look tampered with.
        Assert.Equal(1, (int)AuditAction.Viewed);
        Assert.Equal(2, (int)AuditAction.Created);
        Assert.Equal(3, (int)AuditAction.Updated);
        Assert.Equal(4, (int)AuditAction.Withdrawn);
        Assert.Equal(5, (int)AuditAction.Redacted);
        Assert.Equal(6, (int)AuditAction.AccessGranted);
        Assert.Equal(7, (int)AuditAction.AccessRevoked);
        Assert.Equal(8, (int)AuditAction.SignedIn);
        Assert.Equal(9, (int)AuditAction.SignInFailed);
        Assert.Equal(10, (int)AuditAction.Exported);
    }

    [Fact]
    public void Text_that_storage_would_change_is_cleaned_before_hashing()
    {
        var entry = AuditEntry.Append(null, Draft() with { Summary = "a\0b\uD800c\uD83D\uDE00" }, AuditTestChain.Start);

        Assert.Equal("a\uFFFDb\uFFFDc\uD83D\uDE00", entry.Summary);
        Assert.True(entry.HasValidHash());
    }

    [Fact]
    public void Incomplete_drafts_are_refused()
    {
        var now = AuditTestChain.Start;
        Assert.Throws<ArgumentException>(() => AuditEntry.Append(null, Draft() with { ActorUserId = " " }, now));
        Assert.Throws<ArgumentException>(() => AuditEntry.Append(null, Draft() with { ActorName = "" }, now));
        Assert.Throws<ArgumentException>(() => AuditEntry.Append(null, Draft() with { EntityType = "" }, now));
        Assert.Throws<ArgumentException>(() => AuditEntry.Append(null, Draft() with { EntityId = null! }, now));
        Assert.Throws<ArgumentException>(() => AuditEntry.Append(null, Draft() with { ChildId = Guid.Empty }, now));
        Assert.Throws<ArgumentOutOfRangeException>(() => AuditEntry.Append(null, Draft() with { Action = (AuditAction)999 }, now));
        Assert.Throws<ArgumentNullException>(() => AuditEntry.Append(null, null!, now));
    }

    [Fact]
    public void Cannot_chain_from_an_entry_without_a_usable_hash()
    {
        var first = AuditEntry.Append(null, Draft(), AuditTestChain.Start);
        var broken = AuditTestChain.With(first, nameof(AuditEntry.Hash), "");

        Assert.Throws<InvalidOperationException>(() => AuditEntry.Append(broken, Draft(), AuditTestChain.Start));
    }

    [Fact]
    public void Draft_with_changes_records_them()
    {
        var draft = Draft().WithChanges([new FieldChange("Name", "A", "B")]);

        Assert.Equal("""[{"field":"Name","before":"A","after":"B"}]""", draft.ChangesJson);
    }
}
