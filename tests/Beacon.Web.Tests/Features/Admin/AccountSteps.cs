using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Beacon.Core.Audit;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Beacon.Web.Tests.Features.Admin;

/// <summary>What administrators and account holders do, as steps the account tests share.</summary>
public static partial class AccountSteps
{
    public const string AdminEmail = "admin@beacon.test";

    public static Task<T> WithDbAsync<T>(BeaconFactory factory, Func<BeaconDbContext, Task<T>> work) =>
        factory.WithScopeAsync(async sp => await work(sp.GetRequiredService<BeaconDbContext>()));

    public static Task<string> IdOfAsync(BeaconFactory factory, string email) =>
        WithDbAsync(factory, db => db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync());

    public static Task<List<AuditEntry>> AuditOfAsync(BeaconFactory factory, string userId) =>
        WithDbAsync(factory, db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Account" && e.EntityId == userId).OrderBy(e => e.Sequence).ToListAsync());

    public static Task<int> OutboxCountAsync(BeaconFactory factory) => WithDbAsync(factory, db => db.OutboxEmails.CountAsync());

    public static Dictionary<string, string> NewAccount(string name, string email, Guid organisationId, string role, string? team = null) => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Email"] = email,
        ["Input.OrganisationId"] = organisationId.ToString(),
        ["Input.Roles"] = role,
        ["Input.Team"] = team ?? "",
    };

    /// <summary>The administrator creates the account; answers the new account's id.</summary>
    public static async Task<string> CreateAccountAsync(BeaconClient admin, Dictionary<string, string> fields)
    {
        var created = await admin.SubmitAsync("/Admin/Accounts/Create", "main form", fields);
        Assert.True(created.Status == HttpStatusCode.Redirect, string.Join("; ", created.Errors));
        return created.Location!["/Admin/Accounts/".Length..];
    }

    /// <summary>The newest link in the newest email to this address.</summary>
    public static async Task<string> LinkEmailedToAsync(BeaconFactory factory, string email)
    {
        var body = await WithDbAsync(factory, db => db.OutboxEmails.Where(e => e.To == email).OrderByDescending(e => e.CreatedAtUtc).Select(e => e.Body).FirstAsync());
        return ResetLink().Match(body) is { Success: true } match ? match.Value : throw new InvalidOperationException($"No link in: {body}");
    }

    /// <summary>A reset link made directly with Identity, as the emails make them (for a case no page sends an email for).</summary>
    public static Task<string> MintResetLinkAsync(BeaconFactory factory, string email) => factory.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<BeaconUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        return $"http://localhost/Account/ResetPassword?userId={user.Id}&code={code}";
    });

    /// <summary>Follows an emailed link and chooses a password; answers the page it ends on.</summary>
    public static async Task<BeaconClient.PageResponse> SetPasswordAsync(BeaconFactory factory, string link, string password, string? confirm = null)
    {
        using var person = BeaconClient.For(factory);
        var form = await person.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        return await person.SubmitAsync(form, "main form", new() { ["Input.NewPassword"] = password, ["Input.ConfirmPassword"] = confirm ?? password }, link);
    }

    /// <summary>Turns on two-factor sign-in from the account's own page; answers the authenticator key and the recovery codes shown.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> TurnOnTwoFactorAsync(BeaconClient person)
    {
        var setup = await person.GetAsync("/Account/TwoFactor");
        var key = setup.Document.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "").ToUpperInvariant();
        var enabled = await person.SubmitAsync(setup, "main form", new() { ["Input.Code"] = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp() }, "/Account/TwoFactor");
        Assert.Equal(HttpStatusCode.Redirect, enabled.Status);
        var shown = await person.GetAsync("/Account/TwoFactor");
        var codes = shown.Document.QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        return (key, codes);
    }

    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\?\S+")]
    private static partial Regex ResetLink();
}
