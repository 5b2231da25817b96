using Beacon.Core.Audit;
using Beacon.Core.Children;
using Beacon.Core.Common;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Children;

/// <summary>Team managers restrict a record to named people and choose who they are.</summary>
public sealed class AccessModel(ChildRecords records, BeaconDbContext db, AuditTrail audit, AccountActors accounts, TimeProvider clock) : PageModel
{
    public Child? Child { get; private set; }
    public IReadOnlyList<NamedPerson> Named { get; private set; } = [];
    [BindProperty] public string? Email { get; set; }

    public sealed record NamedPerson(string UserId, string DisplayName, string? Email);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (child, refusal) = await records.LoadAsync(id, User, ChildOperations.ManageAccess, ct);
        if (refusal is not null) return refusal;
        await audit.RecordViewAsync(child!, "who may see the record", ct);
        return await ShowAsync(child!, ct);
    }

    public Task<IActionResult> OnPostRestrictAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, child => child.Restrict(User.ToActor().UserId, Now), "Record restricted to the people named", ct);

    public Task<IActionResult> OnPostUnrestrictAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, child => child.Unrestrict(), "Restriction removed", ct);

    public async Task<IActionResult> OnPostGrantAsync(Guid id, CancellationToken ct)
    {
        var email = (Email ?? "").Trim();
        var user = email.Length == 0 ? null : await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), ct);
        var grantee = user is null ? null : await accounts.ActorAsync(user.Id, ct);
        return await ChangeAsync(id, child =>
        {
            if (email.Length == 0) throw new DomainRuleViolation("Enter the email address of the person to name", nameof(Email));
            if (grantee is null) throw new DomainRuleViolation("There is no Beacon account with that email address", nameof(Email));
            child.GrantAccess(grantee, User.ToActor().UserId, Now);
        }, $"{user?.DisplayName} can now see this record", ct);
    }

    public Task<IActionResult> OnPostRevokeAsync(Guid id, string userId, CancellationToken ct) =>
        ChangeAsync(id, child => child.RevokeAccess(userId, Now), "Person removed from the record", ct);

    private async Task<IActionResult> ChangeAsync(Guid id, Action<Child> change, string done, CancellationToken ct)
    {
        ModelState.Clear();
        var (child, refusal) = await records.LoadAsync(id, User, ChildOperations.ManageAccess, ct);
        if (refusal is not null) return refusal;
        try
        {
            change(child!);
            await db.SaveChangesAsync(ct);
            TempData["Saved"] = done;
            // After restricting, the manager is named, so they can still see the page.
            return Redirect($"/Children/{id}/Access");
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(rule.Field == "Grantee" ? nameof(Email) : rule.Field ?? "", rule.Message);
            return await ShowAsync(child!, ct);
        }
    }

    private async Task<IActionResult> ShowAsync(Child child, CancellationToken ct)
    {
        Child = child;
        var ids = child.AccessGrants.Where(g => g.RevokedAtUtc is null).Select(g => g.UserId).ToList();
        Named = await db.Users.Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new NamedPerson(u.Id, u.DisplayName, u.Email)).ToListAsync(ct);
        return Page();
    }
}
