using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Beacon.Web.Infrastructure.Identity;

/// <summary>
/// How long a sign-in lasts and how often anyone may try one. Sessions slide for 8 hours of use but never outlive
/// <see cref="SecurityOptions.AbsoluteSessionHours"/> from the moment of signing in; cookies are Secure whenever
/// Beacon is reached over HTTPS. (Failed sign-in attempts are limited per address by <see cref="SignInThrottle"/>.)
/// </summary>
public static class SessionSecurity
{
    /// <summary>When the person signed in, kept in the cookie's properties (which survive sliding renewals).</summary>
    private const string SignedInAt = "beacon:signed-in-at";

    public static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        var stampCheck = options.Events.OnValidatePrincipal;
        options.Events.OnSigningIn = context =>
        {
            context.Properties.Items[SignedInAt] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        };
        options.Events.OnValidatePrincipal = async context =>
        {
            var limit = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<SecurityOptions>>()
                .CurrentValue.AbsoluteSessionHours;
            var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
            if (!context.Properties.Items.TryGetValue(SignedInAt, out var at) || !long.TryParse(at, out var seconds)
                || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > TimeSpan.FromHours(limit))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
                return;
            }
            await stampCheck(context);
        };
    }
}
