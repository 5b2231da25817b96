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

/// <summary>
/// Sets up TOTP two-factor sign-in with an authenticator app (Identity's built-in authenticator token provider), and
/// gives out recovery codes: shown once, straight after they are made, and never stored anywhere readable.
/// </summary>
public sealed class TwoFactorModel(UserManager<BeaconUser> users, SignInManager<BeaconUser> signIn, IUserStore<BeaconUser> store, AuditTrail audit, IOptionsSnapshot<SecurityOptions> security) : PageModel
{
    [BindProperty] public CodeInput Input { get; set; } = new();
    public bool Enabled { get; private set; }
    public bool Required => security.Value.RequireTwoFactor;
    public string FormattedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    /// <summary>New recovery codes, on the one page view after they were made.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];
    public int RecoveryCodesLeft { get; private set; }

    public const int RecoveryCodeCount = 10;
    private const string RecoveryCodesKey = "RecoveryCodes";

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
                var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
                await signIn.RefreshSignInAsync(user);
                await audit.RecordAsync(AuditAction.Updated, "Account", user.Id, null, $"{user.Email} turned on two-factor sign-in and was given {RecoveryCodeCount} recovery codes");
                return ShowOnce(codes);
            }
            ModelState.AddModelError("Input.Code", "The security code is not correct. Check the key in your authenticator app and try again.");
        }
        await LoadAsync(user);
        return Page();
    }

    /// <summary>Replaces the recovery codes (all the old ones stop working), for someone who has used or lost them.</summary>
    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await audit.RecordAsync(AuditAction.Updated, "Account", user.Id, null, $"{user.Email} replaced their recovery codes with {RecoveryCodeCount} new ones");
        return ShowOnce(codes);
    }

    /// <summary>The codes go to the next page view only (TempData is read once), as Identity's own UI does it.</summary>
    private RedirectToPageResult ShowOnce(IEnumerable<string>? codes)
    {
        TempData[RecoveryCodesKey] = string.Join(' ', codes ?? []);
        return RedirectToPage();
    }

    private async Task LoadAsync(BeaconUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        NewRecoveryCodes = (TempData[RecoveryCodesKey] as string ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A first key for someone not yet using two-factor: stored without Identity's ResetAuthenticatorKeyAsync,
            // which also renews the security stamp and so would sign the person out of their other sessions merely
            // for opening this page. (Turning two-factor on, off or resetting it still renews the stamp.)
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<BeaconUser>)store).SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            await users.UpdateAsync(user);
        }
        FormattedKey = string.Join(" ", key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        AuthenticatorUri = $"otpauth://totp/Beacon:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=Beacon&digits=6";
    }
}
