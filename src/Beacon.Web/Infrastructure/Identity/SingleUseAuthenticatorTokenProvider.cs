using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Beacon.Web.Infrastructure.Identity;

/// <summary>
/// Authenticator-app codes (TOTP, as Identity's own provider: SHA-1, 6 digits, 30 seconds, one step either side)
/// that can each be used once: a code seen over someone's shoulder, or replayed, is refused. The last time step
/// used is kept with the account's other Identity tokens.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider : AuthenticatorTokenProvider<BeaconUser>
{
    public const string Name = "BeaconAuthenticator";
    private const string Store = "[Beacon]";
    private const string LastStep = "LastAuthenticatorStep";

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<BeaconUser> manager, BeaconUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = (token ?? "").Replace(" ", "").Replace("-", "");
        if (string.IsNullOrWhiteSpace(key) || code.Length != 6 || !code.All(char.IsAsciiDigit)) return false;
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(code, out var step, new VerificationWindow(previous: 1, future: 1))) return false;
        if (long.TryParse(await manager.GetAuthenticationTokenAsync(user, Store, LastStep), out var last) && step <= last) return false;
        // Saved with the account's concurrency stamp: of two sign-ins racing with one code, only one succeeds.
        return (await manager.SetAuthenticationTokenAsync(user, Store, LastStep, step.ToString(System.Globalization.CultureInfo.InvariantCulture))).Succeeded;
    }
}
