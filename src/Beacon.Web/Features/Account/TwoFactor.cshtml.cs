using System.ComponentModel.DataAnnotations;
using System.Text;
using Beacon.Core.Audit;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Features.Account;

/// <summary>Sets up TOTP two-factor sign-in with an authenticator app (Identity's built-in authenticator token provider).</summary>
public sealed class TwoFactorModel(UserManager<BeaconUser> users, SignInManager<BeaconUser> signIn, AuditTrail audit, IOptionsSnapshot<SecurityOptions> security) : PageModel
{
    [BindProperty] public CodeInput Input { get; set; } = new();
    public bool Enabled { get; private set; }
    public bool Required => security.Value.RequireTwoFactor;
    public string FormattedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Enter the security code"), RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The security code must be 6 numbers")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (ModelState.IsValid)
        {
            var code = Input.Code.Replace(" ", "");
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                await signIn.RefreshSignInAsync(user);
                await audit.RecordAsync(AuditAction.Updated, "Account", user.Id, null, $"{user.Email} turned on two-factor sign-in");
                return RedirectToPage();
            }
            ModelState.AddModelError("Input.Code", "The security code is not correct. Check the key in your authenticator app and try again.");
        }
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(BeaconUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        FormattedKey = string.Join(" ", key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        AuthenticatorUri = $"otpauth://totp/Beacon:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=Beacon&digits=6";
    }
}
