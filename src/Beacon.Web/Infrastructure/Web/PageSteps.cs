using Beacon.Core.Common;
using Beacon.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Infrastructure.Web;

/// <summary>
/// The act–save–or-show-refusal part of a page step, in one place: the domain's refusal goes beside its field, a
/// change someone else saved first (a version or a unique index) goes to the top, nothing is half-saved, and a saved
/// step leaves its message for the next page. The page loads and authorizes first, and redirects or shows itself after.
/// </summary>
public static class PageSteps
{
    /// <param name="step">The domain step; returns what the person is told when it is saved.</param>
    /// <param name="fieldOf">The form field a refusal's domain field belongs to ("" for the top of the page).</param>
    /// <param name="conflict">What to say when someone else changed the record first.</param>
    /// <returns>Whether the step was saved.</returns>
    public static async Task<bool> TrySaveAsync(this PageModel page, BeaconDbContext db, Func<Task<string>> step, Func<string?, string> fieldOf,
        string conflict, CancellationToken ct)
    {
        try
        {
            var done = await step();
            await db.SaveChangesAsync(ct);
            page.TempData["Saved"] = done;
            return true;
        }
        catch (DomainRuleViolation rule)
        {
            page.ModelState.AddModelError(fieldOf(rule.Field), rule.Message);
        }
        catch (DbUpdateException error) when (error is DbUpdateConcurrencyException || error.IsUniqueViolation())
        {
            page.ModelState.AddModelError("", conflict);
        }
        db.ChangeTracker.Clear();
        return false;
    }
}
