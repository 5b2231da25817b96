using System.ComponentModel.DataAnnotations;
using Beacon.Core.CaseNotes;
using Beacon.Core.Common;

namespace Beacon.Core.Reports;

/// <summary>What kind of report or review it is. Numbers are stored.</summary>
public enum ReportKind
{
    [Display(Name = "Research")] Research = 1,
    [Display(Name = "Inspection")] Inspection = 2,
    [Display(Name = "Case review")] CaseReview = 3,
    [Display(Name = "Independent inquiry")] IndependentInquiry = 4,
    [Display(Name = "Police problem profile")] PoliceProblemProfile = 5,
    [Display(Name = "Audit")] Audit = 6,
    [Display(Name = "Other")] Other = 9,
}

/// <summary>
/// A report or review held by the safeguarding board: research, an inspection, a case review, an inquiry, a police
/// problem profile. It is never deleted and never hidden: a challenge ("the data are disputed") is recorded with its
/// reason beside the report, and the report, its documents and who received it stay in view. That is what a
/// suppressed 2002 report lacked.
/// </summary>
public sealed class Report : IVersioned
{
    public const int TitleMaxLength = 300;
    public const int NameMaxLength = 300;

    private Report() { }

    public Guid Id { get; private set; }
    public int Version { get; set; }
    /// <summary>The board that holds the report; its areas decide who may read it.</summary>
    public Guid BoardOrganisationId { get; private set; }
    public string Title { get; private set; } = "";
    public ReportKind Kind { get; private set; }
    public string Authors { get; private set; } = "";
    public DateOnly PublishedOn { get; private set; }
    public string CommissionedBy { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string RecordedByUserId { get; private set; } = "";
    public DateTime RecordedAtUtc { get; private set; }

    public string? ChallengeReason { get; private set; }
    public string? ChallengedByUserId { get; private set; }
    public DateTime? ChallengedAtUtc { get; private set; }
    public bool IsChallenged => ChallengedAtUtc is not null;

    public static Report Record(Guid boardOrganisationId, string? title, ReportKind? kind, string? authors, DateOnly? publishedOn, string? commissionedBy,
        string? summary, string byUserId, DateTime nowUtc)
    {
        var now = Guard.AsUtc(nowUtc);
        if (publishedOn is not { } published) throw new DomainRuleViolation("Enter the date of the report", nameof(PublishedOn));
        if (published > Timescales.UkTime.ToUkDate(now)) throw new DomainRuleViolation("The date of the report cannot be in the future", nameof(PublishedOn));
        if (kind is not { } k || !Enum.IsDefined(k)) throw new DomainRuleViolation("Choose what kind of report it is", nameof(Kind));
        return new Report
        {
            Id = Guid.NewGuid(),
            BoardOrganisationId = boardOrganisationId == Guid.Empty ? throw new DomainRuleViolation("The board holding the report must be known.") : boardOrganisationId,
            Title = Guard.Text(title, nameof(Title), "Enter the report's title", TitleMaxLength),
            Kind = k,
            Authors = Guard.Text(authors, nameof(Authors), "Enter who wrote it", NameMaxLength),
            PublishedOn = published,
            CommissionedBy = Guard.Text(commissionedBy, nameof(CommissionedBy), "Enter who commissioned it", NameMaxLength),
            Summary = Guard.Text(summary, nameof(Summary), "Summarise what it found"),
            RecordedByUserId = Guard.Required(byUserId, nameof(RecordedByUserId), "Who recorded it must be known"),
            RecordedAtUtc = now,
        };
    }

    /// <summary>Records that the report is disputed and why. The report stays as it is, in view of everyone who could read it.</summary>
    public void Challenge(string? reason, string byUserId, DateTime nowUtc)
    {
        if (IsChallenged) throw new DomainRuleViolation("This report has already been challenged; the challenge stays on the record.");
        ChallengeReason = Guard.Text(reason, nameof(ChallengeReason), "Say why the report is challenged: what is disputed, and by whom");
        ChallengedByUserId = Guard.Required(byUserId, nameof(ChallengedByUserId), "Who challenged it must be recorded");
        ChallengedAtUtc = Guard.AsUtc(nowUtc);
    }
}

/// <summary>
/// One version of a report's document, kept with its SHA-256 (checked on every download). A new version is a new
/// row with the next number; no version overwrites or replaces another.
/// </summary>
public sealed class ReportDocument : IStoredFile
{
    private ReportDocument() { }

