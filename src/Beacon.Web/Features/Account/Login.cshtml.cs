using System.ComponentModel.DataAnnotations;
using Beacon.Core.Audit;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Account;

public sealed class LoginModel(SignInManager<BeaconUser> signIn, UserManager<BeaconUser> users, AuditTrail audit, SignInThrottle throttle) : PageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your email address"), EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org"), StringLength(256)]
        public string Email { get; set; } = "";
        [Required(ErrorMessage = "Enter your password"), StringLength(256)]
        public string Password { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        if (throttle.IsBlocked(HttpContext))
        {
            ModelState.AddModelError("", SignInThrottle.Message);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email);
        // An address with no account costs a password check too, so the time taken does not tell real accounts apart.
        if (user is null) users.PasswordHasher.VerifyHashedPassword(new BeaconUser(), NoAccountHash.Value, Input.Password);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
            return RedirectToPage("LoginWith2fa", new { ReturnUrl });
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditAction.SignedIn, "Account", user!.Id, null, $"{user.Email} signed in");
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }
        // A disabled account is refused before its password is checked (BeaconSignInManager), so guessing gains nothing.
        var disabled = result.IsNotAllowed && user is { IsDisabled: true };
        if (user is not null)
            await audit.RecordAsync(AuditAction.SignInFailed, "Account", user.Id, null,
                disabled ? $"{user.Email} tried to sign in to a disabled account"
                : result.IsLockedOut ? $"{user.Email} is locked out after repeated failed sign-ins" : $"Failed sign-in for {user.Email}");
        throttle.RecordFailure(HttpContext);
        // One answer for a wrong password, a made-up address, a locked and a disabled account: the page never
        // confirms that an account exists. What happened is in the audit log for administrators.
        ModelState.AddModelError("Input.Email", RefusedMessage);
        return Page();
    }

    /// <summary>For the two-factor step, where the password has already been proven.</summary>
    public const string DisabledMessage = "This account has been disabled. Ask your Beacon administrator if you need it again.";

    public const string RefusedMessage =
        "Enter a correct email address and password. After 5 wrong attempts an account is locked for 15 minutes; if you still cannot sign in, ask your Beacon administrator.";

    private static readonly Lazy<string> NoAccountHash = new(() => new PasswordHasher<BeaconUser>().HashPassword(new BeaconUser(), Guid.NewGuid().ToString()));

    /// <summary>Only paths on this site: a sign-in link must never bounce a user to someone else's page.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            && !returnUrl.Any(char.IsControl) ? returnUrl : "/";
}
