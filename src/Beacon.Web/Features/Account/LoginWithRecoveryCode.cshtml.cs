using System.ComponentModel.DataAnnotations;
using Beacon.Core.Audit;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Account;

/// <summary>The second step of sign-in without the authenticator app: one of the recovery codes, each good once.</summary>
public sealed class LoginWithRecoveryCodeModel(SignInManager<BeaconUser> signIn, UserManager<BeaconUser> users, AuditTrail audit, SignInThrottle throttle) : PageModel
{
    [BindProperty] public RecoveryCodeInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class RecoveryCodeInput
    {
        [Required(ErrorMessage = "Enter a recovery code"), StringLength(40)]
        public string RecoveryCode { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("Login");
        if (!ModelState.IsValid) return Page();
        if (throttle.IsBlocked(HttpContext))
        {
            ModelState.AddModelError("", SignInThrottle.Message);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Normalise(Input.RecoveryCode));
        if (result.Succeeded)
        {
            var left = await users.CountRecoveryCodesAsync(user);
            await audit.RecordAsync(AuditAction.SignedIn, "Account", user.Id, null, $"{user.Email} signed in with a recovery code ({left} left)", ct);
            return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
        }
        throttle.RecordFailure(HttpContext);
        await audit.RecordAsync(AuditAction.SignInFailed, "Account", user.Id, null, $"Wrong or used recovery code for {user.Email}", ct);
        ModelState.AddModelError("Input.RecoveryCode",
            result.IsNotAllowed ? LoginModel.DisabledMessage
            : result.IsLockedOut ? "This account is locked after too many failed attempts. Try again in 15 minutes."
            : "That recovery code is not correct, or it has already been used");
        return Page();
    }

    /// <summary>Identity's codes look like <c>ABCDE-FGHJK</c>: accept them in any case, with or without spaces and the dash.</summary>
    internal static string Normalise(string code)
    {
        var plain = new string(code.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return plain.Length == 10 ? $"{plain[..5]}-{plain[5..]}" : code.Trim();
    }
}
