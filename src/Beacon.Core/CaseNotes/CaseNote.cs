using System.ComponentModel.DataAnnotations;
using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.Timescales;

namespace Beacon.Core.CaseNotes;

/// <summary>What kind of contact or event a practitioner is recording. Numbers are stored.</summary>
public enum CaseNoteKind
{
    [Display(Name = "Visit")] Visit = 1,
    [Display(Name = "Phone call")] PhoneCall = 2,
    [Display(Name = "Meeting")] Meeting = 3,
    [Display(Name = "Significant event")] SignificantEvent = 4,
    [Display(Name = "Case note")] Note = 5,
}

/// <summary>
/// A practitioner's own record of work with a child: a visit (was the child seen, seen alone, and what they said in
/// their own words), a phone call, a meeting, a significant event or a plain note. Notes are never edited or
/// deleted: a mistake is put right by a correction, a new note that names the one it corrects and says why, and
/// both stay on the record.
/// </summary>
public sealed class CaseNote
{
    public const int SummaryMaxLength = 200;
    public const int ChildsWordsMaxLength = 2000;

    private CaseNote() { }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public CaseNoteKind Kind { get; private set; }
    /// <summary>When the visit, call or event happened (not when it was typed).</summary>
    public DateTime OccurredAtUtc { get; private set; }
    public string Summary { get; private set; } = "";
    public string Detail { get; private set; } = "";
    /// <summary>Visits only: whether the child was seen at all.</summary>
    public bool? ChildSeen { get; private set; }
    /// <summary>Visits only, when the child was seen: whether they were seen alone, as statutory visits require.</summary>
    public bool? SeenAlone { get; private set; }
    /// <summary>What the child said, in their own words.</summary>
    public string? ChildsWords { get; private set; }
    public string RecordedByUserId { get; private set; } = "";
    public Guid RecordedByOrganisationId { get; private set; }
    public Agency RecordedByAgency { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    /// <summary>The note this one corrects; the earlier one stays on the record, shown as corrected.</summary>
    public Guid? CorrectsNoteId { get; private set; }
    public string? CorrectionReason { get; private set; }

    /// <summary>Records a note about <paramref name="child"/> by <paramref name="author"/>, whose organisation is involved from now on.</summary>
    public static CaseNote Record(Children.Child child, Actor author, CaseNoteKind kind, DateTime occurredAtUtc, string? summary, string? detail,
        bool? childSeen, bool? seenAlone, string? childsWords, DateTime nowUtc)
    {
        if (!Enum.IsDefined(kind)) throw new DomainRuleViolation("Select what you are recording", nameof(Kind));
        var occurred = Guard.AsUtc(occurredAtUtc, nameof(OccurredAtUtc));
        var now = Guard.AsUtc(nowUtc);
        if (occurred > now) throw new DomainRuleViolation("When it happened cannot be in the future", nameof(OccurredAtUtc));
        var born = child.DateOfBirth;
        if (UkTime.ToUkDate(occurred) < born)
            throw new DomainRuleViolation($"When it happened cannot be before the child was born ({born:d MMMM yyyy})", nameof(OccurredAtUtc));

        if (kind == CaseNoteKind.Visit)
        {
            if (childSeen is null) throw new DomainRuleViolation("Say whether the child was seen", nameof(ChildSeen));
            if (childSeen == true && seenAlone is null) throw new DomainRuleViolation("Say whether the child was seen alone", nameof(SeenAlone));
        }
        else if (childSeen is not null || seenAlone is not null)
        {
            // Only a visit records sight of the child; a call or note that claimed it would count towards visits wrongly.
            childSeen = null;
            seenAlone = null;
        }
        if (childSeen == false) seenAlone = null;

        var note = new CaseNote
        {
            Id = Guid.NewGuid(),
            ChildId = child.Id,
            Kind = kind,
            OccurredAtUtc = occurred,
            Summary = Guard.Text(summary, nameof(Summary), "Enter a short summary", SummaryMaxLength),
            Detail = Guard.Text(detail, nameof(Detail), "Enter what happened"),
            ChildSeen = childSeen,
            SeenAlone = seenAlone,
            ChildsWords = Guard.Optional(childsWords, nameof(ChildsWords), ChildsWordsMaxLength),
            RecordedByUserId = Guard.Required(author.UserId, nameof(RecordedByUserId), "Who recorded it must be known"),
            RecordedByOrganisationId = author.OrganisationId,
            RecordedByAgency = author.Agency,
            RecordedAtUtc = now,
        };
        child.InvolveOrganisationOf(author, now);
        return note;
    }

    /// <summary>
    /// A correction of this note: a new note with the corrected account and the reason. Only the person who wrote
    /// a note corrects it (a colleague disagreeing records their own note); a correction is corrected in turn.
    /// </summary>
    public CaseNote CorrectedBy(Children.Child child, Actor author, string? reason, CaseNoteKind kind, DateTime occurredAtUtc, string? summary, string? detail,
        bool? childSeen, bool? seenAlone, string? childsWords, DateTime nowUtc)
    {
        if (child.Id != ChildId) throw new DomainRuleViolation("A correction must be about the same child", nameof(ChildId));
        if (author.UserId != RecordedByUserId)
            throw new DomainRuleViolation("Only the person who wrote a note can correct it. Record your own note instead.", nameof(CorrectsNoteId));
        var why = Guard.Text(reason, nameof(CorrectionReason), "Say why the note is being corrected", SummaryMaxLength);
        var correction = Record(child, author, kind, occurredAtUtc, summary, detail, childSeen, seenAlone, childsWords, nowUtc);
        correction.CorrectsNoteId = Id;
        correction.CorrectionReason = why;
        return correction;
    }
}
