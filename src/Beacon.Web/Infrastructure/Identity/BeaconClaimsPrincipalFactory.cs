using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Infrastructure.Identity;

/// <summary>Puts the agency and display name in the sign-in cookie so access checks need no extra query.</summary>
internal sealed class BeaconClaimsPrincipalFactory(
    UserManager<BeaconUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<BeaconUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(BeaconUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(BeaconClaims.Agency, user.Agency.ToString()));
        identity.AddClaim(new Claim(BeaconClaims.DisplayName, user.DisplayName));
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(BeaconClaims.TwoFactorEnabled, "true"));
        return identity;
    }
}
