using System.ComponentModel.DataAnnotations;
using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Web.Features.Account;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Admin.Accounts;

/// <summary>An administrator sets up an account; the person chooses their own password from an emailed link.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class CreateModel(AccountAdministration accounts, PasswordEmails emails, BeaconDbContext db) : PageModel
{
    [BindProperty] public AccountInput Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];
    public IReadOnlyList<SelectListItem> RoleItems { get; } = RoleChoices.All();

    public sealed class AccountInput
    {
        [Required(ErrorMessage = "Enter the person's full name"), StringLength(100, ErrorMessage = "Full name must be 100 characters or fewer")]
        public string DisplayName { get; set; } = "";
        [Required(ErrorMessage = "Enter the person's email address"), EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org"),
         StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string Email { get; set; } = "";
        [Required(ErrorMessage = "Select an organisation")]
        public Guid? OrganisationId { get; set; }
        public List<string> Roles { get; set; } = [];
        [StringLength(100, ErrorMessage = "Team must be 100 characters or fewer")]
        public string? Team { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var user = await accounts.CreateAsync(new AccountAdministration.NewAccount(
                    Input.DisplayName, Input.Email, Input.OrganisationId!.Value, Input.Roles, Input.Team), ct);
                await emails.SendSetPasswordAsync(user, User.ToActor().Name, HttpContext, ct);
                TempData["Saved"] = $"Account created. {user.Email} has been emailed a link to set a password.";
                return Redirect($"/Admin/Accounts/{user.Id}");
            }
            catch (DomainRuleViolation rule)
            {
                ModelState.AddModelError(rule.Field is null ? "" : $"{nameof(Input)}.{rule.Field}", rule.Message);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(ct);
        Organisations =
        [
            new SelectListItem("Select an organisation", ""),
            .. organisations.Select(o => new SelectListItem($"{o.Name} ({o.Kind.Name()})", o.Id.ToString())),
        ];
    }
}

/// <summary>The role checkboxes, each with the kinds of organisation that may hold it as its hint.</summary>
public static class RoleChoices
{
    public static IReadOnlyList<SelectListItem> All() =>
        BeaconRoles.All.Select(role => new SelectListItem(
            $"{BeaconRoles.DisplayName(role)} ({string.Join(", ", Enum.GetValues<Agency>().Where(k => Core.Organisations.OrganisationRoles.MayHold(k, role)).Select(k => k.Name()))})",
            role)).ToList();
}
