using Beacon.Core.Common;
using Beacon.Core.Whistleblowing;
using Beacon.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Concerns;

/// <summary>
/// The raiser follows up their concern with its reference and passphrase: reads the chair's messages and the outcome,
/// and replies, without an account and without saying who they are.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ConcernServices.RateLimit)]
public sealed class FollowModel(BeaconDbContext db, TimeProvider clock) : PageModel
{
    public const string NoMatch = "The reference and passphrase do not match a concern. Check them and try again; after several wrong tries, wait a quarter of an hour.";

    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Passphrase { get; set; }
    [BindProperty] public string? Reply { get; set; }
    public ConfidentialConcern? Concern { get; private set; }

    public void OnGet() => Response.Headers.CacheControl = "no-store";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        ModelState.Clear();
        await OpenAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        ModelState.Clear();
        if (!await OpenAsync(ct)) return Page();
        try
        {
            Concern!.Reply(Reply, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            Reply = null;
            ViewData["Saved"] = "Your reply has been sent to the independent chair";
        }
        catch (DomainRuleViolation rule) { ModelState.AddModelError(nameof(Reply), rule.Message); }
        return Page();
    }

    /// <summary>
    /// Opens the concern if the passphrase fits; a wrong one counts towards locking it, and says no more than that. An
    /// unknown reference takes the same time as a wrong passphrase. Guesses made at the same moment are each counted:
    /// a clash on the concern's version is retried against the fresh row.
    /// </summary>
    private async Task<bool> OpenAsync(CancellationToken ct)
    {
        var reference = ConfidentialConcern.NormaliseReference(Reference);
        ConfidentialConcern? concern = null;
        var opened = false;
        for (var attempt = 0; ; attempt++)
        {
            concern = reference.Length == 0 ? null
                : await db.Set<ConfidentialConcern>().Include("_messages").SingleOrDefaultAsync(c => c.Reference == reference, ct);
            if (concern is null) { ConfidentialConcern.CheckNothing(Passphrase); break; }
            opened = concern.Unlock(Passphrase, clock.GetUtcNow().UtcDateTime);
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                if (attempt < 5) continue;
                ModelState.AddModelError(nameof(Reference), NoMatch);
                return false;
            }
        }
        if (concern is null)
        {
            ModelState.AddModelError(nameof(Reference), NoMatch);
            return false;
        }
        if (!opened)
        {
            ModelState.AddModelError(nameof(Reference), NoMatch);
            return false;
        }
        Concern = concern;
        return true;
    }
}
