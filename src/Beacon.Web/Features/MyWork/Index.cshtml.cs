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
public sealed class IndexModel(Workload workload, Notifications notifications, WaitingForYou waiting, WorkItemAlerts alerts, BeaconDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int DuePage { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int CasePage { get; set; } = 1;
    public Paged<Workload.DueItem> Due { get; private set; } = new([], 1, 1, 0);
    public Paged<Workload.CaseRow> Cases { get; private set; } = new([], 1, 1, 0);
    public IReadOnlyList<Notifications.Item> Told { get; private set; } = [];
    public IReadOnlyList<WaitingForYou.Group> Waiting { get; private set; } = [];
    /// <summary>New work Beacon has told this person about and they have not yet marked seen.</summary>
    public IReadOnlyList<WorkItemAlerts.Item> NewWork { get; private set; } = [];
    public string? Team { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        IReadOnlyCollection<string> workers = [actor.UserId];
        if (Capabilities.IsSocialCareManager(actor))
        {
            Team = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.Team).SingleOrDefaultAsync(ct);
            if (Team is not null)
                workers = await db.Users.Where(u => u.Team == Team && u.OrganisationId == actor.OrganisationId).Select(u => u.Id).ToListAsync(ct);
        }
        Due = await workload.DueAsync(actor, workers, DuePage, ct);
        Cases = await workload.CaseloadAsync(actor, workers, CasePage, ct);
        Told = await notifications.UnseenAsync(actor, ct);
        Waiting = await waiting.ForAsync(actor, ct);
        NewWork = await alerts.UnseenAsync(actor.UserId, ct);
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
