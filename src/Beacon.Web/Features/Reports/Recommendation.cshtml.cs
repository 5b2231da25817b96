using Beacon.Core.Common;
using Beacon.Core.Reports;
using Beacon.Web.Features.Cases;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Beacon.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Reports;

/// <summary>
/// One recommendation: its owner records progress (started; complete, with evidence) and a board member who is not the
/// owner accepts the evidence or sends it back. Every change is audited.
/// </summary>
[Authorize]
[RequestSizeLimit(5 * CheckedFile.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 5 * CheckedFile.MaxBytes)]
public sealed class RecommendationModel(ReportRegister register, BeaconDbContext db, Infrastructure.Web.StoredFileDownload download) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Evidence { get; set; }
    [BindProperty] public DateInput CompletedOn { get; set; } = new();
    [BindProperty] public string? ReturnReason { get; set; }
    /// <summary>A document that shows it is done (optional, with the evidence).</summary>
    [BindProperty] public IFormFile? Upload { get; set; }
    public IReadOnlyList<EvidenceDocument> Documents { get; private set; } = [];

    public Recommendation? Item { get; private set; }
    public Report? Report { get; private set; }
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public bool IsOwner { get; private set; }
    public bool Manages { get; private set; }
    public Rag Rag => Item!.RagOn(register.Today);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public Task<IActionResult> OnPostStartAsync(CancellationToken ct) => StepAsync(owner: true, r => { r.Start(Me); return "Marked in progress"; }, ct);

    public async Task<IActionResult> OnPostCompleteAsync(CancellationToken ct)
    {
        var content = await NewModel.UploadedAsync(Upload, ct);
        return await StepAsync(owner: true, r =>
        {
            DateOnly? on = CompletedOn.TryRead("date it was completed", out var d, out var error) ? d : null;
            if (on is null && !CompletedOn.IsEmpty) throw new DomainRuleViolation(error, nameof(Recommendation.CompletedOn));
            if (Upload is not null)
            {
                var document = EvidenceDocument.Accept(r, Upload.FileName, content, Me, register.Now);
                db.Add(document);
                db.Add(EvidenceDocumentContent.Of(document, content));
            }
            r.Complete(Evidence, on, Me, register.Now);
            return "Marked complete with its evidence. The board is asked to accept it.";
        }, ct);
    }

    /// <summary>An evidence document, checked against its SHA-256 before it is sent; audited.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid documentId, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal) return refusal;
        var document = Documents.SingleOrDefault(d => d.Id == documentId);
        if (document is null) return NotFound();
        var content = await db.Set<EvidenceDocumentContent>().AsNoTracking().Where(c => c.DocumentId == documentId).Select(c => c.Content).SingleAsync(ct);
        return await download.SendAsync(document, content, null, $"evidence {document.FileName} of recommendation {Item!.Number}", ct);
    }

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) => StepAsync(owner: false, r =>
    {
        r.AcceptEvidence(Me, register.Now);
        return "Evidence accepted: the recommendation is evidenced";
    }, ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) => StepAsync(owner: false, r =>
    {
        r.ReturnEvidence(Me, ReturnReason, register.Now);
        return "Sent back to the owner as in progress, with your reason. It is on their work list.";
    }, ct);

    private string Me => User.ToActor().UserId;

    private async Task<IActionResult> StepAsync(bool owner, Func<Recommendation, string> step, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal) return refusal;
        if (owner ? !IsOwner : !Manages) return Forbid();
        db.Entry(Item!).Property(r => r.Version).OriginalValue = Version;
        var saved = await this.TrySaveAsync(db, () => Task.FromResult(step(Item!)), field => field switch
        {
            nameof(Recommendation.Evidence) => nameof(Evidence),
            nameof(Recommendation.CompletedOn) => nameof(CompletedOn),
            nameof(EvidenceDocument.FileName) => nameof(Upload),
            nameof(Recommendation.ReturnedReason) => nameof(ReturnReason),
            _ => "",
        }, "Someone else changed this recommendation since you opened it. Nothing has been saved: check it again below.", ct);
        if (saved) return Redirect($"/Reports/Recommendations/{Id}");
        await LoadAsync(ct);
        Version = Item!.Version;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        Item = await db.Set<Recommendation>().SingleOrDefaultAsync(r => r.Id == Id, ct);
        if (Item is null) return NotFound();
        Report = await register.LoadAsync(Item.ReportId, actor, ct);
        if (Report is null) return NotFound();
        IsOwner = Item.OwnerUserId == actor.UserId;
        Manages = ReportRegister.Manages(actor, Report);
        Names = await UserNames.ForAsync(db, [Item.OwnerUserId, Item.CompletedByUserId, Item.AcceptedByUserId], ct);
        Documents = await db.Set<EvidenceDocument>().AsNoTracking().Where(d => d.RecommendationId == Id).OrderBy(d => d.UploadedAtUtc).ToListAsync(ct);
        if (HttpMethods.IsGet(Request.Method)) Version = Item.Version;
        return null;
    }
}
