using Beacon.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Infrastructure.Identity;

/// <summary>
/// Checks every request's security stamp against the account, so signing out, a password or role change and disabling
/// end every session at once. A change that alters claims (roles, organisation) also changes the stamp, so the person
/// signs in again and gets fresh claims; the cookie is never rebuilt or re-issued here.
/// Identity's own validator loads and tracks the whole account through the user manager for this, which was half of
/// what a signed-in page cost before its own work; this reads the two columns it needs with a compiled query.
/// </summary>
internal sealed class SessionStampValidator(BeaconDbContext db, IOptions<IdentityOptions> identity) : ISecurityStampValidator
{
    private static readonly CompiledQuery<Func<BeaconDbContext, string, Task<AccountStamp?>>> StampOf = new(() => EF.CompileAsyncQuery(
        (BeaconDbContext db, string userId) => db.Users.Where(u => u.Id == userId)
            .Select(u => new AccountStamp(u.SecurityStamp, u.IsDisabled)).SingleOrDefault()));

    private sealed record AccountStamp(string? SecurityStamp, bool IsDisabled);

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var claims = identity.Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirst(claims.UserIdClaimType)?.Value;
        var stamp = context.Principal?.FindFirst(claims.SecurityStampClaimType)?.Value;
        var account = userId is null ? null : await StampOf.For(db)(db, userId);
        if (stamp is not null && account is { IsDisabled: false } && account.SecurityStamp == stamp) return;
        context.RejectPrincipal();
        await context.HttpContext.RequestServices.GetRequiredService<SignInManager<BeaconUser>>().SignOutAsync();
    }
}
