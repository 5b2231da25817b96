using Beacon.Core.Reports;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Reports;

/// <summary>The reports register: every report and review the person may read, with how far it has been read and acted on.</summary>
[Authorize]
public sealed class IndexModel(ReportRegister register, Infrastructure.Auditing.AuditTrail audit) : PageModel
{
    public IReadOnlyList<ReportRegister.Row> Rows { get; private set; } = [];
    public bool MayManage { get; private set; }
    public IReadOnlyList<ReportRegister.Attention> ForTheBoard { get; private set; } = [];

    /// <summary>The register as CSV for the board's papers (values escaped against formula injection); audited as an export.</summary>
    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var rows = await register.RowsAsync(User.ToActor(), ct);
        await audit.RecordAsync(Core.Audit.AuditAction.Exported, "ReportRegister", "-", null, "Downloaded the reports register as CSV", ct);
        return await Infrastructure.Web.CsvDownload.WriteAsync(Response, $"reports-register-{register.Today:yyyy-MM-dd}.csv",
        [
            new("Date", r => r.PublishedOn.ToString("yyyy-MM-dd")),
            new("Report", r => r.Title),
            new("Kind", r => Core.Common.EnumDisplay.Name(r.Kind)),
            new("Challenged", r => r.Challenged ? "Yes" : "No"),
            new("Sent to", r => r.Sent.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Acknowledged", r => r.Acknowledged.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Recommendations", r => r.Recommendations.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Evidenced", r => r.Evidenced.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Overdue", r => r.Overdue.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], rows.ToAsyncEnumerable(), ct);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        MayManage = ReportAccess.MayManage(actor);
        Rows = await register.RowsAsync(actor, ct);
        if (ReportAccess.MayManage(actor) || Core.Access.Capabilities.IsAuditor(actor)) ForTheBoard = await register.ForTheBoardAsync(actor, ct);
    }
}
