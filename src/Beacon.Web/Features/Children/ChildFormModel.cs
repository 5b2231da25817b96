using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Children;

/// <summary>What the add and change pages share: the input and the key-worker choices.</summary>
public abstract class ChildFormModel(BeaconDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public ChildInput Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> KeyWorkerItems { get; private set; } = [];

    protected BeaconDbContext Db => db;
    // Dates of birth and moves are English calendar dates, so "today" is the date in England, not in UTC.
    protected DateOnly Today => Core.Timescales.UkTime.ToUkDate(clock.GetUtcNow().UtcDateTime);
    protected DateTime Now => clock.GetUtcNow().UtcDateTime;

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        var practitioners = await (from user in db.Users
                                   join userRole in db.UserRoles on user.Id equals userRole.UserId
                                   join role in db.Roles on userRole.RoleId equals role.Id
                                   where BeaconRoles.Practitioners.Contains(role.Name!)
                                   orderby user.DisplayName
                                   select new { user.Id, user.DisplayName, user.Agency }).Distinct().ToListAsync(ct);
        KeyWorkerItems = [new SelectListItem("No key worker yet", ""), .. practitioners.OrderBy(p => p.DisplayName)
            .Select(p => new SelectListItem($"{p.DisplayName} ({p.Agency.Name()})", p.Id))];
    }

    /// <summary>The key worker must be a real account: a forged id is refused, not stored.</summary>
    protected async Task CheckKeyWorkerAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Input.KeyWorkerUserId) && !await db.Users.AnyAsync(u => u.Id == Input.KeyWorkerUserId, ct))
            ModelState.AddModelError("Input.KeyWorkerUserId", "Select a key worker from the list");
    }
}
