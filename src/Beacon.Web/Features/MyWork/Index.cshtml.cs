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
    /// <summary>A team manager's view of one worker's cases (a member of the team; anyone else is not offered).</summary>
    [BindProperty(SupportsGet = true)] public string? Worker { get; set; }
    [BindProperty(SupportsGet = true)] public Core.Cases.CaseStage? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public bool OverdueOnly { get; set; }
    /// <summary>The team's workers, for the filter (empty for someone who sees only their own cases).</summary>
    public IReadOnlyList<(string Id, string Name)> TeamWorkers { get; private set; } = [];
    public bool Filtered => Worker is not null || Stage is not null || OverdueOnly;

    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> WorkerItems() =>
        new[] { new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem("Everyone in the team", "") }
            .Concat(TeamWorkers.Select(w => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(w.Name, w.Id)));

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> StageItems() =>
        GovUkChoices.Of<Core.Cases.CaseStage>("Any stage", s => s != Core.Cases.CaseStage.Closed);

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> CaseOrderItems() => GovUkChoices.Of<Workload.CaseloadOrder>();
    public Paged<Workload.DueItem> Due { get; private set; } = new([], 1, 1, 0);
    public Paged<Workload.CaseRow> Cases { get; private set; } = new([], 1, 1, 0);
    public IReadOnlyList<Notifications.Item> Told { get; private set; } = [];
    public IReadOnlyList<WaitingForYou.Group> Waiting { get; private set; } = [];
    /// <summary>New work Beacon has told this person about and they have not yet marked seen.</summary>
    public IReadOnlyList<WorkItemAlerts.Item> NewWork { get; private set; } = [];
    public string? Team { get; private set; }

    /// <summary>The person's own cases, or for a social care team manager the whole team's (or the one worker chosen).</summary>
    private async Task<IReadOnlyCollection<string>> WorkersAsync(Core.Access.Actor actor, CancellationToken ct)
    {
        if (!Capabilities.IsSocialCareManager(actor)) return [actor.UserId];
        Team = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.Team).SingleOrDefaultAsync(ct);
        if (Team is null) return [actor.UserId];
        TeamWorkers = (await db.Users.Where(u => u.Team == Team && u.OrganisationId == actor.OrganisationId)
                .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .Select(u => (u.Id, u.DisplayName)).ToList();
        // A worker outside the team is never a filter: it would show nothing the manager may see as a team's.
        return Worker is { } one && TeamWorkers.Any(w => w.Id == one) ? [one] : TeamWorkers.Select(w => w.Id).ToList();
    }

    private Workload.CaseloadFilter Filter => new(Stage is { } s && Enum.IsDefined(s) && s != Core.Cases.CaseStage.Closed ? s : null, OverdueOnly);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        var workers = await WorkersAsync(actor, ct);
        Due = await workload.DueAsync(actor, workers, DuePage, ct);
        Cases = await workload.CaseloadAsync(actor, workers, CasePage, ct, Enum.IsDefined(CaseOrder) ? CaseOrder : default, Filter);
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
        var rows = workload.Caseload(actor, workers, Enum.IsDefined(CaseOrder) ? CaseOrder : default, Filter).AsAsyncEnumerable();
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
