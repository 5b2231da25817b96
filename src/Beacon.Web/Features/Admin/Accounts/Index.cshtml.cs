using Beacon.Core.Access;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Admin.Accounts;

/// <summary>Every account a page at a time, found by name or email, organisation or status, in the order asked for.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(BeaconDbContext db, TimeProvider clock, Infrastructure.Auditing.AuditTrail audit) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    /// <summary>Part of a name or an email address.</summary>
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public AccountState? State { get; set; }
    [BindProperty(SupportsGet = true)] public AccountsOrder Order { get; set; } = AccountsOrder.Name;
    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    public enum AccountState { Active, Disabled, Locked }

    public enum AccountsOrder
    {
        [System.ComponentModel.DataAnnotations.Display(Name = "Name")] Name,
        [System.ComponentModel.DataAnnotations.Display(Name = "Organisation")] Organisation,
        [System.ComponentModel.DataAnnotations.Display(Name = "Email")] Email,
    }

    public Paged<AccountRow> Accounts { get; private set; } = default!;
    public IReadOnlyDictionary<string, List<string>> Roles { get; private set; } = new Dictionary<string, List<string>>();

    public sealed record AccountRow(string Id, string DisplayName, string? Email, string Organisation, bool IsDisabled, DateTimeOffset? LockoutEnd, bool TwoFactorEnabled);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organisations = (await db.Organisations.OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        var now = clock.GetUtcNow();
        var users = db.Users.AsQueryable();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            // Accounts number in the thousands at most: a contains match is cheap, and finds "ashdown" in "Rowan Ashdown".
            var term = Search.Trim().ToUpperInvariant();
            users = users.Where(u => u.DisplayName.ToUpper().Contains(term) || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(term)));
        }
        if (Organisation is { } organisationId) users = users.Where(u => u.OrganisationId == organisationId);
        users = State switch
        {
            AccountState.Disabled => users.Where(u => u.IsDisabled),
            AccountState.Locked => users.Where(u => !u.IsDisabled && u.LockoutEnd != null && u.LockoutEnd > now),
            AccountState.Active => users.Where(u => !u.IsDisabled && (u.LockoutEnd == null || u.LockoutEnd <= now)),
            _ => users,
        };
        var joined = from user in users
                     join organisation in db.Organisations on user.OrganisationId equals organisation.Id
                     select new { user, organisation.Name };
        var ordered = Order switch
        {
            AccountsOrder.Organisation => joined.OrderBy(j => j.Name).ThenBy(j => j.user.DisplayName),
            AccountsOrder.Email => joined.OrderBy(j => j.user.NormalizedEmail),
            _ => joined.OrderBy(j => j.user.DisplayName).ThenBy(j => j.user.NormalizedEmail),
        };
        Accounts = await Paged<AccountRow>.ReadAsync(ordered.ThenBy(j => j.user.Id).Select(j =>
            new AccountRow(j.user.Id, j.user.DisplayName, j.user.Email, j.Name, j.user.IsDisabled, j.user.LockoutEnd, j.user.TwoFactorEnabled)), PageNumber, PageSize, ct);

        var ids = Accounts.Items.Select(a => a.Id).ToList();
        var roles = await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            where ids.Contains(userRole.UserId)
            select new { userRole.UserId, role.Name }).ToListAsync(ct);
        Roles = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key,
            g => BeaconRoles.All.Where(r => g.Any(x => x.Name == r)).Select(BeaconRoles.DisplayName).ToList());
    }

    /// <summary>Every account as CSV, by name: who can sign in, with which roles, for a review of access. The download is audited.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await audit.RecordAsync(Core.Audit.AuditAction.Exported, "Accounts", "-", null, "Downloaded every account as CSV", ct);
        var rows = from user in db.Users.AsNoTracking()
                   join organisation in db.Organisations on user.OrganisationId equals organisation.Id
                   orderby user.DisplayName, user.Email, user.Id
                   select new
                   {
                       Account = new AccountRow(user.Id, user.DisplayName, user.Email, organisation.Name, user.IsDisabled, user.LockoutEnd, user.TwoFactorEnabled),
                       Roles = (from userRole in db.UserRoles where userRole.UserId == user.Id join role in db.Roles on userRole.RoleId equals role.Id
                                orderby role.Name select role.Name).ToList(),
                   };
        return await Infrastructure.Web.CsvDownload.WriteAsync(Response, $"accounts-{DateTime.UtcNow:yyyy-MM-dd}.csv",
        [
            new("Name", a => a.Account.DisplayName),
            new("Email", a => a.Account.Email),
            new("Organisation", a => a.Account.Organisation),
            new("Roles", a => string.Join("; ", BeaconRoles.All.Where(r => a.Roles.Contains(r)).Select(BeaconRoles.DisplayName))),
            new("Status", a => StatusOf(a.Account).Text),
            new("Two-factor", a => a.Account.TwoFactorEnabled ? "On" : "Off"),
        ], rows.AsSplitQuery().AsAsyncEnumerable(), ct);
    }

    public IEnumerable<SelectListItem> OrganisationItems() =>
        new[] { new SelectListItem("All organisations", "") }.Concat(Organisations.Select(o => new SelectListItem(o.Name, o.Id.ToString())));

    public static IEnumerable<SelectListItem> StateItems() => GovUkChoices.Of<AccountState>("Any status");
    public static IEnumerable<SelectListItem> OrderItems() => GovUkChoices.Of<AccountsOrder>();

    /// <summary>Whether any filter narrows the list (so "no accounts" says so, and offers to clear it).</summary>
    public bool Filtered => !string.IsNullOrWhiteSpace(Search) || Organisation is not null || State is not null;

    public AccountStatus StatusOf(AccountRow account) => AccountStatus.Of(account.IsDisabled, account.LockoutEnd, clock.GetUtcNow());
}

/// <summary>What an administrator needs to know first about an account: can it sign in?</summary>
public sealed record AccountStatus(string Text, string TagClass)
{
    public static readonly AccountStatus Active = new("Active", "govuk-tag--green");
    public static readonly AccountStatus Disabled = new("Disabled", "govuk-tag--grey");
    public static readonly AccountStatus Locked = new("Locked", "govuk-tag--red");

    public static AccountStatus Of(bool isDisabled, DateTimeOffset? lockoutEnd, DateTimeOffset now) =>
        isDisabled ? Disabled : lockoutEnd > now ? Locked : Active;
}
