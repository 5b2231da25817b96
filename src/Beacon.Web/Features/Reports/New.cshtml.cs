using Beacon.Core.Common;
using Beacon.Core.Reports;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Beacon.Web.Features.Reports;

/// <summary>A board member records a report with its document (version 1).</summary>
[Authorize]
// Room for a file well over the limit, so it is refused beside the field rather than cut off by the server.
[RequestSizeLimit(5 * CheckedFile.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 5 * CheckedFile.MaxBytes)]
public sealed class NewModel(BeaconDbContext db, ReportRegister register) : PageModel
{
    public sealed class ReportInput
    {
        public string? Title { get; set; }
        public ReportKind? Kind { get; set; }
        public string? Authors { get; set; }
        public DateInput PublishedOn { get; set; } = new();
        public string? CommissionedBy { get; set; }
        public string? Summary { get; set; }
    }

    [BindProperty] public ReportInput Input { get; set; } = new();
    /// <summary>The report itself (named Upload: PageModel already has a File method).</summary>
    [BindProperty] public IFormFile? Upload { get; set; }

    public static IEnumerable<SelectListItem> KindItems() => Enum.GetValues<ReportKind>().Select(k => new SelectListItem(k.Name(), k.ToString()));

    public IActionResult OnGet() => ReportAccess.MayManage(User.ToActor()) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        if (!ReportAccess.MayManage(actor)) return Forbid();
        ModelState.Clear();
        var publishedOn = Input.PublishedOn.Read("date of the report", ModelState, "Input.PublishedOn");
        var content = await UploadedAsync(Upload, ct);
        // Every missing answer at once, not one per try (the domain then checks the rest).
        foreach (var (field, value, message) in new[]
                 {
                     ("Input.Title", Input.Title, "Enter the report's title"), ("Input.Authors", Input.Authors, "Enter who wrote it"),
                     ("Input.CommissionedBy", Input.CommissionedBy, "Enter who commissioned it"), ("Input.Summary", Input.Summary, "Summarise what it found"),
                 })
            if (string.IsNullOrWhiteSpace(value)) ModelState.AddModelError(field, message);
        if (Input.Kind is null) ModelState.AddModelError("Input.Kind", "Choose what kind of report it is");
        if (Upload is null) ModelState.AddModelError(nameof(Upload), "Choose the report's file");
        if (!ModelState.IsValid) return Page();
        try
        {
            var report = Report.Record(actor.OrganisationId, Input.Title, Input.Kind, Input.Authors, publishedOn, Input.CommissionedBy, Input.Summary, actor.UserId, register.Now);
            var document = ReportDocument.Accept(report, 1, Upload?.FileName, content, actor.UserId, register.Now);
            if (!ModelState.IsValid) return Page();
            db.Add(report);
            db.Add(document);
            db.Add(ReportDocumentContent.Of(document, content));
            await db.SaveChangesAsync(ct);
            TempData["Saved"] = "Report recorded. Send it to the people who must read it.";
            return Redirect($"/Reports/{report.Id}");
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(rule.Field switch
            {
                nameof(ReportDocument.FileName) => nameof(Upload),
                nameof(Report.PublishedOn) => "Input.PublishedOn",
                null or "" => "",
                var field => $"Input.{field}",
            }, rule.Message);
            return Page();
        }
    }

    /// <summary>The uploaded bytes (empty when no file was chosen: the domain says so beside the field).</summary>
    internal static async Task<byte[]> UploadedAsync(IFormFile? upload, CancellationToken ct)
    {
        if (upload is null || upload.Length == 0) return [];
        // One byte over the limit is enough for the domain to refuse it; the rest is never read into memory.
        var keep = (int)Math.Min(upload.Length, CheckedFile.MaxBytes + 1);
        using var stream = upload.OpenReadStream();
        var buffer = new byte[keep];
        await stream.ReadExactlyAsync(buffer, ct);
        return buffer;
    }
}
