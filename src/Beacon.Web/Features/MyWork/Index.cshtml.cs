using Beacon.Core.Access;
using Beacon.Web.Features.Cases;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.MyWork;

/// <summary>My work: my caseload and everything due or overdue, oldest first; a team manager sees the whole team's.</summary>
[Authorize(Policy = Policies.Practitioner)]
public sealed class IndexModel(Workload workload, Notifications notifications, WaitingForYou waiting, WorkItemAlerts alerts, BeaconDbContext db,
    Infrastructure.Auditing.AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public int DuePage { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int CasePage { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public Workload.CaseloadOrder CaseOrder { get; set; }

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> CaseOrderItems() =>
        Enum.GetValues<Workload.CaseloadOrder>().Select(o => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(Core.Common.EnumDisplay.Name(o), o.ToString()));
    public Paged<Workload.DueItem> Due { get; private set; } = new([], 1, 1, 0);
    public Paged<Workload.CaseRow> Cases { get; private set; } = new([], 1, 1, 0);
    public IReadOnlyList<Notifications.Item> Told { get; private set; } = [];
    public IReadOnlyList<WaitingForYou.Group> Waiting { get; private set; } = [];
    /// <summary>New work Beacon has told this person about and they have not yet marked seen.</summary>
    public IReadOnlyList<WorkItemAlerts.Item> NewWork { get; private set; } = [];
    public string? Team { get; private set; }

    /// <summary>The person's own cases, or for a social care team manager the whole team's.</summary>
    private async Task<IReadOnlyCollection<string>> WorkersAsync(Core.Access.Actor actor, CancellationToken ct)
    {
        if (!Capabilities.IsSocialCareManager(actor)) return [actor.UserId];
        Team = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.Team).SingleOrDefaultAsync(ct);
        if (Team is null) return [actor.UserId];
        return await db.Users.Where(u => u.Team == Team && u.OrganisationId == actor.OrganisationId).Select(u => u.Id).ToListAsync(ct);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        var workers = await WorkersAsync(actor, ct);
        Due = await workload.DueAsync(actor, workers, DuePage, ct);
        Cases = await workload.CaseloadAsync(actor, workers, CasePage, ct, Enum.IsDefined(CaseOrder) ? CaseOrder : default);
        Told = await notifications.UnseenAsync(actor, ct);
        Waiting = await waiting.ForAsync(actor, ct);
        NewWork = await alerts.UnseenAsync(actor.UserId, ct);
    }

    /// <summary>The caseload as CSV, in the order chosen; audited as an export (it names children).</summary>
    public async Task<IActionResult> OnGetCaseloadCsvAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        var workers = await WorkersAsync(actor, ct);
        await audit.RecordAsync(Core.Audit.AuditAction.Exported, "Caseload", "-", null, "Downloaded a caseload as CSV", ct);
        var rows = workload.Caseload(actor, workers, Enum.IsDefined(CaseOrder) ? CaseOrder : default).AsAsyncEnumerable();
        return await Infrastructure.Web.CsvDownload.WriteAsync(Response, $"caseload-{DateTime.UtcNow:yyyy-MM-dd}.csv",
        [
            new("Child", r => r.ChildName),
            new("Stage", r => Core.Common.EnumDisplay.Name(r.Stage)),
            new("Worker", r => r.WorkerName),
            new("Steps running", r => r.Outstanding.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Steps overdue", r => r.Overdue.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], rows, ct);
    }

    public async Task<IActionResult> OnPostAlertSeenAsync(Guid alertId, CancellationToken ct)
    {
        if (!await alerts.MarkSeenAsync(User.ToActor().UserId, alertId, ct)) return NotFound();
        TempData["Saved"] = "Marked as seen";
        return Redirect("/MyWork");
    }

    public async Task<IActionResult> OnPostSeenAsync(Guid notificationId, CancellationToken ct)
    {
        if (!await notifications.MarkSeenAsync(User.ToActor(), notificationId, ct)) return NotFound();
        TempData["Saved"] = "Marked as seen";
        return Redirect("/MyWork");
    }
}
