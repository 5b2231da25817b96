using Beacon.Core.Actions;
using Beacon.Core.Common;
using Beacon.Core.Panel;
using Beacon.Web.Features.Actions;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Panel;

/// <summary>One child at a panel meeting: the chair records the discussion and decisions, and the actions set, each with an owner and a date.</summary>
[Authorize(Policy = Policies.PanelChair)]
public sealed class MeetingItemModel(PanelMeetings meetings, PanelLists lists, AgreedActions actions, BeaconDbContext db, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [FromRoute] public Guid ItemId { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Discussion { get; set; }
    [BindProperty] public string? Decisions { get; set; }
    [BindProperty] public string? ActionDescription { get; set; }
    [BindProperty] public string? ActionOwner { get; set; }
    [BindProperty] public DateInput ActionDueOn { get; set; } = new();
    public PanelMeeting? Meeting { get; private set; }
    public PanelAgendaItem? Item { get; private set; }
    public string ChildName { get; private set; } = "";
    public IReadOnlyList<ActionRow> Actions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OwnerItems { get; private set; } = [];
    /// <summary>The child, loaded and access-checked once per request.</summary>
    private Core.Children.Child? _child;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? await ShowAsync(fill: true, ct);

    public async Task<IActionResult> OnPostDiscussionAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(ct) is { } refusal) return refusal;
        try
        {
            db.Entry(Meeting!).Property(m => m.Version).OriginalValue = Version;
            db.Entry(Meeting!).State = EntityState.Modified;
            Meeting!.RecordDiscussion(ItemId, Discussion, Decisions, User.ToActor().UserId, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            TempData["Saved"] = Meeting.IsQuorate ? "Discussion and decisions recorded" : "Discussion recorded; the decisions are provisional (the meeting is not quorate)";
            return Redirect($"/Panel/Meetings/{Id}/Items/{ItemId}");
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(rule.Field switch { nameof(PanelAgendaItem.Discussion) => nameof(Discussion), nameof(PanelAgendaItem.Decisions) => nameof(Decisions), _ => "" }, rule.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else changed this meeting since you opened it. Nothing has been saved.");
        }
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return await ShowAsync(fill: false, ct);
    }

    public async Task<IActionResult> OnPostActionAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(ct) is { } refusal) return refusal;
        var owners = await actions.PossibleOwnersAsync(_child!, User.ToActor().OrganisationId, ct);
        var owner = owners.FirstOrDefault(o => o.UserId == ActionOwner);
        if (owner.UserId is null) ModelState.AddModelError(nameof(ActionOwner), "Choose who will do it from the list");
        if (Meeting!.IsClosed) ModelState.AddModelError("", "The minutes of this meeting have been issued, so its record is closed. Set new actions at the next meeting.");
        DateOnly? due = null;
        if (ActionDueOn.TryRead("date it is due", out var d, out var error)) due = d;
        else ModelState.AddModelError(nameof(ActionDueOn), error);
        if (ModelState.IsValid)
        {
            try
            {
                db.Add(AgreedAction.Agree(Item!.ChildId, null, ActionSource.Panel, ActionDescription, owner.UserId, owner.OrganisationId, due,
                    User.ToActor().UserId, clock.GetUtcNow().UtcDateTime, Meeting!.Id));
                await db.SaveChangesAsync(ct);
                TempData["Saved"] = "Action set. It is on its owner's work list until done.";
                return Redirect($"/Panel/Meetings/{Id}/Items/{ItemId}");
            }
            catch (DomainRuleViolation rule)
            {
                ModelState.AddModelError(rule.Field switch { nameof(AgreedAction.Description) => nameof(ActionDescription), nameof(AgreedAction.DueOn) => nameof(ActionDueOn), _ => nameof(ActionOwner) }, rule.Message);
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return await ShowAsync(fill: false, ct);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Meeting = await meetings.LoadAsync(Id, ct);
        Item = Meeting?.Items.SingleOrDefault(i => i.Id == ItemId);
        if (Meeting is null || Item is null) return NotFound();
        var actor = User.ToActor();
        if (actor.OrganisationId != Meeting.OrganisationId) return NotFound();
        var (child, refusal) = await lists.LoadChildAsync(Item.ChildId, User, PanelOperations.Chair, ct);
        if (refusal is not null) return refusal;
        _child = child;
        ChildName = child!.FullName;
        return null;
    }

    private async Task<IActionResult> ShowAsync(bool fill, CancellationToken ct)
    {
        Version = Meeting!.Version;
        if (fill) { Discussion = Item!.Discussion; Decisions = Item.Decisions; }
        // One child's actions outside any case: a handful, filtered here.
        Actions = (await actions.Rows(Item!.ChildId, null).ToListAsync(ct)).Where(a => a.Source == ActionSource.Panel).ToList();
        OwnerItems = [new SelectListItem("Choose who will do it", ""), .. (await actions.PossibleOwnersAsync(_child!, User.ToActor().OrganisationId, ct))
            .Select(o => new SelectListItem(o.Label, o.UserId))];
        return Page();
    }
}
