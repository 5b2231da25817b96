using System.Text;
using Beacon.Web.Infrastructure.Email;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Features.Account;

/// <summary>
/// The emails that carry a link to set a password (Identity's password reset token): to a new account, and to
/// someone who has forgotten theirs. Links are absolute, built from the address the request came to.
/// </summary>
public sealed class PasswordEmails(
    UserManager<BeaconUser> users, IBeaconEmail email, LinkGenerator links, IOptions<DataProtectionTokenProviderOptions> tokens)
{
    private string Lifespan => tokens.Value.TokenLifespan is { TotalHours: >= 1 } span ? $"{(int)span.TotalHours} hours" : "a short time";

    public async Task SendSetPasswordAsync(BeaconUser user, string createdBy, HttpContext http, CancellationToken ct)
    {
        var link = await LinkAsync(user, http);
        await email.SendAsync(user.Email!, "Your Beacon account",
            $"""
            Hello {user.DisplayName},

            {createdBy} has set up a Beacon account for you. Beacon is the multi-agency safeguarding service.

            Set your password using this link. It works once, for {Lifespan}:
            {link}

            You sign in with this email address: {user.Email}

            If the link has expired, choose "Forgotten your password?" on Beacon's sign-in page to get a new one.
            """, ct);
    }

    public async Task SendResetAsync(BeaconUser user, HttpContext http, CancellationToken ct)
    {
        var link = await LinkAsync(user, http);
        await email.SendAsync(user.Email!, "Reset your Beacon password",
            $"""
            Hello {user.DisplayName},

            Someone asked to reset the password for your Beacon account. If it was you, choose a new password using this link. It works once, for {Lifespan}:
            {link}

            If you did not ask for this, you can ignore this email: your password has not changed.
            """, ct);
    }

    private async Task<string> LinkAsync(BeaconUser user, HttpContext http)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return links.GetUriByPage(http, "/Account/ResetPassword", handler: null, values: new { userId = user.Id, code })
            ?? throw new InvalidOperationException("There is no route to /Account/ResetPassword");
    }

    /// <summary>The token from a link's <c>code</c>, or null when it is not one Beacon could have written.</summary>
    public static string? TokenFrom(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }
}
