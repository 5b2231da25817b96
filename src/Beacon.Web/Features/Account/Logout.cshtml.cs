using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Account;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<BeaconUser> signIn, UserManager<BeaconUser> users) : PageModel
{
    public void OnGet() { }

    /// <summary>
    /// Signing out ends every session of the person, not only this browser's: a copied cookie stops working too
    /// (the security stamp it carries no longer matches).
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user)
            await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return RedirectToPage();
    }
}
