using System.Globalization;

namespace Beacon.Core.Audit;

public static partial class AuditChain
{
    // How far back and ahead the verifier looks to tell apart removal, insertion and reordering.
    // Bounded so memory stays constant however long the trail is.
    private const int Window = 16;

    /// <summary>
    /// Walks the trail once, keeping only a small window of entries, and reports the first problem found.
    /// </summary>
    /// <param name="entriesInSequenceOrder">Every entry, ordered by <see cref="AuditEntry.Sequence"/> (streamed, not buffered).</param>
    /// <param name="expectedHeadHash">
    /// A head hash recorded outside Beacon by an earlier check. It must still be the hash of some entry: if it
    /// is not, entries were cut off the end (or the trail was rewritten). The trail may have grown since.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="expectedHeadHash"/> is not a SHA-256 hex string.</exception>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entriesInSequenceOrder, string? expectedHeadHash = null)
    {
        ArgumentNullException.ThrowIfNull(entriesInSequenceOrder);
        string? expectedHead = null;
        if (expectedHeadHash is not null)
        {
            expectedHead = expectedHeadHash.Trim().ToLowerInvariant();
            if (!IsWellFormedHash(expectedHead))
                throw new ArgumentException("The expected head hash must be 64 hexadecimal digits.", nameof(expectedHeadHash));
        }

        using var ahead = new Lookahead(entriesInSequenceOrder.GetEnumerator());
        var recent = new RecentEntries(Window);
        AuditEntry? prev = null;
        long read = 0;
        long? expectedHeadAt = null;

        while (ahead.TryTake(out var cur))
        {
            read++;
            var problem = Check(prev, cur, ahead, recent);
            if (problem is { } p)
            {
                return new AuditVerification
                {
                    IsIntact = false,
                    EntriesChecked = read,
                    FirstBadSequence = p.Sequence,
                    Kind = p.Kind,
                    Message = p.Message,
                };
            }
            if (expectedHead is not null && expectedHeadAt is null && cur.Hash == expectedHead)
                expectedHeadAt = cur.Sequence;
            recent.Add(cur);
            prev = cur;
        }

        if (expectedHead is not null && expectedHeadAt is null)
        {
            return new AuditVerification
            {
                IsIntact = false,
                EntriesChecked = read,
                FirstBadSequence = (prev?.Sequence ?? 0) + 1,
                Kind = AuditBreak.Removed,
                Message = prev is null
                    ? "The audit log is empty, but a head hash was recorded for it: every entry has been removed."
                    : Format($"The recorded head hash {Short(expectedHead)} is not in the audit log, which ends at entry {prev.Sequence}: entries after {prev.Sequence} were removed, or the log was rewritten."),
            };
        }

        string message;
        if (prev is null)
        {
            message = "The audit log is empty.";
        }
        else
        {
            message = Format($"All {read:N0} entries are intact. Head: entry {prev.Sequence}, hash {prev.Hash}.");
            if (expectedHeadAt is { } at)
            {
                var added = prev.Sequence - at;
                message += added == 0
                    ? " It matches the recorded head hash."
                    : Format($" The recorded head hash is entry {at}; {added:N0} {(added == 1 ? "entry has" : "entries have")} been added since.");
            }
        }
        return new AuditVerification
        {
            IsIntact = true,
            EntriesChecked = read,
            HeadHash = prev?.Hash,
            HeadSequence = prev?.Sequence,
            Message = message,
        };
    }

    private readonly record struct Problem(long Sequence, AuditBreak Kind, string Message);

