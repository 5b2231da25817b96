using Beacon.Core.Access;
using Beacon.Core.Children;
using Beacon.Core.Common;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Children;

/// <summary>What the add and change pages share: the input, the choices they offer, and making a new record.</summary>
public abstract class ChildFormModel(BeaconDbContext db, ChildOrganisations organisations, TimeProvider clock) : PageModel
{
    [BindProperty] public ChildInput Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> KeyWorkerItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OrganisationItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> AreaItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> HostAreaItems { get; private set; } = [];
    /// <summary>The responsible area is chosen when the record is made; the change page shows it.</summary>
    public virtual bool AsksResponsibleArea => true;
    /// <summary>
    /// May this person set looked-after status, placement and the organisations involved? Anyone recording a new
    /// child may; on an existing record only the responsible authority's social care may.
    /// </summary>
    public bool ManagesCare { get; protected set; } = true;

    protected BeaconDbContext Db => db;
    protected ChildOrganisations Organisations => organisations;
    // Dates of birth and moves are English calendar dates, so "today" is the date in England, not in UTC.
    protected DateOnly Today => Core.Timescales.UkTime.ToUkDate(clock.GetUtcNow().UtcDateTime);
    protected DateTime Now => clock.GetUtcNow().UtcDateTime;

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        var practitioners = await (from person in db.People()
                                   join userRole in db.UserRoles on person.Id equals userRole.UserId
                                   join role in db.Roles on userRole.RoleId equals role.Id
                                   where BeaconRoles.Practitioners.Contains(role.Name!)
                                   select new { person.Id, person.DisplayName, person.OrganisationName }).Distinct().ToListAsync(ct);
        KeyWorkerItems = [new SelectListItem("No key worker yet", ""), .. practitioners.OrderBy(p => p.DisplayName)
            .Select(p => new SelectListItem($"{p.DisplayName} ({p.OrganisationName})", p.Id))];
        OrganisationItems = await organisations.InvolvementChoicesAsync(ct);
        AreaItems = await organisations.AreaChoicesAsync("Select the local authority", ct);
        HostAreaItems = await organisations.AreaChoicesAsync("An area not using Beacon (nobody is told)", ct);
        // Someone whose organisation serves one area is almost always recording a child of that area.
        var actor = User.ToActor();
        if (Input.ResponsibleAreaId is null && actor.AreaIds.Count == 1) Input.ResponsibleAreaId = actor.AreaIds[0];
    }

    /// <summary>Checks what the form refers to (key worker, areas) is real: a forged id is refused, not stored.</summary>
    protected async Task CheckReferencesAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Input.KeyWorkerUserId) && !await db.Users.AnyAsync(u => u.Id == Input.KeyWorkerUserId, ct))
            ModelState.AddModelError("Input.KeyWorkerUserId", "Select a key worker from the list");
        if (AsksResponsibleArea && (Input.ResponsibleAreaId is not { } area || !await organisations.AreaExistsAsync(area, ct)))
            ModelState.AddModelError("Input.ResponsibleAreaId", "Select the local authority responsible for the child");
        if (Input.PlacedOutOfArea && Input.HostAreaId is { } host && !await organisations.AreaExistsAsync(host, ct))
            ModelState.AddModelError("Input.HostAreaId", "Select the area the child is placed in from the list");
    }

    /// <summary>
    /// A new record from the form: the responsible area, the creator's organisation and those ticked are involved,
    /// and a host area of an out-of-area placement is told. Added to the context, not yet saved.
    /// </summary>
    protected async Task<Child> NewChildAsync(ChildDetails details, Actor actor, CancellationToken ct)
    {
        var child = Child.Create(details, Input.ResponsibleAreaId ?? Guid.Empty, actor, Today, Now);
        await organisations.ApplyTickedAsync(child, Input.Organisations, Now, endUnticked: false, ct);
        await organisations.InformHostAreaAsync(child, hostAreaBefore: null, Now, ct);
        return child;
    }

    /// <summary>Puts a domain refusal beside the field it concerns.</summary>
    protected void AddRefusal(DomainRuleViolation rule, Func<string, string?>? fieldFor = null) =>
        ModelState.AddModelError(rule.Field is null ? "" : fieldFor?.Invoke(rule.Field) ?? $"Input.{rule.Field}", rule.Message);
}
