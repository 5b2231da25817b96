using System.ComponentModel.DataAnnotations;
using Beacon.Core.Common;
using Beacon.Core.Timescales;

namespace Beacon.Core.Reports;

/// <summary>Where a recommendation has got to. Numbers are stored.</summary>
public enum RecommendationStatus
{
    [Display(Name = "Not started")] NotStarted = 1,
    [Display(Name = "In progress")] InProgress = 2,
    /// <summary>The owner says it is done, with evidence; the board has yet to accept it.</summary>
    [Display(Name = "Complete")] Complete = 3,
    /// <summary>The board has accepted the evidence.</summary>
    [Display(Name = "Evidenced")] Evidenced = 4,
}

/// <summary>Red, amber or green, worked out from the dates and the status, never typed in.</summary>
public enum Rag
{
    [Display(Name = "Green")] Green = 1,
    [Display(Name = "Amber")] Amber = 2,
    [Display(Name = "Red")] Red = 3,
}

/// <summary>
/// One recommendation of a report, tracked to evidence of completion: an owner at an organisation, a target date,
/// a status that moves to "complete" only with evidence and to "evidenced" only when a board member other than the
/// owner accepts it. Nothing is deleted; the board sees every one that is late.
/// </summary>
public sealed class Recommendation : IVersioned
{
    public const int TextMaxLength = TextLimits.FreeText;
    /// <summary>A recommendation due within this many days and not yet complete is amber.</summary>
    public const int AmberWithinDays = 30;

    private Recommendation() { }

