using Beacon.Core.Reports;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Reports;

/// <summary>The reports register: every report and review the person may read, with how far it has been read and acted on.</summary>
[Authorize]
public sealed class IndexModel(ReportRegister register) : PageModel
{
    public IReadOnlyList<ReportRegister.Row> Rows { get; private set; } = [];
    public bool MayManage { get; private set; }
    public IReadOnlyList<ReportRegister.Attention> ForTheBoard { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        MayManage = ReportAccess.MayManage(actor);
        Rows = await register.RowsAsync(actor, ct);
        if (ReportAccess.MayManage(actor) || Core.Access.Capabilities.IsAuditor(actor)) ForTheBoard = await register.ForTheBoardAsync(actor, ct);
    }
}
