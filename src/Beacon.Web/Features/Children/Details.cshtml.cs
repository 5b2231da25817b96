using Beacon.Core.Children;
using Beacon.Core.Common;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Children;

public sealed class DetailsModel(ChildRecords records, ChildRecordSections sections, ChildSummaries summaries, BeaconDbContext db, AuditTrail audit, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public Child? Child { get; private set; }
    public ChildSummary? Summary { get; private set; }
    /// <summary>Each capability's part of the record (case, referrals, risk, missing, panel …), in page order.</summary>
    public IReadOnlyList<ChildRecordSection> Sections { get; private set; } = [];
    public bool MayEdit { get; private set; }
    public bool MayManageAccess { get; private set; }
    public bool MayViewHistory { get; private set; }
    [BindProperty] public string? NewAlias { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (child, refusal) = await records.LoadAsync(id, User, ChildOperations.View, ct);
        if (refusal is not null) return refusal;
        await audit.RecordViewAsync(child!, "child's record", ct);
        return await ShowAsync(child!, ct);
    }

    public async Task<IActionResult> OnPostAddAliasAsync(Guid id, CancellationToken ct) =>
        await ChangeAsync(id, child => child.AddAlias(NewAlias ?? "", Now), "Alias added", "NewAlias", ct);

    public async Task<IActionResult> OnPostWithdrawAliasAsync(Guid id, Guid aliasId, string? reason, CancellationToken ct) =>
        await ChangeAsync(id, child => child.WithdrawAlias(aliasId, reason ?? "", Now), "Alias withdrawn", "", ct);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<IActionResult> ChangeAsync(Guid id, Action<Child> change, string done, string errorKey, CancellationToken ct)
    {
        ModelState.Clear();
        var (child, refusal) = await records.LoadAsync(id, User, ChildOperations.Edit, ct);
        if (refusal is not null) return refusal;
        try
        {
            change(child!);
            await db.SaveChangesAsync(ct);
            TempData["Saved"] = done;
            return Redirect($"/Children/{id}");
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(errorKey, rule.Message);
            return await ShowAsync(child!, ct);
        }
    }

    private async Task<IActionResult> ShowAsync(Child child, CancellationToken ct)
    {
        Child = child;
        Summary = await summaries.ForAsync(child, ct);
        MayEdit = (await authorization.AuthorizeAsync(User, child, ChildOperations.Edit)).Succeeded;
        MayManageAccess = (await authorization.AuthorizeAsync(User, child, ChildOperations.ManageAccess)).Succeeded;
        MayViewHistory = (await authorization.AuthorizeAsync(User, child, ChildOperations.ViewAccessHistory)).Succeeded;
        Sections = await sections.ForAsync(new ChildRecordContext(child, User.ToActor(), MayEdit, Now), ct);
        return Page();
    }
}
