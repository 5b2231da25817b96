using System.Security.Claims;
using Beacon.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Infrastructure.Identity;

/// <summary>
/// Puts the organisation (its id, kind and the areas it serves) and display name in the sign-in cookie, so
/// access checks need no extra query on each request.
/// </summary>
internal sealed class BeaconClaimsPrincipalFactory(
    UserManager<BeaconUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, BeaconDbContext db)
    : UserClaimsPrincipalFactory<BeaconUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(BeaconUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Areas).SingleAsync(o => o.Id == user.OrganisationId);
        identity.AddClaim(new Claim(BeaconClaims.Agency, organisation.Kind.ToString()));
        identity.AddClaim(new Claim(BeaconClaims.Organisation, organisation.Id.ToString()));
        identity.AddClaim(new Claim(BeaconClaims.OrganisationName, organisation.Name));
        identity.AddClaim(new Claim(BeaconClaims.Areas, string.Join(',', organisation.AreaIds)));
        identity.AddClaim(new Claim(BeaconClaims.DisplayName, user.DisplayName));
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(BeaconClaims.TwoFactorEnabled, "true"));
        return identity;
    }
}