    public Guid Id { get; private set; }
    public Guid ReportId { get; private set; }
    public int VersionNumber { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string UploadedByUserId { get; private set; } = "";
    public DateTime UploadedAtUtc { get; private set; }

    /// <summary>Checks the file (a document: PDF, Word or text, within the size limit) as version <paramref name="versionNumber"/>.</summary>
    public static ReportDocument Accept(Report report, int versionNumber, string? fileName, ReadOnlySpan<byte> content, string byUserId, DateTime nowUtc)
    {
        var file = CheckedFile.Check(fileName, content, AttachmentType.Documents, nameof(FileName));
        return new ReportDocument
        {
            Id = Guid.NewGuid(),
            ReportId = report.Id,
            VersionNumber = versionNumber < 1 ? throw new DomainRuleViolation("Versions are numbered from 1.") : versionNumber,
            FileName = file.FileName,
            ContentType = file.Type.ContentType,
            SizeBytes = file.SizeBytes,
            Sha256 = file.Sha256,
            UploadedByUserId = Guard.Required(byUserId, nameof(UploadedByUserId), "Who uploaded it must be known"),
            UploadedAtUtc = Guard.AsUtc(nowUtc),
        };
    }

    public bool IsIntact(ReadOnlySpan<byte> content) => CheckedFile.IsIntact(content, SizeBytes, Sha256);
}

/// <summary>The bytes of a report's document, in their own table so lists never read them.</summary>
public sealed class ReportDocumentContent
{
    private ReportDocumentContent() { }
    public Guid DocumentId { get; private set; }
    public byte[] Content { get; private set; } = [];
    public static ReportDocumentContent Of(ReportDocument document, byte[] content) => new() { DocumentId = document.Id, Content = content };
}

/// <summary>
/// A person a report was sent to, and when they opened it and acknowledged reading it (with an optional comment).
/// Permanent: nobody can later say they did not know.
/// </summary>
public sealed class ReportRecipient : IVersioned
{
    public const int CommentMaxLength = TextLimits.FreeText;
    /// <summary>After this many days without acknowledgement, the report is overdue with them and escalates to the board.</summary>
    public const int AcknowledgeWithinDays = 14;

    private ReportRecipient() { }

    public Guid Id { get; private set; }
    public int Version { get; set; }
    public Guid ReportId { get; private set; }
    public string UserId { get; private set; } = "";
    public string SentByUserId { get; private set; } = "";
    public DateTime SentAtUtc { get; private set; }
    public DateTime? FirstOpenedAtUtc { get; private set; }
    public DateTime? AcknowledgedAtUtc { get; private set; }
    public string? Comment { get; private set; }

    public static ReportRecipient Send(Report report, string? userId, string byUserId, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        ReportId = report.Id,
        UserId = Guard.Required(userId, nameof(UserId), "Choose who the report goes to"),
        SentByUserId = Guard.Required(byUserId, nameof(SentByUserId), "Who sent it must be recorded"),
        SentAtUtc = Guard.AsUtc(nowUtc),
    };

    public DateTime DueAtUtc => SentAtUtc.AddDays(AcknowledgeWithinDays);
    public bool IsOverdue(DateTime nowUtc) => AcknowledgedAtUtc is null && Guard.AsUtc(nowUtc) > DueAtUtc;

    /// <summary>The first time they open it is kept; later openings do not move it.</summary>
    public void Opened(DateTime nowUtc) => FirstOpenedAtUtc ??= Guard.AsUtc(nowUtc);

    public void Acknowledge(string byUserId, string? comment, DateTime nowUtc)
    {
        if (byUserId != UserId) throw new DomainRuleViolation("Only the person the report was sent to can acknowledge it.");
        if (AcknowledgedAtUtc is not null) throw new DomainRuleViolation("You have already acknowledged this report.");
        Comment = Guard.Optional(comment, nameof(Comment), CommentMaxLength);
        Opened(nowUtc);
        AcknowledgedAtUtc = Guard.AsUtc(nowUtc);
    }
}
