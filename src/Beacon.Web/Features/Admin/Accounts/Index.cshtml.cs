using Beacon.Core.Access;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Admin.Accounts;

/// <summary>Every account, by name, a page at a time.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(BeaconDbContext db, TimeProvider clock, Infrastructure.Auditing.AuditTrail audit) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public Paged<AccountRow> Accounts { get; private set; } = default!;
    public IReadOnlyDictionary<string, List<string>> Roles { get; private set; } = new Dictionary<string, List<string>>();

    public sealed record AccountRow(string Id, string DisplayName, string? Email, string Organisation, bool IsDisabled, DateTimeOffset? LockoutEnd, bool TwoFactorEnabled);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var accounts =
            from user in db.Users
            join organisation in db.Organisations on user.OrganisationId equals organisation.Id
            orderby user.DisplayName, user.Email
            select new AccountRow(user.Id, user.DisplayName, user.Email, organisation.Name, user.IsDisabled, user.LockoutEnd, user.TwoFactorEnabled);
        Accounts = await Paged<AccountRow>.ReadAsync(accounts, PageNumber, PageSize, ct);

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
