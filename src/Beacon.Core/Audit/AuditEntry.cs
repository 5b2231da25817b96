using System.Text;

namespace Beacon.Core.Audit;

/// <summary>
/// One line of the append-only audit trail: who did what to which record, and when. Each entry carries
/// the SHA-256 of the entry before it, so editing, inserting or deleting an entry breaks the chain
/// (see <see cref="AuditChain.Verify"/>). Entries are never edited, so there is no version token.
/// </summary>
/// <remarks>
/// The store must keep <see cref="Sequence"/> unique: a unique index turns two racing appends onto the
/// same head into one failure and a retry, instead of a fork in the chain.
/// </remarks>
public sealed class AuditEntry
{
    /// <summary>Length of <see cref="Hash"/> and <see cref="PreviousHash"/> (lowercase hex SHA-256).</summary>
    public const int HashLength = 64;

    /// <summary>Position in the trail: 1 for the first entry, then one more for each entry.</summary>
    public long Sequence { get; private set; }

    /// <summary>UTC time, whole microseconds (what PostgreSQL keeps).</summary>
    public DateTime OccurredAtUtc { get; private set; }

    public string ActorUserId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string? ActorAgency { get; private set; }
    public AuditAction Action { get; private set; }
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public Guid? ChildId { get; private set; }
    public string? Summary { get; private set; }

    /// <summary>Before/after values as written by <see cref="AuditChanges.ToJson"/>.</summary>
    public string? ChangesJson { get; private set; }

    /// <summary><see cref="Hash"/> of the entry before, or <see cref="AuditChain.GenesisHash"/> for the first.</summary>
    public string PreviousHash { get; private set; } = "";

    /// <summary>Lowercase hex SHA-256 of this entry's fields and <see cref="PreviousHash"/>.</summary>
    public string Hash { get; private set; } = "";

    private AuditEntry() { }

    /// <summary>
    /// The entry that follows <paramref name="previous"/> (the current head of the trail, or null when the
    /// trail is empty).
    /// </summary>
    /// <param name="nowUtc">The time of the event. Local times are converted; unspecified ones are taken as UTC.</param>
    /// <exception cref="ArgumentException">The draft is missing who acted or what was touched.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="previous"/> has no usable hash.</exception>
    public static AuditEntry Append(AuditEntry? previous, AuditDraft draft, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(draft);
        RequireText(draft.ActorUserId, nameof(draft.ActorUserId));
        RequireText(draft.ActorName, nameof(draft.ActorName));
        RequireText(draft.EntityType, nameof(draft.EntityType));
        RequireText(draft.EntityId, nameof(draft.EntityId));
        if (!Enum.IsDefined(draft.Action))
            throw new ArgumentOutOfRangeException(nameof(draft), draft.Action, "Unknown audit action.");
        if (draft.ChildId == Guid.Empty)
            throw new ArgumentException("ChildId must be a real child's id or null.", nameof(draft));

        // No check that previous's own hash is right: refusing to append would let one tampered row stop
        // all auditing. Detecting tampering is Verify's job.
        if (previous is not null && !AuditChain.IsWellFormedHash(previous.Hash))
            throw new InvalidOperationException($"Audit entry {previous.Sequence} has no valid hash to chain from.");

        var entry = new AuditEntry
        {
            Sequence = previous is null ? 1 : checked(previous.Sequence + 1),
            OccurredAtUtc = AuditChain.NormalizeTime(nowUtc.Kind == DateTimeKind.Local ? nowUtc.ToUniversalTime() : nowUtc),
            ActorUserId = Clean(draft.ActorUserId),
            ActorName = Clean(draft.ActorName),
            ActorAgency = CleanOrNull(draft.ActorAgency),
            Action = draft.Action,
            EntityType = Clean(draft.EntityType),
            EntityId = Clean(draft.EntityId),
            ChildId = draft.ChildId,
            Summary = CleanOrNull(draft.Summary),
            ChangesJson = CleanOrNull(draft.ChangesJson),
            PreviousHash = previous?.Hash ?? AuditChain.GenesisHash,
        };
        entry.Hash = AuditChain.ComputeHash(entry);
        return entry;
    }

    /// <summary>Whether this entry's contents still match its own <see cref="Hash"/> (ignores its neighbours).</summary>
    public bool HasValidHash() => string.Equals(AuditChain.ComputeHash(this), Hash, StringComparison.Ordinal);

    private static void RequireText(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"An audit entry needs {name}.", nameof(AuditDraft));
    }

    private static string? CleanOrNull(string? value) => value is null ? null : Clean(value);

    // PostgreSQL text cannot hold NUL, and lone surrogates do not survive UTF-8 storage; either would make the
    // write fail or the stored text differ from what was hashed, so both become U+FFFD before hashing.
    private static string Clean(string value)
    {
        var needsCleaning = false;
        for (var i = 0; i < value.Length && !needsCleaning; i++)
        {
            var c = value[i];
            if (c == '\0') needsCleaning = true;
            else if (char.IsHighSurrogate(c)) { if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++; else needsCleaning = true; }
            else if (char.IsLowSurrogate(c)) needsCleaning = true;
        }
        if (!needsCleaning) return value;

        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append(c).Append(value[++i]);
            }
            else if (c == '\0' || char.IsSurrogate(c))
            {
                sb.Append('\uFFFD');
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
