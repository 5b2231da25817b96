using System.Globalization;

namespace Beacon.Core.Audit;

/// <summary>
/// A signed note, kept outside the database, that entry <see cref="Sequence"/> of the audit log had hash
/// <see cref="Hash"/> at <see cref="WrittenAtUtc"/>. Someone who can rewrite the database but does not hold the
/// key cannot make a rewritten log agree with it (see <see cref="AuditChain.Verify(IEnumerable{AuditEntry}, IReadOnlyCollection{AuditCheckpoint}, string?)"/>).
/// </summary>
/// <param name="Sequence">The entry the checkpoint vouches for (the head of the log when it was written).</param>
/// <param name="Hash">That entry's hash, 64 lowercase hex digits.</param>
/// <param name="WrittenAtUtc">When the checkpoint was written, in UTC, to the second.</param>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTime WrittenAtUtc)
{
    /// <summary>The first word of every checkpoint line; a later format would use a new tag.</summary>
    public const string Tag = "beacon.audit.checkpoint.v1";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>
    /// A checkpoint of <paramref name="head"/>, the entry at the head of the log, at <paramref name="nowUtc"/>
    /// (truncated to the second).
    /// </summary>
    public static AuditCheckpoint Of(AuditEntry head, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(head);
        var utc = nowUtc.UtcDateTime;
        return new AuditCheckpoint(head.Sequence, head.Hash, new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc));
    }

    /// <summary>
    /// One line of the checkpoint file, without a line break:
    /// <c>beacon.audit.checkpoint.v1 SEQUENCE HASH yyyy-MM-ddTHH:mm:ssZ SIGNATURE</c>, separated by single
    /// spaces. The signature is the lowercase hex HMAC-SHA256, under the key, of the UTF-8 text before it (the
    /// line up to, not including, the last space), so anyone holding the key can check a line outside Beacon.
    /// </summary>
    /// <exception cref="InvalidOperationException">The checkpoint does not describe a real entry.</exception>
    public string ToLine(AuditCheckpointKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Sequence < 1 || !AuditChain.IsWellFormedHash(Hash))
            throw new InvalidOperationException("A checkpoint needs an entry number of 1 or more and a 64-digit lowercase hex hash.");
        var text = string.Join(' ', Tag, Sequence.ToString(CultureInfo.InvariantCulture), Hash,
            WrittenAtUtc.ToString(TimeFormat, CultureInfo.InvariantCulture));
        return text + " " + key.Sign(text);
    }

    /// <summary>
    /// Reads every line of a checkpoint file, checking each signature. Blank lines are skipped. The first line
    /// that is not a checkpoint this key signed is reported, and reading goes on: the checkpoints whose
    /// signatures are good are still returned, so the log can be checked against them.
    /// </summary>
    public static AuditCheckpointReading Read(IEnumerable<string> lines, AuditCheckpointKey key)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(key);
        var checkpoints = new List<AuditCheckpoint>();
        string? problem = null;
        var bad = 0;
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.TrimEnd('\r', '\n');
            if (line.Length == 0) continue;
            var lineProblem = ReadLine(line, number, key, out var checkpoint);
            if (checkpoint is not null)
            {
                checkpoints.Add(checkpoint);
                continue;
            }
            bad++;
            problem ??= lineProblem;
        }
        return new AuditCheckpointReading(checkpoints, bad, problem);
    }

    /// <summary>The time as the auditor reads it, e.g. 2026-11-23 21:00 UTC.</summary>
    public string When => WrittenAtUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string? ReadLine(string line, int number, AuditCheckpointKey key, out AuditCheckpoint? checkpoint)
    {
        checkpoint = null;
        var parts = line.Split(' ');
        var notOurs = Format($"Line {number:N0} of the checkpoint file is not a checkpoint Beacon wrote: it was edited, or a write was cut short.");
        if (parts.Length != 5 || parts[0] != Tag) return notOurs;

        var text = line[..line.LastIndexOf(' ')];
        if (!key.Verifies(text, parts[4]))
        {
            var about = long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var claimed)
                && TryParseTime(parts[3], out var claimedAt)
                ? Format($", for entry {claimed:N0} at {claimedAt:yyyy-MM-dd HH:mm} UTC,")
                : "";
            return Format($"Line {number:N0} of the checkpoint file{about} does not carry a valid signature: it was edited or forged, or signed with another key.");
        }

        // Signed by this key, so only a bug (or a leaked key) could make the fields unreadable.
        if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1
            || !AuditChain.IsWellFormedHash(parts[2]) || !TryParseTime(parts[3], out var at))
            return notOurs;
        checkpoint = new AuditCheckpoint(sequence, parts[2], at);
        return null;
    }

    private static bool TryParseTime(string text, out DateTime utc) =>
        DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What <see cref="AuditCheckpoint.Read"/> found in a checkpoint file.</summary>
/// <param name="Checkpoints">The lines whose signatures are good, in file order.</param>
/// <param name="BadLines">How many non-blank lines are not good checkpoints.</param>
/// <param name="Problem">The first bad line, in plain words; null when every line is good.</param>
public sealed record AuditCheckpointReading(IReadOnlyList<AuditCheckpoint> Checkpoints, int BadLines, string? Problem)
{
    public bool AllLinesValid => BadLines == 0;
}
