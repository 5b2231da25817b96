using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.CaseNotes;

/// <summary>A child's case notes, newest first, in pages: visits, calls, meetings and events as the practitioners recorded them.</summary>
public sealed class IndexModel(CaseNoteRecords notes, AuditTrail audit) : PageModel
{
    public const int PageSize = 20;

    [FromRoute] public Guid Id { get; set; }
    [FromQuery(Name = Pagination.DefaultParameter)] public int PageNumber { get; set; } = 1;
    public string ChildName { get; private set; } = "";
    public bool MayRecord { get; private set; }
    public Paged<CaseNoteRow> Notes { get; private set; } = new([], 1, 1, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (child, refusal) = await notes.LoadChildAsync(Id, User, CaseNoteOperations.View, ct);
        if (refusal is not null) return refusal;
        ChildName = child!.FullName;
        MayRecord = await notes.MayAsync(User, child, CaseNoteOperations.Record);
        Notes = await Paged<CaseNoteRow>.ReadAsync(notes.Rows(Id), PageNumber, PageSize, ct);
        await audit.RecordViewAsync(child, "case notes", ct);
        return Page();
    }
}
