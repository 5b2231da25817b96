using System.Security.Cryptography;
using Beacon.Core.Common;
using Beacon.Core.ScaleEstimation;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.ScaleEstimation;

/// <summary>An analyst imports an agency's list from CSV: every row checked, all or nothing.</summary>
[Authorize]
[RequestSizeLimit(2 * MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * MaxBytes)]
public sealed class ImportModel(BeaconDbContext db, ScaleEstimations estimations) : PageModel
{
    public const int MaxBytes = 20 * 1024 * 1024;

    public sealed class ListInput
    {
        public string? Name { get; set; }
        public string? HeldBy { get; set; }
        public DateInput CoversFrom { get; set; } = new();
        public DateInput CoversTo { get; set; } = new();
    }

    [BindProperty] public ListInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    public IReadOnlyList<string> RowProblems { get; private set; } = [];

    public IActionResult OnGet() => ScaleEstimationAccess.MayLink(User.ToActor()) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        if (!ScaleEstimationAccess.MayLink(actor)) return Forbid();
        ModelState.Clear();
        var from = Input.CoversFrom.Read("first day the list covers", ModelState, "Input.CoversFrom");
        var to = Input.CoversTo.Read("last day the list covers", ModelState, "Input.CoversTo");
        if (string.IsNullOrWhiteSpace(Input.Name)) ModelState.AddModelError("Input.Name", "Enter the list's name");
        if (string.IsNullOrWhiteSpace(Input.HeldBy)) ModelState.AddModelError("Input.HeldBy", "Enter the agency that holds the list");
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), "Choose the list's CSV file");
        else if (Upload.Length > MaxBytes) ModelState.AddModelError(nameof(Upload), "The file must be smaller than 20 MB");
        if (!ModelState.IsValid) return Page();

        var content = new byte[Upload!.Length];
        await using (var stream = Upload.OpenReadStream()) await stream.ReadExactlyAsync(content, ct);
        var listId = Guid.NewGuid();
        var read = AgencyListCsv.Parse(content, listId, estimations.Today);
        if (read.Problems.Count > 0)
        {
            RowProblems = read.Problems;
            ModelState.AddModelError(nameof(Upload), read.Problems.Count <= 2
                ? string.Join(" ", read.Problems) + " Nothing was imported."
                : $"The file has problems on {read.RowsWithProblems:N0} lines, listed below. Nothing was imported: correct the file and choose it again.");
            return Page();
        }
        try
        {
            var list = ImportedList.Import(listId, Input.Name, Input.HeldBy, from, to, Upload.FileName, Convert.ToHexStringLower(SHA256.HashData(content)), read.Entries.Count,
                actor.OrganisationId, actor.UserId, estimations.Now);
            db.Add(list);
            db.AddRange(read.Entries);
            await db.SaveChangesAsync(ct);
            TempData["Saved"] = $"Imported {read.Entries.Count:N0} {(read.Entries.Count == 1 ? "child" : "children")} from {list.Name}.";
            return Redirect("/ScaleEstimation");
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(rule.Field is null or "Upload" ? nameof(Upload) : $"Input.{rule.Field}", rule.Message);
            return Page();
        }
    }
}
