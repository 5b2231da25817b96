using Microsoft.Extensions.Options;

namespace Beacon.Web.Infrastructure.Identity;

/// <summary>
/// When configuration requires two-factor sign-in, a signed-in account without it is sent to set it up
/// and can reach nothing else until it has.
/// </summary>
internal sealed class TwoFactorRequirement(RequestDelegate next, IOptionsMonitor<SecurityOptions> options)
{
    public const string SetupPath = "/Account/TwoFactor";

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (options.CurrentValue.RequireTwoFactor
            && user.Identity?.IsAuthenticated == true
            && !user.HasClaim(c => c.Type == BeaconClaims.TwoFactorEnabled)
            && !context.Request.Path.StartsWithSegments("/Account")
            && !context.Request.Path.StartsWithSegments("/lib")
            && !context.Request.Path.StartsWithSegments("/js"))
        {
            context.Response.Redirect(SetupPath);
            return Task.CompletedTask;
        }
        return next(context);
    }
}
