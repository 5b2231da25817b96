using Beacon.Core.Audit;
using Beacon.Core.CaseNotes;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.CaseNotes;

/// <summary>One note with its files; and the download of a file, checked against its SHA-256 before it is sent.</summary>
public sealed class NoteModel(CaseNoteRecords notes, BeaconDbContext db, AuditTrail audit, Infrastructure.Web.StoredFileDownload download) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [FromRoute] public Guid NoteId { get; set; }
    public string ChildName { get; private set; } = "";
    public CaseNoteRow? Note { get; private set; }
    public IReadOnlyList<Attachment> Attachments { get; private set; } = [];
    public bool MayCorrect { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (child, refusal) = await notes.LoadChildAsync(Id, User, CaseNoteOperations.View, ct);
        if (refusal is not null) return refusal;
        Note = await notes.Rows(Id, NoteId).SingleOrDefaultAsync(ct);
        if (Note is null) return NotFound();
        ChildName = child!.FullName;
        Attachments = await notes.AttachmentsAsync(Id, NoteId, ct);
        MayCorrect = Note.CorrectedById is null && Note.RecordedByUserId == User.ToActor().UserId
            && await notes.MayAsync(User, child, CaseNoteOperations.Record);
        await audit.RecordAsync(AuditAction.Viewed, nameof(CaseNote), NoteId.ToString(), Id, "Viewed a case note", ct);
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(Guid attachmentId, CancellationToken ct)
    {
        var (child, refusal) = await notes.LoadChildAsync(Id, User, CaseNoteOperations.View, ct);
        if (refusal is not null) return refusal;
        var attachment = await db.Set<Attachment>().AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == attachmentId && a.ChildId == Id && a.CaseNoteId == NoteId, ct);
        if (attachment is null) return NotFound();
        var content = await db.Set<AttachmentContent>().AsNoTracking().Where(c => c.AttachmentId == attachmentId).Select(c => c.Content).SingleAsync(ct);
        return await download.SendAsync(attachment, content, child!.Id, attachment.FileName, ct);
    }
}
