using Beacon.Core.Access;
using Beacon.Core.Audit;
using Beacon.Core.Common;
using Beacon.Core.Reports;
using Beacon.Web.Features.Cases;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Web;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Reports;

/// <summary>
/// One report: its versions, who it was sent to and who has opened and acknowledged it (permanent), any challenge,
/// and its recommendations with their red/amber/green rating. The board sends it, adds versions and recommendations
/// and records a challenge; a recipient acknowledges it here.
/// </summary>
[Authorize]
[RequestSizeLimit(5 * CheckedFile.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 5 * CheckedFile.MaxBytes)]
public sealed class DetailsModel(ReportRegister register, BeaconDbContext db, StoredFileDownload download) : PageModel
{
    public sealed record RecipientView(string UserId, string Name, DateTime SentAtUtc, DateTime? OpenedAtUtc, DateTime? AcknowledgedAtUtc, string? Comment, bool Overdue);
    public sealed record RecommendationView(Guid Id, int Number, string Text, string Owner, DateOnly TargetOn, RecommendationStatus Status, Rag Rag);
    public sealed class RecommendationInput { public string? Text { get; set; } public string? OwnerUserId { get; set; } public DateInput TargetOn { get; set; } = new(); }

    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public List<string> SendTo { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? ChallengeReason { get; set; }
    [BindProperty] public bool ChallengeConfirmed { get; set; }
    [BindProperty] public RecommendationInput NewRecommendation { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }

    public Report? Report { get; private set; }
    public IReadOnlyList<ReportDocument> Documents { get; private set; } = [];
    public IReadOnlyList<RecipientView> Recipients { get; private set; } = [];
    public IReadOnlyList<RecommendationView> Recommendations { get; private set; } = [];
    public IReadOnlyList<ReportRegister.Person> People { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public bool Manages { get; private set; }
    public ReportRecipient? Mine { get; private set; }

    public IEnumerable<SelectListItem> OwnerItems() =>
        [new("Choose the owner", ""), .. People.Select(p => new SelectListItem(p.Label, p.UserId))];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    /// <summary>A version of the report's document, checked against its SHA-256; a recipient's first download is kept as when they opened it.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid documentId, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal) return refusal;
        var document = Documents.SingleOrDefault(d => d.Id == documentId);
        if (document is null) return NotFound();
        var content = await db.Set<ReportDocumentContent>().AsNoTracking().Where(c => c.DocumentId == documentId).Select(c => c.Content).SingleAsync(ct);
        return await download.SendAsync(document, content, null, $"version {document.VersionNumber} of the report \"{Report!.Title}\"", ct,
            sent: () => Mine?.Opened(register.Now));
    }

    public Task<IActionResult> OnPostSendAsync(CancellationToken ct) => BoardAsync(() =>
    {
        var allowed = People.Select(p => p.UserId).ToHashSet();
        var already = Recipients.Select(r => r.UserId).ToHashSet();
        var chosen = SendTo.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct().ToList();
        if (chosen.Count == 0 || chosen.Any(id => !allowed.Contains(id))) throw new DomainRuleViolation("Choose who the report goes to", nameof(SendTo));
        foreach (var id in chosen.Where(id => !already.Contains(id)))
            db.Add(ReportRecipient.Send(Report!, id, User.ToActor().UserId, register.Now));
        return Task.FromResult($"Report sent to {chosen.Count(id => !already.Contains(id))} people. Each is asked to acknowledge it.");
    }, ct);

    public Task<IActionResult> OnPostVersionAsync(CancellationToken ct) => BoardAsync(async () =>
    {
        var content = await NewModel.UploadedAsync(Upload, ct);
        var document = ReportDocument.Accept(Report!, Documents.Count + 1, Upload?.FileName, content, User.ToActor().UserId, register.Now);
        db.Add(document);
        db.Add(ReportDocumentContent.Of(document, content));
        return $"Version {document.VersionNumber} added. Earlier versions are kept.";
    }, ct);

    public Task<IActionResult> OnPostChallengeAsync(CancellationToken ct) => BoardAsync(() =>
    {
        if (!string.IsNullOrWhiteSpace(ChallengeReason) && !ChallengeConfirmed)
            throw new DomainRuleViolation("Confirm that the challenge stays on the report for good", nameof(ChallengeConfirmed));
        Report!.Challenge(ChallengeReason, User.ToActor().UserId, register.Now);
        return Task.FromResult("Challenge recorded. The report stays on the register, in full, for everyone who could read it.");
    }, ct);

    public Task<IActionResult> OnPostRecommendationAsync(CancellationToken ct) => BoardAsync(() =>
    {
        DateOnly? target = NewRecommendation.TargetOn.TryRead("target date", out var on, out var dateError) ? on : null;
        if (target is null && !NewRecommendation.TargetOn.IsEmpty) throw new DomainRuleViolation(dateError, nameof(Recommendation.TargetOn));
        var owner = People.SingleOrDefault(p => p.UserId == NewRecommendation.OwnerUserId);
        var number = Recommendations.Count == 0 ? 1 : Recommendations.Max(r => r.Number) + 1;
        db.Add(Recommendation.Add(Report!, number, NewRecommendation.Text, owner?.UserId, owner?.OrganisationId ?? Guid.Empty, target, User.ToActor().UserId, register.Now));
        return Task.FromResult($"Recommendation {number} added.");
    }, ct);

    public async Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal) return refusal;
        if (Mine is null) return Forbid();
        try
        {
            Mine.Acknowledge(User.ToActor().UserId, Comment, register.Now);
            await db.SaveChangesAsync(ct);
            TempData["Saved"] = "You have acknowledged reading the report";
            return Redirect($"/Reports/{Id}");
        }
        catch (DomainRuleViolation rule) { ModelState.AddModelError(nameof(Comment), rule.Message); }
        catch (DbUpdateConcurrencyException)
        {
            // Acknowledged twice at once (two tabs, a double click): the first stands, unchanged.
            db.ChangeTracker.Clear();
            TempData["Saved"] = "You have acknowledged reading the report";
            return Redirect($"/Reports/{Id}");
        }
        return Page();
    }

    /// <summary>The board's steps: a board member of the report's board; the domain refuses what does not hold.</summary>
    private async Task<IActionResult> BoardAsync(Func<Task<string>> step, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal) return refusal;
        if (!Manages) return Forbid();
        var saved = await this.TrySaveAsync(db, step, field => field switch
        {
            nameof(SendTo) => nameof(SendTo),
            nameof(ReportDocument.FileName) => nameof(Upload),
            nameof(Report.ChallengeReason) => nameof(ChallengeReason),
            nameof(ChallengeConfirmed) => nameof(ChallengeConfirmed),
            nameof(Recommendation.Text) => "NewRecommendation.Text",
            nameof(Recommendation.OwnerUserId) => "NewRecommendation.OwnerUserId",
            nameof(Recommendation.TargetOn) => "NewRecommendation.TargetOn",
            _ => "",
        }, "Someone else changed this report at the same moment. Nothing has been saved: check it again below.", ct);
        if (saved) return Redirect($"/Reports/{Id}");
        await LoadAsync(ct);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        Report = await register.LoadAsync(Id, actor, ct);
        if (Report is null) return NotFound();
        Manages = ReportRegister.Manages(actor, Report);
        Documents = await db.Set<ReportDocument>().AsNoTracking().Where(d => d.ReportId == Id).OrderBy(d => d.VersionNumber).ToListAsync(ct);
        var recipients = await db.Set<ReportRecipient>().Where(r => r.ReportId == Id).ToListAsync(ct);
        Mine = recipients.SingleOrDefault(r => r.UserId == actor.UserId);
        var recommendations = await db.Set<Recommendation>().AsNoTracking().Where(r => r.ReportId == Id).OrderBy(r => r.Number).ToListAsync(ct);
        Names = await Cases.UserNames.ForAsync(db, recipients.Select(r => r.UserId).Concat(recommendations.Select(r => r.OwnerUserId))
            .Append(Report.RecordedByUserId).Append(Report.ChallengedByUserId), ct);
        var now = register.Now;
        Recipients = recipients.Select(r => new RecipientView(r.UserId, Names.Name(r.UserId), r.SentAtUtc, r.FirstOpenedAtUtc, r.AcknowledgedAtUtc, r.Comment, r.IsOverdue(now)))
            .OrderBy(r => r.Name).ToList();
        Recommendations = recommendations.Select(r => new RecommendationView(r.Id, r.Number, r.Text, Names.Name(r.OwnerUserId), r.TargetOn, r.Status, r.RagOn(register.Today))).ToList();
        if (Manages) People = await register.PeopleAsync(Report.BoardOrganisationId, ct);
        return null;
    }
}
