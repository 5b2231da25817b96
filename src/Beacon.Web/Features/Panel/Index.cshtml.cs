using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Panel;

/// <summary>The multi-agency exploitation panel's list: every child it must see, most serious first.</summary>
[Authorize(Policy = Policies.Practitioner)]
public sealed class IndexModel(PanelLists lists, Infrastructure.Auditing.AuditTrail audit) : PageModel
{
    [FromQuery(Name = Pagination.DefaultParameter)] public int PageNumber { get; set; } = 1;
    public Paged<PanelRow> Rows { get; private set; } = new([], 1, 1, 0);
    public bool IsChair { get; private set; }
    [BindProperty(SupportsGet = true)] public PanelListOrder Sort { get; set; } = PanelListOrder.MostSerious;
    /// <summary>Only children whose removal is waiting for the chair.</summary>
    [BindProperty(SupportsGet = true)] public bool RemovalProposed { get; set; }

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> SortItems() => Infrastructure.GovUk.GovUkChoices.Of<PanelListOrder>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        IsChair = Core.Access.Capabilities.IsPanelChair(actor);
        Rows = await lists.PageAsync(actor, PageNumber, ct, Enum.IsDefined(Sort) ? Sort : PanelListOrder.MostSerious, RemovalProposed);
    }

    /// <summary>The whole list as CSV (for the panel's papers), streamed from the same query; the export is audited.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await audit.RecordAsync(Core.Audit.AuditAction.Exported, "PanelListing", "-", null, "Downloaded the exploitation panel's list as CSV", ct);
        var rows = lists.List(User.ToActor()).OrderByDescending(r => r.Level).ThenBy(r => r.SortName).ThenBy(r => r.ChildId)
            .AsAsyncEnumerable();
        return await Infrastructure.Web.CsvDownload.WriteAsync(Response, $"exploitation-panel-list-{DateTime.UtcNow:yyyy-MM-dd}.csv",
        [
            new("Child", r => $"{r.FirstName} {r.LastName}"),
            new("Current risk", r => RiskAssessment.RiskDisplay.Name(r.Level)),
            new("On the list since", r => Core.Timescales.UkTime.ToUkDate(r.ListedSinceUtc).ToString("yyyy-MM-dd")),
            new("Why", r => Core.Common.EnumDisplay.Name(r.Reason)),
            new("Status", r => Core.Common.EnumDisplay.Name(r.Status)),
        ], rows, ct);
    }
}
