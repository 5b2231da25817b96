using Beacon.Core.Common;
using Beacon.Core.Panel;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Panel;

/// <summary>Propose that a child leaves the panel's list: a reason category and a written rationale, for the chair to decide.</summary>
public sealed class RemoveModel(PanelLists lists, BeaconDbContext db) : PageModel
{
    [FromRoute] public Guid ChildId { get; set; }
    [BindProperty] public RemovalCategory? Category { get; set; }
    [BindProperty] public string? Rationale { get; set; }
    public string ChildName { get; private set; } = "";
    public PanelListing? Listing { get; private set; }

    public static IEnumerable<SelectListItem> CategoryItems() =>
        Enum.GetValues<RemovalCategory>().Select(c => new SelectListItem(c.Name(), c.ToString()));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(ct) is { } refusal) return refusal;
        try
        {
            Listing!.ProposeRemoval(Category, Rationale, User.ToActor().UserId, await lists.CurrentLevelAsync(ChildId, ct), lists.Now);
            await db.SaveChangesAsync(ct);
            TempData["Saved"] = $"Removal of {ChildName} proposed. The chair decides; until then the child stays on the list.";
            return Redirect("/Panel");
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(rule.Field switch
            {
                nameof(PanelListing.RemovalCategory) => nameof(Category),
                nameof(PanelListing.RemovalRationale) => nameof(Rationale),
                _ => "",
            }, rule.Message);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation() || error is DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else acted on this child's listing at the same moment. Nothing has been saved: check the list and try again.");
        }
        db.ChangeTracker.Clear();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var (child, refusal) = await lists.LoadChildAsync(ChildId, User, PanelOperations.ProposeRemoval, ct);
        if (refusal is not null) return refusal;
        ChildName = child!.FullName;
        Listing = await lists.CurrentListingAsync(ChildId, ct);
        if (Listing is null) return NotFound();
        return null;
    }
}
