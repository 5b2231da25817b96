using Beacon.Core.CaseNotes;
using Beacon.Core.Common;
using Beacon.Web.Features.Missing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.CaseNotes;

/// <summary>What a practitioner types to record a note, and optionally one file to keep with it.</summary>
public sealed class CaseNoteInput
{
    public CaseNoteKind? Kind { get; set; }
    public MomentInput When { get; set; } = new();
    public string? Summary { get; set; }
    public string? Detail { get; set; }
    public bool? ChildSeen { get; set; }
    public bool? SeenAlone { get; set; }
    public string? ChildsWords { get; set; }
    public string? CorrectionReason { get; set; }
}

/// <summary>
/// Record a note on a child's record (a visit, a call, a meeting, a significant event), with a file if there is one;
/// or, with <c>?corrects=</c>, a correction of one's own earlier note, which stays on the record marked corrected.
/// </summary>
// Room for a file well over the limit, so it is refused with a message beside the field and the note kept on the
// form, rather than cut off by the server with an error page.
[RequestSizeLimit(5 * Attachment.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 5 * Attachment.MaxBytes)]
public sealed class AddModel(CaseNoteRecords notes, BeaconDbContext db) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [FromQuery(Name = "corrects")] public Guid? Corrects { get; set; }
    [BindProperty] public CaseNoteInput Input { get; set; } = new();
    /// <summary>The file to keep with the note (named Upload: PageModel already has a File method).</summary>
    [BindProperty] public IFormFile? Upload { get; set; }
    public string ChildName { get; private set; } = "";
    public CaseNote? Corrected { get; private set; }

    public static IEnumerable<SelectListItem> KindItems() =>
        Enum.GetValues<CaseNoteKind>().Select(k => new SelectListItem(k.Name(), k.ToString()));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (child, refusal) = await notes.LoadChildAsync(Id, User, CaseNoteOperations.Record, ct);
        if (refusal is not null) return refusal;
        ChildName = child!.FullName;
        if (Corrects is { } id)
        {
            if (await CorrectedAsync(id, ct) is not { } corrected) return NotFound();
            if (corrected.RecordedByUserId != User.ToActor().UserId) return Forbid();
            Input = new CaseNoteInput
            {
                Kind = corrected.Kind, When = MomentInput.From(corrected.OccurredAtUtc), Summary = corrected.Summary, Detail = corrected.Detail,
                ChildSeen = corrected.ChildSeen, SeenAlone = corrected.SeenAlone, ChildsWords = corrected.ChildsWords,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (child, refusal) = await notes.LoadChildAsync(Id, User, CaseNoteOperations.Record, ct);
        if (refusal is not null) return refusal;
        ChildName = child!.FullName;
        if (Corrects is { } id && await CorrectedAsync(id, ct) is null) return NotFound();

        if (Input.Kind is null) ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Kind)}", "Select what you are recording");
        var whenRead = Input.When.TryRead(ModelState, $"{nameof(Input)}.{nameof(Input.When)}", "it happened", notes.Now, out var occurredAt);
        if (!ModelState.IsValid || !whenRead) return Page();

        var actor = User.ToActor();
        try
        {
            var note = Corrected is { } old
                ? old.CorrectedBy(child, actor, Input.CorrectionReason, Input.Kind!.Value, occurredAt, Input.Summary, Input.Detail, Input.ChildSeen, Input.SeenAlone, Input.ChildsWords, notes.Now)
                : CaseNote.Record(child, actor, Input.Kind!.Value, occurredAt, Input.Summary, Input.Detail, Input.ChildSeen, Input.SeenAlone, Input.ChildsWords, notes.Now);
            db.Add(note);
            if (Upload is { Length: > 0 } file)
            {
                if (file.Length > Attachment.MaxBytes) throw new DomainRuleViolation($"The selected file must be smaller than {Attachment.MaxBytes / (1024 * 1024)} MB", nameof(Upload));
                var content = new byte[file.Length];
                await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(content, ct);
                var attachment = Attachment.Accept(child.Id, note.Id, actor, file.FileName, content, notes.Now);
                db.Add(attachment);
                db.Add(AttachmentContent.Of(attachment, content));
            }
            await db.SaveChangesAsync(ct);
            TempData["Saved"] = Corrected is null ? $"{note.Kind.Name()} recorded" : "Correction recorded; the earlier note is kept, marked corrected";
            return Redirect($"/Children/{Id}/Notes");
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(FieldOf(rule.Field), rule.Message);
            return Page();
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            ModelState.AddModelError("", "Someone has corrected this note already. Open the latest version and correct that instead.");
            return Page();
        }
    }

    private async Task<CaseNote?> CorrectedAsync(Guid noteId, CancellationToken ct) =>
        Corrected = await db.Set<CaseNote>().AsNoTracking().SingleOrDefaultAsync(n => n.Id == noteId && n.ChildId == Id, ct);

    private static string FieldOf(string? field) => field switch
    {
        nameof(Upload) or nameof(Attachment.FileName) => nameof(Upload),
        nameof(CaseNote.OccurredAtUtc) => $"{nameof(Input)}.{nameof(Input.When)}.Date",
        nameof(CaseNote.CorrectsNoteId) => "",
        null => "",
        _ => $"{nameof(Input)}.{field}",
    };
}
