using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.Organisations;
using Beacon.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Admin.Organisations;

/// <summary>
/// The local authority areas Beacon serves and the organisations people work for. Administrators add them here
/// (a new school, a GP practice, a neighbouring authority); none is ever deleted. Changes are audited like any record.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(BeaconDbContext db) : PageModel
{
    public sealed record Row(string Name, Agency Kind, string Areas, int People);

    [BindProperty] public string? AreaName { get; set; }
    [BindProperty] public string? OrganisationName { get; set; }
    [BindProperty] public Agency? Kind { get; set; }
    [BindProperty] public List<Guid> AreaIds { get; set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Areas { get; private set; } = [];
    public IReadOnlyList<Row> Organisations { get; private set; } = [];
    public IEnumerable<SelectListItem> AreaItems => Areas.Select(a => new SelectListItem(a.Name, a.Id.ToString()));
    public static IEnumerable<SelectListItem> KindItems() => Enum.GetValues<Agency>().Select(k => new SelectListItem(k.Name(), k.ToString()));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAreaAsync(CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            var area = Area.Create(AreaName ?? "");
            if (await db.Areas.AnyAsync(a => a.Name.ToLower() == area.Name.ToLower(), ct))
                throw new DomainRuleViolation($"There is already an area called {area.Name}", "Name");
            db.Areas.Add(area);
            await db.SaveChangesAsync(ct);
            TempData["Saved"] = $"Area {area.Name} added";
            return Redirect("/Admin/Organisations");
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(nameof(AreaName), rule.Message);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostOrganisationAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (Kind is null) ModelState.AddModelError(nameof(Kind), "Select the kind of organisation");
        var known = await db.Areas.Where(a => AreaIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        if (known.Count != AreaIds.Distinct().Count()) ModelState.AddModelError(nameof(AreaIds), "Select areas from the list");
        if (ModelState.IsValid)
        {
            try
            {
                var organisation = Organisation.Create(OrganisationName ?? "", Kind!.Value, known);
                if (await db.Organisations.AnyAsync(o => o.Name.ToLower() == organisation.Name.ToLower(), ct))
                    throw new DomainRuleViolation($"There is already an organisation called {organisation.Name}", "Name");
                // An area has one local authority, so one Children's Social Care: its front door and its children.
                if (organisation.Kind == Agency.ChildrensSocialCare
                    && await db.Organisations.Where(o => o.Kind == Agency.ChildrensSocialCare).AnyAsync(o => o.Areas.Any(a => known.Contains(a.AreaId)), ct))
                    throw new DomainRuleViolation("That area already has its Children's Social Care", "Areas");
                db.Organisations.Add(organisation);
                await db.SaveChangesAsync(ct);
                TempData["Saved"] = $"{organisation.Name} added: its people can now be given accounts";
                return Redirect("/Admin/Organisations");
            }
            catch (DomainRuleViolation rule)
            {
                ModelState.AddModelError(rule.Field switch { "Areas" => nameof(AreaIds), "Kind" => nameof(Kind), _ => nameof(OrganisationName) }, rule.Message);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Areas = (await db.Areas.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct)).Select(a => (a.Id, a.Name)).ToList();
        var names = Areas.ToDictionary(a => a.Id, a => a.Name);
        var organisations = await db.Organisations.AsNoTracking().Include(o => o.Areas).OrderBy(o => o.Kind).ThenBy(o => o.Name).ToListAsync(ct);
        var people = await db.Users.GroupBy(u => u.OrganisationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Organisations = organisations.Select(o => new Row(o.Name, o.Kind, string.Join(", ", o.AreaIds.Select(a => names.GetValueOrDefault(a, "?")).Order()),
            people.GetValueOrDefault(o.Id))).ToList();
    }
}
