using Beacon.Core.Common;
using Beacon.Core.Panel;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Panel;

/// <summary>The chair adds a child the list's own rule does not (yet) put on it, saying why.</summary>
public sealed class AddModel(PanelLists lists, BeaconDbContext db) : PageModel
{
    [FromRoute] public Guid ChildId { get; set; }
    [BindProperty] public string? Because { get; set; }
    public string ChildName { get; private set; } = "";
    public bool AlreadyListed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(ct) is { } refusal) return refusal;
        if (AlreadyListed) return Page();
        try
        {
            db.Add(PanelListing.AddedByChair(ChildId, Because, User.ToActor().UserId, lists.Now));
            await db.SaveChangesAsync(ct);
            TempData["Saved"] = $"{ChildName} added to the panel's list";
            return Redirect("/Panel");
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(nameof(Because), rule.Message);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            ModelState.AddModelError("", $"{ChildName} has just been put on the list by someone else. Nothing more has been saved.");
        }
        db.ChangeTracker.Clear();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var (child, refusal) = await lists.LoadChildAsync(ChildId, User, PanelOperations.Chair, ct);
        if (refusal is not null) return refusal;
        ChildName = child!.FullName;
        AlreadyListed = await lists.List(User.ToActor()).AnyAsync(r => r.ChildId == ChildId, ct);
        if (AlreadyListed) ModelState.AddModelError("", $"{ChildName} is already on the panel's list.");
        return null;
    }
}
