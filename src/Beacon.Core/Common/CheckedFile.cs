using System.Security.Cryptography;
using Beacon.Core.CaseNotes;

namespace Beacon.Core.Common;

/// <summary>
/// A file as Beacon accepts it, wherever it is kept (a child's record, a report): a name that ends as what the file
/// is, a type read from its content (never its name), a size limit, and the SHA-256 checked on every download.
/// </summary>
public sealed record CheckedFile(string FileName, AttachmentType Type, long SizeBytes, string Sha256)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int FileNameMaxLength = 200;

    /// <summary>Refuses, with a message for the field <paramref name="field"/>, a file that is empty, too large or not one of <paramref name="accepted"/>.</summary>
    public static CheckedFile Check(string? fileName, ReadOnlySpan<byte> content, IReadOnlyList<AttachmentType> accepted, string field)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        if (name.Length == 0) throw new DomainRuleViolation("Choose a file", field);
        if (name.Length > FileNameMaxLength) throw new DomainRuleViolation($"The file's name must be {FileNameMaxLength} characters or fewer", field);
        if (content.IsEmpty) throw new DomainRuleViolation("The selected file is empty", field);
        if (content.Length > MaxBytes) throw new DomainRuleViolation($"The selected file must be smaller than {MaxBytes / (1024 * 1024)} MB", field);
        var type = AttachmentType.Of(content, name) is { } found && accepted.Contains(found) ? found
            : throw new DomainRuleViolation($"The selected file must be a {string.Join(", ", accepted.Select(t => t.Name))}", field);
        // The name ends as what the file is, so a PDF called report.html is saved and opened as a PDF.
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!(extension == type.Extension || (type == AttachmentType.Jpeg && extension == ".jpeg")))
            name = Path.GetFileNameWithoutExtension(name) is { Length: > 0 } stem ? stem + type.Extension : "file" + type.Extension;
        return new CheckedFile(name, type, content.Length, HashOf(content));
    }

    public static string HashOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Whether stored content is still what was uploaded.</summary>
    public static bool IsIntact(ReadOnlySpan<byte> content, long sizeBytes, string sha256) => content.Length == sizeBytes && HashOf(content) == sha256;
}
