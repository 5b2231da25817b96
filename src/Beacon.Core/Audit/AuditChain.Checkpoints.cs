namespace Beacon.Core.Audit;

public static partial class AuditChain
{
    /// <summary>
    /// Checks the chain as <see cref="Verify(IEnumerable{AuditEntry}, string?)"/> does, then checks it against
    /// signed checkpoints written earlier: the log must still hold, at every checkpoint's entry number, an entry
    /// with exactly the hash the checkpoint recorded, so its head is at or after the last checkpoint. Someone who
    /// rewrites or removes entries and recomputes every later hash keeps the chain whole, but cannot keep these.
    /// </summary>
    /// <param name="entriesInSequenceOrder">Every entry, ordered by <see cref="AuditEntry.Sequence"/> (streamed, not buffered).</param>
    /// <param name="checkpoints">Checkpoints whose signatures have been checked (see <see cref="AuditCheckpoint.Read"/>), in any order.</param>
    /// <param name="expectedHeadHash">As for <see cref="Verify(IEnumerable{AuditEntry}, string?)"/>.</param>
    /// <remarks>
    /// A break in the chain itself is reported first. Otherwise the checkpoint with the lowest entry number that
    /// the log contradicts is reported, with the range of entries the change must lie in.
    /// </remarks>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entriesInSequenceOrder, IReadOnlyCollection<AuditCheckpoint> checkpoints, string? expectedHeadHash = null)
    {
        ArgumentNullException.ThrowIfNull(entriesInSequenceOrder);
        ArgumentNullException.ThrowIfNull(checkpoints);
        if (checkpoints.Count == 0) return Verify(entriesInSequenceOrder, expectedHeadHash);

        var wanted = checkpoints.Select(c => c.Sequence).ToHashSet();
        var found = new Dictionary<long, string>();
        IEnumerable<AuditEntry> Noting()
        {
            foreach (var entry in entriesInSequenceOrder)
            {
                if (wanted.Contains(entry.Sequence)) found.TryAdd(entry.Sequence, entry.Hash);
                yield return entry;
            }
        }

        var chain = Verify(Noting(), expectedHeadHash);
        if (!chain.IsIntact) return chain;

        var ordered = checkpoints.OrderBy(c => c.Sequence).ThenBy(c => c.WrittenAtUtc).ToList();
        bool Holds(AuditCheckpoint c) => found.TryGetValue(c.Sequence, out var hash) && hash == c.Hash;
        AuditCheckpoint? lastGood = null;
        foreach (var checkpoint in ordered)
        {
            if (Holds(checkpoint))
            {
                lastGood = checkpoint;
                continue;
            }
            var goodBelow = lastGood is not null && lastGood.Sequence < checkpoint.Sequence ? lastGood : null;
            return new AuditVerification
            {
                IsIntact = false,
                EntriesChecked = chain.EntriesChecked,
                FirstBadSequence = (goodBelow?.Sequence ?? 0) + 1,
                Kind = AuditBreak.ContradictsCheckpoint,
                Message = Contradiction(checkpoint, goodBelow, chain.HeadSequence, found, ordered.Count(c => !Holds(c)), ordered.Count),
                CheckpointsChecked = ordered.Count,
                LatestCheckpoint = ordered[^1],
            };
        }

        var latest = ordered[^1];
        var since = chain.HeadSequence!.Value - latest.Sequence;
        var agrees = ordered.Count == 1
            ? Format($" It matches the signed checkpoint of {latest.When} for entry {latest.Sequence:N0}.")
            : Format($" It matches all {ordered.Count:N0} signed checkpoints; the latest, of {latest.When}, is for entry {latest.Sequence:N0}.");
        if (since > 0)
            agrees += Format($" The {since:N0} {(since == 1 ? "entry" : "entries")} written since {(since == 1 ? "is" : "are")} not yet anchored by a checkpoint.");
        return chain with
        {
            Message = chain.Message + agrees,
            CheckpointsChecked = ordered.Count,
            LatestCheckpoint = latest,
        };
    }

    private static string Contradiction(AuditCheckpoint checkpoint, AuditCheckpoint? goodBelow, long? head,
        Dictionary<long, string> found, int contradicted, int total)
    {
        var says = Format($"Checkpoint of {checkpoint.When} says entry {checkpoint.Sequence:N0} has hash {Short(checkpoint.Hash)}; ");
        string message;
        if (found.TryGetValue(checkpoint.Sequence, out var actual))
            message = says + Format($"the database has {Short(actual)}: entries were rewritten or removed since.");
        else if (head is null)
            message = says + "the audit log is empty: every entry was removed since.";
        else
            message = says + Format($"the log ends at entry {head.Value:N0}: entries were removed since.");

        if (head is not null)
        {
            message += goodBelow is null
                ? Format($" The change is at or before entry {checkpoint.Sequence:N0}.")
                : Format($" The change is between entries {goodBelow.Sequence + 1:N0} and {checkpoint.Sequence:N0}: the checkpoint of {goodBelow.When} for entry {goodBelow.Sequence:N0} still matches.");
        }
        if (total > 1)
            message += Format($" {contradicted:N0} of {total:N0} checkpoints disagree with the log.");
        return message;
    }
}
