using System.Security.Cryptography;
using System.Text;

namespace Beacon.Core.Audit;

/// <summary>
/// The secret that signs audit checkpoints (HMAC-SHA256). It must be kept away from the database: whoever holds
/// it can write checkpoints that vouch for a rewritten log.
/// </summary>
public sealed class AuditCheckpointKey
{
    /// <summary>The shortest key accepted, in bytes (128 bits).</summary>
    public const int MinimumBytes = 16;

    private readonly byte[] _bytes;

    private AuditCheckpointKey(byte[] bytes) => _bytes = bytes;

    /// <summary>
    /// The key as configured: base64 that decodes to at least <see cref="MinimumBytes"/> bytes is used as those
    /// bytes (for example the output of <c>openssl rand -base64 32</c>); any other text is used as its UTF-8
    /// bytes and must be at least <see cref="MinimumBytes"/> bytes long. Surrounding spaces are ignored.
    /// </summary>
    /// <param name="configured">The configured value; null or blank means no key.</param>
    /// <param name="key">The key, when the value is usable.</param>
    /// <param name="problem">Why the value is not usable, in plain words; null when it is, or when there is no key at all.</param>
    /// <returns>True when a usable key was configured.</returns>
    public static bool TryParse(string? configured, out AuditCheckpointKey? key, out string? problem)
    {
        key = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(configured)) return false;
        var text = configured.Trim();

        var buffer = new byte[text.Length];
        if (Convert.TryFromBase64String(text, buffer, out var decoded) && decoded >= MinimumBytes)
        {
            key = new AuditCheckpointKey(buffer[..decoded]);
            return true;
        }
        var utf8 = Encoding.UTF8.GetBytes(text);
        if (utf8.Length < MinimumBytes)
        {
            problem = $"The audit checkpoint key is too short: it must be at least {MinimumBytes} characters (or base64 of at least {MinimumBytes} bytes).";
            return false;
        }
        key = new AuditCheckpointKey(utf8);
        return true;
    }

    /// <summary>A key from raw bytes (tests, and keys held outside configuration).</summary>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinimumBytes"/> bytes.</exception>
    public static AuditCheckpointKey FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < MinimumBytes)
            throw new ArgumentException($"An audit checkpoint key must be at least {MinimumBytes} bytes.", nameof(bytes));
        return new AuditCheckpointKey(bytes.ToArray());
    }

    /// <summary>Lowercase hex HMAC-SHA256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    internal string Sign(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_bytes, Encoding.UTF8.GetBytes(text)));

    /// <summary>Whether <paramref name="signature"/> is this key's signature of <paramref name="text"/> (constant time).</summary>
    internal bool Verifies(string text, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(text));
        var actual = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
