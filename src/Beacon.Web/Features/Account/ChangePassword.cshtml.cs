using System.ComponentModel.DataAnnotations;
using Beacon.Core.Audit;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Account;

/// <summary>
/// A signed-in person changes their own password. Identity changes the security stamp, so the person's other
/// sessions end; this one is signed in again.
/// </summary>
public sealed class ChangePasswordModel(UserManager<BeaconUser> users, SignInManager<BeaconUser> signIn, AuditTrail audit) : PageModel
{
    [BindProperty] public PasswordInput Input { get; set; } = new();

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Enter your current password"), StringLength(256)]
        public string CurrentPassword { get; set; } = "";
        [Required(ErrorMessage = "Enter a new password"), StringLength(256)]
        public string NewPassword { get; set; } = "";
        [Required(ErrorMessage = "Confirm your new password"), Compare(nameof(NewPassword), ErrorMessage = "The passwords do not match"), StringLength(256)]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid) return Page();
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, passwordField: "Input.NewPassword", currentPasswordField: "Input.CurrentPassword");
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditAction.PasswordChanged, "Account", user.Id, null, $"{user.Email} changed their password", ct);
        TempData["Saved"] = "Your password has been changed";
        return RedirectToPage();
    }
}
