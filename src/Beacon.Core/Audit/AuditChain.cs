using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Beacon.Core.Audit;

/// <summary>Hashing and verification of the audit trail's hash chain.</summary>
public static partial class AuditChain
{
    /// <summary>The <see cref="AuditEntry.PreviousHash"/> of entry 1.</summary>
    public static readonly string GenesisHash = new('0', AuditEntry.HashLength);

    private static readonly byte[] FormatTag = "beacon.audit.v1"u8.ToArray();

    /// <summary>The hash <paramref name="entry"/> should carry, computed from its current contents.</summary>
    public static string ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ComputeHash(entry, entry.Sequence);
    }

    /// <summary>
    /// Lowercase hex SHA-256 over a canonical encoding of the fields, so anyone can recompute it outside Beacon:
    /// the tag <c>beacon.audit.v1</c>, then sequence, time, actor user id, actor name, actor agency, action,
    /// entity type, entity id, child id, summary, changes and previous hash, in that order. Each is written as
    /// byte 0 when null, otherwise byte 1, its UTF-8 byte length as a 4-byte big-endian integer, then the
    /// UTF-8 bytes. Numbers are invariant decimal (the action as its number), the time is
    /// <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>, the child id is lowercase with hyphens.
    /// </summary>
    /// <remarks>
    /// The time's Kind is ignored (entries are created in UTC; SQLite reads them back as Unspecified) and it is
    /// truncated to whole microseconds, as PostgreSQL stores it.
    /// </remarks>
    public static string ComputeHash(
        long sequence,
        DateTime occurredAtUtc,
        string actorUserId,
        string actorName,
        string? actorAgency,
        AuditAction action,
        string entityType,
        string entityId,
        Guid? childId,
        string? summary,
        string? changesJson,
        string previousHash)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendField(sha, FormatTag);
        AppendField(sha, sequence.ToString(CultureInfo.InvariantCulture));
        AppendField(sha, NormalizeTime(occurredAtUtc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        AppendField(sha, actorUserId);
        AppendField(sha, actorName);
        AppendField(sha, actorAgency);
        AppendField(sha, ((int)action).ToString(CultureInfo.InvariantCulture));
        AppendField(sha, entityType);
        AppendField(sha, entityId);
        AppendField(sha, childId?.ToString("D"));
        AppendField(sha, summary);
        AppendField(sha, changesJson);
        AppendField(sha, previousHash);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    // The sequence can be overridden to test whether an entry was renumbered after it was written.
    private static string ComputeHash(AuditEntry e, long sequence) => ComputeHash(
        sequence, e.OccurredAtUtc, e.ActorUserId, e.ActorName, e.ActorAgency, e.Action,
        e.EntityType, e.EntityId, e.ChildId, e.Summary, e.ChangesJson, e.PreviousHash);

    /// <summary>Whether <paramref name="hash"/> looks like a hash this chain writes (64 lowercase hex digits).</summary>
    public static bool IsWellFormedHash(string? hash)
    {
        if (hash is null || hash.Length != AuditEntry.HashLength) return false;
        foreach (var c in hash)
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c)) return false;
        return true;
    }

    /// <summary>Kind-independent UTC ticks truncated to whole microseconds.</summary>
    internal static DateTime NormalizeTime(DateTime value) =>
        new(value.Ticks - value.Ticks % 10, DateTimeKind.Utc);

    private static void AppendField(IncrementalHash sha, string? value)
    {
        if (value is null)
        {
            sha.AppendData([0]);
            return;
        }
        var length = Encoding.UTF8.GetByteCount(value);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(value, buffer);
            AppendField(sha, buffer.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void AppendField(IncrementalHash sha, ReadOnlySpan<byte> bytes)
    {
        Span<byte> header = stackalloc byte[5];
        header[0] = 1;
        BinaryPrimitives.WriteInt32BigEndian(header[1..], bytes.Length);
        sha.AppendData(header);
        sha.AppendData(bytes);
    }
}
