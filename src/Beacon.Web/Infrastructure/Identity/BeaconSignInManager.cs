using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in rules plus one of Beacon's: a disabled account never signs in (every sign-in path answers
/// <see cref="SignInResult.NotAllowed"/>) and its existing sessions end at their next request.
/// </summary>
public sealed class BeaconSignInManager(
    UserManager<BeaconUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<BeaconUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<BeaconUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<BeaconUser> confirmation)
    : SignInManager<BeaconUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(BeaconUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>Disabling changes the security stamp too; this also holds if the account was disabled some other way.</summary>
    public override async Task<BeaconUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { IsDisabled: false } user ? user : null;

    /// <summary>
    /// Identity checks disabled and locked-out accounts before a password or an authenticator code, but not before
    /// a recovery code: check them here too, so a recovery code is never a way round them.
    /// </summary>
    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        if (user is not null && await PreSignInCheck(user) is { } refused) return refused;
        return await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
    }
}
