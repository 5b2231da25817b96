using Beacon.Core.Access;
using Beacon.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Beacon.Web.Infrastructure.Web;

namespace Beacon.Web.Features.RiskAssessment;

/// <summary>
/// The multi-agency CSE panel's list: every child whose current assessment is significant or serious risk.
/// Worked out from the assessments each time (PanelList.BelongsOnPanelList), never a flag someone sets, so a
/// signed-off assessment puts a child on it at once and a lower one takes them off.
/// </summary>
[Authorize(Policy = Policies.Practitioner)]
public sealed class PanelModel(RiskOverview overview, Infrastructure.Auditing.AuditTrail audit, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public Paged<ChildRisk> Children { get; private set; } = new([], 1, 1, 0);
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Children = await overview.PanelListAsync(User, PageNumber, ct);
    }

    /// <summary>The whole list as a CSV file; the download is audited as a view of the list.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await audit.RecordAsync(Core.Audit.AuditAction.Exported, "PanelList", "-", null, "Downloaded the list of children at significant or serious risk as CSV", ct);
        var now = Now;
        return await CsvDownload.WriteAsync(Response, $"panel-list-{Today:yyyy-MM-dd}.csv",
        [
            new("Child", c => c.Name),
            new("Date of birth", c => c.DateOfBirth.ToString("yyyy-MM-dd")),
            new("Level", c => RiskDisplay.Name(c.Level)),
            new("Assessed", c => c.SignedOffAtUtc?.ToString("yyyy-MM-dd")),
            new("Next assessment", c => RiskDisplay.Describe(c.Due, now)),
            new("Looked after", c => c.IsLookedAfter ? c.PlacedOutOfArea ? "Yes, out of area" : "Yes" : "No"),
            new("Key worker", c => c.KeyWorkerName),
        ], overview.WholePanelList(User), ct);
    }
}
