using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Panel;

/// <summary>
/// Every child ever removed from the panel's list: when, why, the rationale, the risk level at the time, who proposed
/// and who approved. The board reads it to see whether the list is being reduced, and how; children are named only
/// to those who may see them.
/// </summary>
[Authorize(Policy = Policies.SeesPanelRegister)]
public sealed class RegisterModel(PanelLists lists, AuditTrail audit) : PageModel
{
    public const int PageSize = 50;
    [FromQuery(Name = Pagination.DefaultParameter)] public int PageNumber { get; set; } = 1;
    public Paged<RemovalRow> Rows { get; private set; } = new([], 1, 1, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await Paged<RemovalRow>.ReadAsync(lists.Register(User.ToActor()), PageNumber, PageSize, ct);
        await audit.RecordAsync(Core.Audit.AuditAction.Viewed, "PanelRegister", "-", null, $"Viewed the panel's removals register ({Rows.Total} removals)", ct);
    }

    /// <summary>The whole register as CSV for the board's papers (children named only to those who may see them); audited.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await audit.RecordAsync(Core.Audit.AuditAction.Exported, "PanelRegister", "-", null, "Downloaded the panel's removals register as CSV", ct);
        return await Infrastructure.Web.CsvDownload.WriteAsync(Response, $"panel-removals-{DateTime.UtcNow:yyyy-MM-dd}.csv",
        [
            new("Removed", r => Core.Timescales.UkTime.ToUkDate(r.RemovedAtUtc).ToString("yyyy-MM-dd")),
            new("Child", r => r.ChildName ?? $"record {r.ChildId.ToString()[..8]}"),
            new("Reason", r => Core.Common.EnumDisplay.Name(r.Category)),
            new("Rationale", r => r.Rationale),
            new("Risk at the time", r => RiskAssessment.RiskDisplay.Name(r.LevelAtRemoval)),
            new("Proposed by", r => r.ProposedBy),
            new("Approved by", r => r.ApprovedBy),
        ], lists.Register(User.ToActor()).AsAsyncEnumerable(), ct);
    }
}
