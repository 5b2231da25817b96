using Beacon.Core.Access;
using Beacon.Core.Common;

namespace Beacon.Core.CaseNotes;

/// <summary>The kinds of file a record may hold, each recognised by its first bytes rather than by its name.</summary>
public sealed record AttachmentType(string Name, string ContentType, string Extension)
{
    public static readonly AttachmentType Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly AttachmentType Png = new("PNG image", "image/png", ".png");
    public static readonly AttachmentType Jpeg = new("JPEG image", "image/jpeg", ".jpg");
    public static readonly AttachmentType WordDocument = new("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly AttachmentType PlainText = new("Text file", "text/plain", ".txt");

    public static readonly IReadOnlyList<AttachmentType> Accepted = [Pdf, Png, Jpeg, WordDocument, PlainText];
    /// <summary>Documents only: reports are read, not looked at.</summary>
    public static readonly IReadOnlyList<AttachmentType> Documents = [Pdf, WordDocument, PlainText];

    /// <summary>
    /// What the file is, from its content: a renamed program or web page is refused whatever its name says. A PDF
    /// starts with its header and ends with its trailer; a Word document is a zip, named .docx, holding a Word body;
    /// plain text is valid UTF-8 with no control characters besides layout.
    /// </summary>
    public static AttachmentType? Of(ReadOnlySpan<byte> content, string fileName)
    {
        if (content.StartsWith("%PDF-"u8)) return content[Math.Max(0, content.Length - 1024)..].IndexOf("%%EOF"u8) >= 0 ? Pdf : null;
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (content.StartsWith("PK\u0003\u0004"u8) && extension == ".docx") return IsWordDocument(content) ? WordDocument : null;
        if (extension == ".txt" && IsPlainText(content)) return PlainText;
        return null;
    }

    private static bool IsWordDocument(ReadOnlySpan<byte> content)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content.ToArray()), System.IO.Compression.ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool IsPlainText(ReadOnlySpan<byte> content)
    {
        if (!System.Text.Unicode.Utf8.IsValid(content)) return false;
        foreach (var b in content)
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D)) return false;
        return true;
    }
}

/// <summary>
/// A file kept on a child's record (a letter, a photograph of a message, a report), usually with the note that
/// explains it. Its SHA-256 is taken on upload and checked on every download, so a file changed in storage is
/// never served as if it were the original. Never overwritten or deleted: a new version is a new attachment.
/// </summary>
public sealed class Attachment : IStoredFile
{
    public const long MaxBytes = CheckedFile.MaxBytes;
    public const int FileNameMaxLength = CheckedFile.FileNameMaxLength;

    private Attachment() { }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid? CaseNoteId { get; private set; }
    /// <summary>The name it was uploaded with, stripped of any folder path.</summary>
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    /// <summary>Lower-case hex SHA-256 of the content as uploaded.</summary>
    public string Sha256 { get; private set; } = "";
    public string UploadedByUserId { get; private set; } = "";
    public DateTime UploadedAtUtc { get; private set; }

    /// <summary>Checks a file and describes it; the caller stores <paramref name="content"/> alongside under the same id.</summary>
    public static Attachment Accept(Guid childId, Guid? caseNoteId, Actor uploader, string? fileName, ReadOnlySpan<byte> content, DateTime nowUtc)
    {
        var file = CheckedFile.Check(fileName, content, AttachmentType.Accepted, nameof(FileName));
        return new Attachment
        {
            Id = Guid.NewGuid(),
            ChildId = childId,
            CaseNoteId = caseNoteId,
            FileName = file.FileName,
            ContentType = file.Type.ContentType,
            SizeBytes = file.SizeBytes,
            Sha256 = file.Sha256,
            UploadedByUserId = Guard.Required(uploader.UserId, nameof(UploadedByUserId), "Who uploaded it must be known"),
            UploadedAtUtc = Guard.AsUtc(nowUtc),
        };
    }

    public static string HashOf(ReadOnlySpan<byte> content) => CheckedFile.HashOf(content);

    /// <summary>Whether stored content is still what was uploaded.</summary>
    public bool IsIntact(ReadOnlySpan<byte> content) => CheckedFile.IsIntact(content, SizeBytes, Sha256);
}

/// <summary>The bytes of an attachment, in their own table so lists of attachments never read them.</summary>
public sealed class AttachmentContent
{
    private AttachmentContent() { }

    public Guid AttachmentId { get; private set; }
    public byte[] Content { get; private set; } = [];

    public static AttachmentContent Of(Attachment attachment, byte[] content) => new() { AttachmentId = attachment.Id, Content = content };
}
