using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Infrastructure.Identity;

/// <summary>
/// Checks every request's security stamp against the account (so signing out, a password or role change and
/// disabling end every session at once) without rebuilding the person's claims and re-issuing the cookie each
/// time, which Identity's validator does after a successful check. A change that alters claims (roles,
/// organisation) also changes the stamp, so the person signs in again and gets fresh claims.
/// </summary>
internal sealed class SessionStampValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<BeaconUser> signIn, ILoggerFactory logger)
    : SecurityStampValidator<BeaconUser>(options, signIn, logger)
{
    protected override Task SecurityStampVerified(BeaconUser user, CookieValidatePrincipalContext context) => Task.CompletedTask;
}