    private static Problem? Check(AuditEntry? prev, AuditEntry cur, Lookahead ahead, RecentEntries recent)
    {
        var expectedSeq = (prev?.Sequence ?? 0) + 1;
        var expectedPrevHash = prev?.Hash ?? GenesisHash;
        var selfConsistent = ComputeHash(cur, cur.Sequence) == cur.Hash;
        var linked = cur.PreviousHash == expectedPrevHash;
        var c = cur.Sequence;

        if (c == expectedSeq)
        {
            if (selfConsistent && linked) return null;
            return selfConsistent
                ? CheckBrokenLink(prev, cur, ahead, recent)
                : CheckContentMismatch(prev, cur, ahead, recent);
        }

        var after = prev is null ? "the start of the log" : Format($"entry {prev.Sequence}");

        if (prev is not null && c == prev.Sequence)
        {
            var next = ahead.Peek(0);
            if (next is not null && next.PreviousHash == prev.Hash)
                return new(c, AuditBreak.Inserted, Format($"Entry {c} appears twice: the second copy was inserted (entry {next.Sequence} links to the first)."));
            if (linked)
                return new(expectedSeq, AuditBreak.Altered, Format($"Entry {expectedSeq} was altered after it was written: it links to entry {prev.Sequence} but its number was changed to {c}."));
            if (cur.Hash == prev.Hash)
                return new(c, AuditBreak.Inserted, Format($"Entry {c} appears twice: it was copied."));
            if (next is not null && next.PreviousHash == cur.Hash)
                return new(c, AuditBreak.Inserted, Format($"Entry {c} appears twice: the first copy was inserted (entry {next.Sequence} links to the second)."));
            return new(c, AuditBreak.Inserted, Format($"Entry {c} appears twice: one copy was inserted."));
        }

        // It follows its predecessor directly, so nothing is missing: its number is what changed.
        if (linked)
            return new(expectedSeq, AuditBreak.Altered, Format($"Entry {expectedSeq} was altered after it was written: it links to {after} but its number was changed to {c}."));

        if (prev is not null && c < prev.Sequence)
            return new(c, AuditBreak.Reordered, Format($"Entry {c} appears after entry {prev.Sequence}: the entries are out of order."));

        if (c < expectedSeq)
            return new(expectedSeq, AuditBreak.Altered, Format($"The first entry is numbered {c}; the log must start at entry 1."));

        // A gap. If the missing number turns up just ahead, the entries were delivered out of order.
        for (var i = 0; i < Window; i++)
        {
            var later = ahead.Peek(i);
            if (later is null) break;
            if (later.Sequence == expectedSeq)
                return new(expectedSeq, AuditBreak.Reordered, Format($"Entry {expectedSeq} appears after entry {c}: the entries are out of order."));
        }

        var missing = c - expectedSeq;
        if (prev is null)
            return new(1, AuditBreak.Removed, missing == 1
                ? "Entry 1 is missing from the start of the audit log."
                : Format($"Entries 1 to {c - 1} are missing from the start of the audit log."));
        return new(expectedSeq, AuditBreak.Removed, missing == 1
            ? Format($"Entry {expectedSeq} is missing: the log goes from entry {prev.Sequence} to entry {c}.")
            : Format($"Entries {expectedSeq} to {c - 1} are missing: the log goes from entry {prev.Sequence} to entry {c}."));
    }

    // Right number, own hash fine, but it does not point at its predecessor.
    private static Problem CheckBrokenLink(AuditEntry? prev, AuditEntry cur, Lookahead ahead, RecentEntries recent)
    {
        var c = cur.Sequence;
        if (InsertedBefore(prev, cur, recent) is { } inserted) return inserted;

        var next = ahead.Peek(0);
        var expectedPrevHash = prev?.Hash ?? GenesisHash;
        var after = prev is null ? "the start of the log" : Format($"entry {prev.Sequence}");

        if (next is not null && next.PreviousHash == expectedPrevHash)
            return new(c, AuditBreak.Inserted, Format($"Entry {c} was inserted: its previous-hash does not match {after}, and entry {next.Sequence} links straight to {after}."));

        if (prev is null)
            return new(1, AuditBreak.Removed, "Entry 1 does not start the chain: its previous-hash should be the starting value of 64 zeros. Earlier entries were removed and the log renumbered, or entry 1 was forged.");

        // The next entry still vouches for this one, so it is the predecessor whose hash changed.
        if (next is null || next.PreviousHash == cur.Hash)
            return new(prev.Sequence, AuditBreak.Altered, Format($"Entry {prev.Sequence} was altered after it was written and its hash recomputed: entry {c} still carries entry {prev.Sequence}'s original hash."));

        return new(c, AuditBreak.Altered, Format($"Entry {c} was replaced or rewritten: it does not link to entry {prev.Sequence}, and entry {next.Sequence} does not link to it. (Entries may also have been removed and the log renumbered.)"));
    }

