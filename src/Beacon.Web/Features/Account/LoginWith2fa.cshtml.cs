using System.ComponentModel.DataAnnotations;
using Beacon.Core.Audit;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Account;

public sealed class LoginWith2faModel(SignInManager<BeaconUser> signIn, AuditTrail audit, SignInThrottle throttle) : PageModel
{
    [BindProperty] public CodeInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Enter the security code"), RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The security code must be 6 numbers")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
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
        var code = Input.Code.Replace(" ", "");
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditAction.SignedIn, "Account", user.Id, null, $"{user.Email} signed in with two-factor");
            return LocalRedirect(LoginModel.SafeReturnUrl(ReturnUrl));
        }
        throttle.RecordFailure(HttpContext);
        await audit.RecordAsync(AuditAction.SignInFailed, "Account", user.Id, null,
            result.IsLockedOut ? $"{user.Email} is locked out after repeated wrong security codes" : $"Wrong or reused security code for {user.Email}");
        ModelState.AddModelError("Input.Code",
            result.IsNotAllowed ? LoginModel.DisabledMessage
            : result.IsLockedOut ? "This account is locked after too many failed attempts. Try again in 15 minutes."
            : "The security code is not correct. Check your authenticator app and try again.");
        return Page();
    }
}
