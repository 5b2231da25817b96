using Beacon.Core.Access;
using Beacon.Core.Actions;
using Beacon.Core.Common;
using Beacon.Web.Features.Cases;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Actions;

/// <summary>Mark one agreed action done, with the date and what shows it was done: its owner, or the team running the case.</summary>
public sealed class MarkDoneModel(CaseRecords records, AgreedActions actions, BeaconDbContext db, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [FromRoute] public Guid ActionId { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public DateInput DoneOn { get; set; } = new();
    [BindProperty] public string? Evidence { get; set; }
    public ActionRow? Action { get; private set; }
    public string ChildName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (action, refusal) = await LoadAsync(ct);
        if (refusal is not null) return refusal;
        Version = action!.Version;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (action, refusal) = await LoadAsync(ct);
        if (refusal is not null) return refusal;
        DateOnly? on = null;
        if (DoneOn.TryRead("date it was done", out var d, out var dateError)) on = d;
        else ModelState.AddModelError(nameof(DoneOn), dateError);
        try
        {
            if (ModelState.IsValid)
            {
                db.Entry(action!).Property(a => a.Version).OriginalValue = Version;
                action!.MarkDone(on, Evidence, User.ToActor().UserId, clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                TempData["Saved"] = "Action marked done";
                return Redirect($"/Cases/{Id}/Actions");
            }
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(rule.Field switch
            {
                nameof(AgreedAction.Evidence) => nameof(Evidence),
                nameof(AgreedAction.DoneOn) => nameof(DoneOn),
                _ => "",
            }, rule.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else changed this action since you opened it. Nothing has been saved: check it again.");
            db.ChangeTracker.Clear();
        }
        return await ShowAsync(ct);
    }

    private async Task<(AgreedAction? Action, IActionResult? Refusal)> LoadAsync(CancellationToken ct)
    {
        var (_, child, refusal) = await records.LoadCaseAsync(Id, User, CaseOperations.View, ct);
        if (refusal is not null) return (null, refusal);
        ChildName = child!.FullName;
        _childId = child.Id;
        var action = await db.Set<AgreedAction>().SingleOrDefaultAsync(a => a.Id == ActionId && a.CaseId == Id && a.ChildId == child.Id, ct);
        if (action is null) return (null, NotFound());
        if (!(await authorization.AuthorizeAsync(User, new OnChild<AgreedAction?>(child, action), AgreedActionOperations.MarkDone)).Succeeded)
            return (null, Forbid());
        if (action.IsDone) ModelState.AddModelError("", "This action has already been marked done.");
        return (action, null);
    }

    /// <summary>The action's child, from the access check in <see cref="LoadAsync"/> (the case is not loaded twice).</summary>
    private Guid _childId;

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Action = await actions.Rows(_childId, Id, ActionId).SingleOrDefaultAsync(ct);
        return Page();
    }
}
