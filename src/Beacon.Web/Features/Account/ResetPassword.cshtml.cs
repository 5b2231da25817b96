using System.ComponentModel.DataAnnotations;
using Beacon.Core.Audit;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Account;

/// <summary>
/// Sets a password from an emailed link (a new account's first password, or a forgotten one). Resetting a password
/// never re-enables a disabled account or clears a lockout.
/// </summary>
public sealed class ResetPasswordModel(UserManager<BeaconUser> users, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public PasswordInput Input { get; set; } = new();
    public bool LinkValid { get; private set; }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Enter a new password"), StringLength(256)]
        public string NewPassword { get; set; } = "";
        [Required(ErrorMessage = "Confirm your new password"), Compare(nameof(NewPassword), ErrorMessage = "The passwords do not match"), StringLength(256)]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task OnGetAsync()
    {
        var (user, token) = await ReadLinkAsync();
        LinkValid = user is not null && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
            UserManager<BeaconUser>.ResetPasswordTokenPurpose, token!);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (user, token) = await ReadLinkAsync();
        LinkValid = user is not null;
        if (user is null || !ModelState.IsValid) return Page();
        // Using the emailed link shows the address is theirs; saved with the new password.
        user.EmailConfirmed = true;
        var result = await users.ResetPasswordAsync(user, token!, Input.NewPassword);
        if (!result.Succeeded)
        {
            LinkValid = !result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            if (LinkValid) ModelState.AddIdentityErrors(result, passwordField: "Input.NewPassword");
            return Page();
        }
        await audit.RecordAsync(AuditAction.PasswordReset, "Account", user.Id, null, $"{user.Email} set a new password using an emailed link", ct);
        TempData["Saved"] = "Your password has been set. Sign in with your new password.";
        return RedirectToPage("Login");
    }

    private async Task<(BeaconUser? User, string? Token)> ReadLinkAsync()
    {
        var token = PasswordEmails.TokenFrom(Code);
        var user = token is null || string.IsNullOrEmpty(UserId) ? null : await users.FindByIdAsync(UserId);
        return (user, token);
    }
}
