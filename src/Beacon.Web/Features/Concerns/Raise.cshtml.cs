using Beacon.Core.Common;
using Beacon.Core.Whistleblowing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Beacon.Web.Features.Concerns;

/// <summary>
/// Raise a confidential concern about practice: anyone, signed in or not, anonymously unless a signed-in person
/// chooses to give their name. It goes to the board's independent chair. The raiser is given a reference and a
/// passphrase, once, to follow it up.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ConcernServices.RateLimit)]
public sealed class RaiseModel(BeaconDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public string? What { get; set; }
    [BindProperty] public string? About { get; set; }
    [BindProperty] public bool GiveMyName { get; set; }
    /// <summary>Left empty by people; filled by form-filling robots, whose posts are then quietly dropped.</summary>
    [BindProperty] public string? Website { get; set; }

    public string? Reference { get; private set; }
    public string? Passphrase { get; private set; }
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public void OnGet()
    {
        NoStore();
        // Shown once, after the redirect: the encrypted, one-read TempData cookie carries them, and is then gone.
        if (TempData["ConcernReference"] is string reference && TempData["ConcernPassphrase"] is string passphrase)
            (Reference, Passphrase) = (reference, passphrase);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        NoStore();
        ModelState.Clear();
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var (concern, passphrase) = ConfidentialConcern.Raise(What, About, SignedIn && GiveMyName ? User.ToActor().UserId : null, now);
            if (string.IsNullOrEmpty(Website))
            {
                db.Add(concern);
                await db.SaveChangesAsync(ct);
            }
            TempData["ConcernReference"] = concern.Reference;
            TempData["ConcernPassphrase"] = passphrase;
            return Redirect("/Concerns/Raise");
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(rule.Field == nameof(ConfidentialConcern.About) ? nameof(About) : nameof(What), rule.Message);
        }
        return Page();
    }

    // The reference and passphrase are shown once and must not be kept by a browser or a proxy.
    private void NoStore() => Response.Headers.CacheControl = "no-store";
}
