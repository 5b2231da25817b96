using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.RateLimiting;

namespace Beacon.Web.Infrastructure.Identity;

/// <summary>
/// How long a sign-in lasts and how often anyone may try one. Sessions slide for 8 hours of use but never outlive
/// <see cref="SecurityOptions.AbsoluteSessionHours"/> from the moment of signing in; cookies are Secure whenever
/// Beacon is reached over HTTPS; sign-in, two-factor and password-reset attempts are limited per address.
/// </summary>
public static class SessionSecurity
{
    /// <summary>When the person signed in, kept in the cookie's properties (which survive sliding renewals).</summary>
    private const string SignedInAt = "beacon:signed-in-at";

    private static readonly string[] AttemptPaths =
        ["/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/ForgotPassword", "/Account/ResetPassword"];

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

    public static void AddSignInRateLimits(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method) || !AttemptPaths.Any(p => context.Request.Path.StartsWithSegments(p)))
                    return RateLimitPartition.GetNoLimiter("");
                var perQuarterHour = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<SecurityOptions>>()
                    .CurrentValue.SignInAttemptsPerQuarterHour;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perQuarterHour, Window = TimeSpan.FromMinutes(15), QueueLimit = 0 });
            });
            options.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many attempts from this address. Wait 15 minutes and try again.", ct);
            };
        });
    }
}