    public Guid Id { get; private set; }
    public int Version { get; set; }
    public Guid ReportId { get; private set; }
    public int Number { get; private set; }
    public string Text { get; private set; } = "";
    public string OwnerUserId { get; private set; } = "";
    public Guid OwnerOrganisationId { get; private set; }
    public DateOnly TargetOn { get; private set; }
    public RecommendationStatus Status { get; private set; }
    public string? Evidence { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public string? CompletedByUserId { get; private set; }
    public string? AcceptedByUserId { get; private set; }
    public DateTime? AcceptedAtUtc { get; private set; }
    public string AddedByUserId { get; private set; } = "";
    public DateTime AddedAtUtc { get; private set; }
    /// <summary>Why the board last sent the evidence back, and when; cleared when it is next accepted.</summary>
    public string? ReturnedReason { get; private set; }
    public DateTime? ReturnedAtUtc { get; private set; }

    public static Recommendation Add(Report report, int number, string? text, string? ownerUserId, Guid ownerOrganisationId, DateOnly? targetOn,
        string byUserId, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        ReportId = report.Id,
        Number = number < 1 ? throw new DomainRuleViolation("Recommendations are numbered from 1.", nameof(Number)) : number,
        Text = Guard.Text(text, nameof(Text), "Enter the recommendation", TextMaxLength),
        OwnerUserId = string.IsNullOrWhiteSpace(ownerUserId) || ownerOrganisationId == Guid.Empty
            ? throw new DomainRuleViolation("Choose who owns it", nameof(OwnerUserId)) : ownerUserId.Trim(),
        OwnerOrganisationId = ownerOrganisationId,
        TargetOn = targetOn ?? throw new DomainRuleViolation("Enter the target date", nameof(TargetOn)),
        Status = RecommendationStatus.NotStarted,
        AddedByUserId = Guard.Required(byUserId, nameof(AddedByUserId), "Who added it must be recorded"),
        AddedAtUtc = Guard.AsUtc(nowUtc),
    };

    /// <summary>Work has begun.</summary>
    public void Start(string byUserId)
    {
        RequireOwner(byUserId);
        if (Status != RecommendationStatus.NotStarted) throw new DomainRuleViolation($"It is already {Status.Name().ToLowerInvariant()}.");
        Status = RecommendationStatus.InProgress;
    }

    /// <summary>Done, with what shows it: a policy adopted, an audit's findings, a link to the records. "Done" alone is not enough.</summary>
    public void Complete(string? evidence, DateOnly? completedOn, string byUserId, DateTime nowUtc)
    {
        RequireOwner(byUserId);
        if (Status is RecommendationStatus.Complete or RecommendationStatus.Evidenced) throw new DomainRuleViolation("It is already complete.");
        var on = completedOn ?? throw new DomainRuleViolation("Enter the date it was completed", nameof(CompletedOn));
        if (on > UkTime.ToUkDate(Guard.AsUtc(nowUtc))) throw new DomainRuleViolation("The date it was completed cannot be in the future", nameof(CompletedOn));
        Evidence = Guard.Text(evidence, nameof(Evidence), "Give the evidence that it is done: what changed, and where it can be seen");
        CompletedOn = on;
        CompletedByUserId = byUserId;
        Status = RecommendationStatus.Complete;
    }

    /// <summary>A board member who is not the owner accepts the evidence.</summary>
    public void AcceptEvidence(string boardMemberUserId, DateTime nowUtc)
    {
        if (Status != RecommendationStatus.Complete) throw new DomainRuleViolation("Only a recommendation marked complete, with its evidence, can be accepted.");
        if (boardMemberUserId == OwnerUserId || boardMemberUserId == CompletedByUserId)
            throw new DomainRuleViolation("The board accepts the evidence: someone other than its owner.");
        AcceptedByUserId = boardMemberUserId;
        AcceptedAtUtc = Guard.AsUtc(nowUtc);
        ReturnedReason = null;
        Status = RecommendationStatus.Evidenced;
    }

    /// <summary>The board sends complete back to in progress, saying why, when the evidence does not show it is done.</summary>
    public void ReturnEvidence(string boardMemberUserId, string? reason, DateTime nowUtc)
    {
        if (Status != RecommendationStatus.Complete) throw new DomainRuleViolation("Only a recommendation marked complete can be returned.");
        if (boardMemberUserId == OwnerUserId) throw new DomainRuleViolation("The board returns the evidence: someone other than its owner.");
        ReturnedReason = Guard.Text(reason, nameof(ReturnedReason), "Say what the evidence does not show, so the owner knows what to do", TextMaxLength);
        ReturnedAtUtc = Guard.AsUtc(nowUtc);
        Status = RecommendationStatus.InProgress;
    }

    public bool IsOverdue(DateOnly today) => Status is RecommendationStatus.NotStarted or RecommendationStatus.InProgress && TargetOn < today;

    /// <summary>
    /// Green once complete or evidenced (complete after its date stays amber until the board accepts it); red when its
    /// date has passed; amber when due within <see cref="AmberWithinDays"/> days, or not started with under twice that left.
    /// </summary>
    public Rag RagOn(DateOnly today) => Status switch
    {
        RecommendationStatus.Evidenced => Rag.Green,
        RecommendationStatus.Complete => CompletedOn <= TargetOn ? Rag.Green : Rag.Amber,
        _ when TargetOn < today => Rag.Red,
        RecommendationStatus.NotStarted when TargetOn <= today.AddDays(2 * AmberWithinDays) => Rag.Amber,
        _ when TargetOn <= today.AddDays(AmberWithinDays) => Rag.Amber,
        _ => Rag.Green,
    };

    private void RequireOwner(string byUserId)
    {
        if (byUserId != OwnerUserId) throw new DomainRuleViolation("Only the recommendation's owner can change its progress.");
    }
}

/// <summary>
/// A document that shows a recommendation is done (a policy, an audit's findings), kept with its SHA-256 like every
/// file in Beacon. Added by the owner with the evidence; never changed or deleted.
/// </summary>
public sealed class EvidenceDocument : IStoredFile
{
    private EvidenceDocument() { }

    public Guid Id { get; private set; }
    public Guid RecommendationId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string UploadedByUserId { get; private set; } = "";
    public DateTime UploadedAtUtc { get; private set; }

    public static EvidenceDocument Accept(Recommendation recommendation, string? fileName, ReadOnlySpan<byte> content, string byUserId, DateTime nowUtc)
    {
        var file = CheckedFile.Check(fileName, content, CaseNotes.AttachmentType.Documents, nameof(FileName));
        return new EvidenceDocument
        {
            Id = Guid.NewGuid(),
            RecommendationId = recommendation.Id,
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

/// <summary>The bytes of an evidence document, in their own table.</summary>
public sealed class EvidenceDocumentContent
{
    private EvidenceDocumentContent() { }
    public Guid DocumentId { get; private set; }
    public byte[] Content { get; private set; } = [];
    public static EvidenceDocumentContent Of(EvidenceDocument document, byte[] content) => new() { DocumentId = document.Id, Content = content };
}
