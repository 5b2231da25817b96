using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.Organisations;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Admin.Accounts;

/// <summary>One account: its roles, and disabling, re-enabling, unlocking and resetting two-factor sign-in.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class DetailsModel(
    AccountAdministration accounts, UserManager<BeaconUser> users, SignInManager<BeaconUser> signIn, BeaconDbContext db, TimeProvider clock) : PageModel
{
    public BeaconUser Account { get; private set; } = default!;
    public Organisation Organisation { get; private set; } = default!;
    public IReadOnlyList<string> CurrentRoles { get; private set; } = [];
    public AccountStatus Status { get; private set; } = AccountStatus.Active;
    public bool HasPassword { get; private set; }
    public IReadOnlyList<SelectListItem> RoleItems { get; private set; } = [];
    [BindProperty] public List<string> Roles { get; set; } = [];

    private string Me => User.ToActor().UserId;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Roles = CurrentRoles.ToList();
        return Page();
    }

    public Task<IActionResult> OnPostRolesAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, async user => await accounts.ChangeRolesAsync(user, Roles, Me, ct) ? "Roles changed" : "The roles are as they were: nothing changed", ct);

    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, async user => { await accounts.DisableAsync(user, Me, ct); return "Account disabled. It cannot sign in, and its sessions have ended."; }, ct);

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, async user => { await accounts.EnableAsync(user, ct); return "Account re-enabled. It can sign in again."; }, ct);

    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, async user => { await accounts.UnlockAsync(user, ct); return "Account unlocked"; }, ct);

    public Task<IActionResult> OnPostResetTwoFactorAsync(string id, CancellationToken ct) =>
        ChangeAsync(id, async user => { await accounts.ResetTwoFactorAsync(user, ct); return "Two-factor sign-in reset. The person signs in with their password alone until they set it up again (or at once, where Beacon requires two-factor sign-in)."; }, ct);

    private async Task<IActionResult> ChangeAsync(string id, Func<BeaconUser, Task<string>> change, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        try
        {
            TempData["Saved"] = await change(user);
            // Changing one's own roles or two-factor sign-in changes the security stamp: keep this session going.
            if (user.Id == Me) await signIn.RefreshSignInAsync(user);
            return Redirect($"/Admin/Accounts/{user.Id}");
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(rule.Field ?? "", rule.Message);
            var roles = Roles;
            if (!await LoadAsync(id, ct)) return NotFound();
            Roles = roles;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return false;
        Account = user;
        Organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == user.OrganisationId, ct);
        CurrentRoles = BeaconRoles.All.Where((await users.GetRolesAsync(user)).Contains).ToList();
        Status = AccountStatus.Of(user.IsDisabled, user.LockoutEnd, clock.GetUtcNow());
        HasPassword = await users.HasPasswordAsync(user);
        // The roles this organisation's people may hold, and any it holds from before that it may no longer.
        RoleItems = BeaconRoles.All.Where(r => OrganisationRoles.MayHold(Organisation.Kind, r) || CurrentRoles.Contains(r))
            .Select(r => new SelectListItem(BeaconRoles.DisplayName(r), r)).ToList();
        return true;
    }
}
