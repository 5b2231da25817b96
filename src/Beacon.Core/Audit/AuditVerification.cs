namespace Beacon.Core.Audit;

/// <summary>What kind of damage <see cref="AuditChain.Verify"/> found first.</summary>
public enum AuditBreak
{
    /// <summary>An entry's contents (or its number) were changed after it was written.</summary>
    Altered = 1,
    /// <summary>An entry that was never written by Beacon was added, or an entry was duplicated.</summary>
    Inserted = 2,
    /// <summary>One or more entries were deleted, including from the end (caught only against a recorded head hash).</summary>
    Removed = 3,
    /// <summary>Entries are present but not in the order they were written.</summary>
    Reordered = 4,
    /// <summary>
    /// The chain holds together but contradicts a signed checkpoint: entries up to that checkpoint were rewritten
    /// (with every later hash recomputed) or removed, or the log was emptied.
    /// </summary>
    ContradictsCheckpoint = 5,
}

/// <summary>Outcome of checking the audit trail.</summary>
public sealed record AuditVerification
{
    /// <summary>True when no problem was found.</summary>
    public required bool IsIntact { get; init; }

    /// <summary>Entries examined, up to and including the one where checking stopped.</summary>
    public required long EntriesChecked { get; init; }

    /// <summary>
    /// Hash of the last entry when the trail is intact; record it outside Beacon so a later check can
    /// prove nothing was cut off the end. Null when the trail is empty or broken.
    /// </summary>
    public string? HeadHash { get; init; }

    /// <summary>Sequence of the entry <see cref="HeadHash"/> belongs to.</summary>
    public long? HeadSequence { get; init; }

    /// <summary>The sequence number where the first problem is: the altered, inserted, moved or first missing entry.</summary>
    public long? FirstBadSequence { get; init; }

    public AuditBreak? Kind { get; init; }

    /// <summary>Plain-language result for the auditor.</summary>
    public required string Message { get; init; }

    /// <summary>Signed checkpoints the trail was checked against (0 when none were given).</summary>
    public int CheckpointsChecked { get; init; }

    /// <summary>The checkpoint with the highest entry number the trail was checked against, if any.</summary>
    public AuditCheckpoint? LatestCheckpoint { get; init; }
}
