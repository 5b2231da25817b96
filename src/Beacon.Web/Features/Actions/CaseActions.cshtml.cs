using Beacon.Core.Access;
using Beacon.Core.Actions;
using Beacon.Core.Cases;
using Beacon.Core.Children;
using Beacon.Core.Common;
using Beacon.Web.Features.Cases;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Actions;

/// <summary>
/// A case's agreed actions: who does what by when, from the strategy discussion, the conferences, the plan and the
/// core group. The social care team running the case agrees them; each owner marks theirs done, with evidence.
/// </summary>
public sealed class CaseActionsModel(CaseRecords records, AgreedActions actions, BeaconDbContext db, IAuthorizationService authorization,
    AuditTrail audit, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public AgreeInput Input { get; set; } = new();

    public sealed class AgreeInput
    {
        public ActionSource? Source { get; set; }
        public string? Description { get; set; }
        public string? Owner { get; set; }
        public DateInput DueOn { get; set; } = new();
    }

    public Case? Case { get; private set; }
    public Child? Child { get; private set; }
    public IReadOnlyList<ActionRow> Rows { get; private set; } = [];
    /// <summary>Actions the panel agreed for the child, outside any case: shown beside the case's, so none is missed here.</summary>
    public IReadOnlyList<ActionRow> PanelRows { get; private set; } = [];
    public bool MayAgree { get; private set; }
    public IReadOnlySet<Guid> MayMarkDone { get; private set; } = new HashSet<Guid>();
    public IReadOnlyList<SelectListItem> OwnerItems { get; private set; } = [];
    public DateOnly Today => Core.Timescales.UkTime.ToUkDate(clock.GetUtcNow().UtcDateTime);

    public static IEnumerable<SelectListItem> SourceItems() =>
        Enum.GetValues<ActionSource>().Where(s => s != ActionSource.Panel).Select(s => new SelectListItem(s.Name(), s.ToString()));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (@case, child, refusal) = await records.LoadCaseAsync(Id, User, CaseOperations.View, ct);
        if (refusal is not null) return refusal;
        await audit.RecordViewAsync(child!, "case's agreed actions", ct);
        return await ShowAsync(@case!, child!, ct);
    }

    public async Task<IActionResult> OnPostAgreeAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (@case, child, refusal) = await records.LoadCaseAsync(Id, User, CaseOperations.View, ct);
        if (refusal is not null) return refusal;
        if (!await MayAsync(child!, null, AgreedActionOperations.Agree)) return Forbid();
        if (@case!.IsClosed) ModelState.AddModelError("", "The case is closed: no new actions can be agreed on it.");
        if (Input.Source is null) ModelState.AddModelError("Input.Source", "Choose where the action was agreed");
        DateOnly? due = null;
        if (Input.DueOn.TryRead("date it is due", out var d, out var dateError)) due = d;
        else ModelState.AddModelError("Input.DueOn", dateError);
        var owners = await actions.PossibleOwnersAsync(child!, User.ToActor().OrganisationId, ct);
        var owner = owners.FirstOrDefault(o => o.UserId == Input.Owner);
        if (owner.UserId is null) ModelState.AddModelError("Input.Owner", "Choose who will do it from the list");
        if (!ModelState.IsValid) return await ShowAsync(@case, child!, ct);
        try
        {
            db.Add(AgreedAction.Agree(child!.Id, @case.Id, Input.Source!.Value, Input.Description, owner.UserId, owner.OrganisationId, due,
                User.ToActor().UserId, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
            TempData["Saved"] = "Action agreed. It is on its owner's work list until it is done.";
            return Redirect($"/Cases/{Id}/Actions");
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(rule.Field switch
            {
                nameof(AgreedAction.Description) => "Input.Description",
                nameof(AgreedAction.DueOn) => "Input.DueOn",
                nameof(AgreedAction.OwnerUserId) => "Input.Owner",
                nameof(AgreedAction.Source) => "Input.Source",
                _ => "",
            }, rule.Message);
            return await ShowAsync(@case, child!, ct);
        }
    }

    private async Task<bool> MayAsync(Child child, AgreedAction? action, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(User, new OnChild<AgreedAction?>(child, action), operation)).Succeeded;

    private async Task<IActionResult> ShowAsync(Case @case, Child child, CancellationToken ct)
    {
        Case = @case;
        Child = child;
        Rows = await actions.Rows(child.Id, @case.Id).ToListAsync(ct);
        PanelRows = await actions.Rows(child.Id, null).ToListAsync(ct);
        MayAgree = !@case.IsClosed && await MayAsync(child, null, AgreedActionOperations.Agree);
        var actor = User.ToActor();
        var teamMayMarkDone = await MayAsync(child, null, AgreedActionOperations.MarkDone);
        MayMarkDone = Rows.Where(r => r.DoneOn is null && (teamMayMarkDone || r.OwnerUserId == actor.UserId)).Select(r => r.Id).ToHashSet();
        if (MayAgree)
            OwnerItems = [new SelectListItem("Choose who will do it", ""), .. (await actions.PossibleOwnersAsync(child, actor.OrganisationId, ct))
                .Select(o => new SelectListItem(o.Label, o.UserId))];
        return Page();
    }
}