    // Right number, but its contents no longer produce its hash.
    private static Problem CheckContentMismatch(AuditEntry? prev, AuditEntry cur, Lookahead ahead, RecentEntries recent)
    {
        var c = cur.Sequence;
        if (WrittenSequence(cur) is { } written)
        {
            if (written > c)
            {
                for (var i = 0; i < Window; i++)
                {
                    var later = ahead.Peek(i);
                    if (later is null || later.Sequence > written) break;
                    if (later.Sequence == written && ComputeHash(later, c) == later.Hash)
                        return new(c, AuditBreak.Reordered, Format($"Entries {c} and {written} have swapped places: each carries the other's number."));
                }
                return new(c, AuditBreak.Removed, written - c == 1
                    ? Format($"Entry {c} was removed and the later entries renumbered to close the gap: the entry now numbered {c} was written as entry {written}.")
                    : Format($"Entries {c} to {written - 1} were removed and the later entries renumbered to close the gap: the entry now numbered {c} was written as entry {written}."));
            }
            if (InsertedBefore(prev, cur, recent) is { } found) return found;
            return new(written, AuditBreak.Inserted, Format($"Entries were inserted before entry {c}, which was written as entry {written}, and the log renumbered."));
        }

        if (InsertedBefore(prev, cur, recent) is { } inserted) return inserted;

        return new(c, AuditBreak.Altered, Format($"Entry {c} was altered after it was written: its contents no longer match its hash."));
    }

    // The entry links to an entry before its predecessor, so everything in between was slipped in.
    private static Problem? InsertedBefore(AuditEntry? prev, AuditEntry cur, RecentEntries recent)
    {
        if (prev is null) return null;
        // Genesis counts only near the start, like the remembered window, so a stray forged link is not
        // blamed on thousands of entries.
        long? target = cur.PreviousHash == GenesisHash && prev.Sequence <= Window ? 0 : recent.FindOlderThanLatest(cur.PreviousHash);
        if (target is not { } j || j >= prev.Sequence) return null;
        var first = j + 1;
        var pointsTo = j == 0 ? "the start of the log" : Format($"entry {j}");
        return first == prev.Sequence
            ? new(first, AuditBreak.Inserted, Format($"Entry {first} was inserted: entry {cur.Sequence} links past it to {pointsTo}."))
            : new(first, AuditBreak.Inserted, Format($"Entries {first} to {prev.Sequence} were inserted: entry {cur.Sequence} links past them to {pointsTo}."));
    }

    // The number this entry had when it was hashed, if it is near its current one.
    private static long? WrittenSequence(AuditEntry cur)
    {
        for (var d = 1; d <= Window; d++)
        {
            if (ComputeHash(cur, cur.Sequence + d) == cur.Hash) return cur.Sequence + d;
            if (cur.Sequence - d >= 1 && ComputeHash(cur, cur.Sequence - d) == cur.Hash) return cur.Sequence - d;
        }
        return null;
    }

    private static string Short(string hash) => hash[..12] + "…";

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Pull-through reader that can peek a few entries ahead without buffering the trail.</summary>
    private sealed class Lookahead(IEnumerator<AuditEntry> source) : IDisposable
    {
        private readonly List<AuditEntry> _buffer = new(Window + 1);
        private bool _exhausted;

        public bool TryTake(out AuditEntry entry)
        {
            if (_buffer.Count == 0 && !Fill(1))
            {
                entry = null!;
                return false;
            }
            entry = _buffer[0];
            _buffer.RemoveAt(0);
            return true;
        }

        public AuditEntry? Peek(int offset) => Fill(offset + 1) ? _buffer[offset] : null;

        private bool Fill(int count)
        {
            while (_buffer.Count < count && !_exhausted)
            {
                if (source.MoveNext())
                {
                    _buffer.Add(source.Current ?? throw new ArgumentException("The audit log contains a null entry."));
                }
                else
                {
                    _exhausted = true;
                }
            }
            return _buffer.Count >= count;
        }

        public void Dispose() => source.Dispose();
    }

    /// <summary>The last few accepted entries' hashes, to spot a link that skips over entries.</summary>
    private sealed class RecentEntries(int capacity)
    {
        private readonly (long Sequence, string Hash)[] _items = new (long, string)[capacity];
        private int _count;
        private int _next;

        public void Add(AuditEntry entry)
        {
            _items[_next] = (entry.Sequence, entry.Hash);
            _next = (_next + 1) % _items.Length;
            if (_count < _items.Length) _count++;
        }

        /// <summary>Sequence of a remembered entry with this hash, ignoring the most recent one.</summary>
        public long? FindOlderThanLatest(string hash)
        {
            for (var k = 2; k <= _count; k++)
            {
                var item = _items[(_next - k + _items.Length) % _items.Length];
                if (item.Hash == hash) return item.Sequence;
            }
            return null;
        }
    }
}
