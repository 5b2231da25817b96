using System.Net;
using Beacon.Core.Audit;
using Beacon.Web.Tests.Infrastructure;
using static Beacon.Web.Tests.Features.Admin.AccountSteps;

namespace Beacon.Web.Tests.Features.Account;

/// <summary>What people do for themselves: change a password, reset a forgotten one, sign in with a recovery code.</summary>
public sealed class PasswordAndRecoveryTests(SqliteBeacon beacon) : IClassFixture<SqliteBeacon>
{
    private BeaconFactory Factory => beacon.Factory;

    [Fact]
    public async Task Forgot_password_answers_the_same_for_an_unknown_address_and_sends_it_nothing()
    {
        using var client = BeaconClient.For(Factory);
        var emails = await OutboxCountAsync(Factory);
        var unknown = await client.SubmitAsync("/Account/ForgotPassword", "main form", new() { ["Input.Email"] = "nobody.here@beacon.test" });
        Assert.Equal(emails, await OutboxCountAsync(Factory));
        var known = await client.SubmitAsync("/Account/ForgotPassword", "main form", new() { ["Input.Email"] = "health.lead@beacon.test" });
        Assert.Equal(emails + 1, await OutboxCountAsync(Factory));

        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal(
            known.Document.QuerySelector("main")!.TextContent.Replace("health.lead@beacon.test", "ADDRESS"),
            unknown.Document.QuerySelector("main")!.TextContent.Replace("nobody.here@beacon.test", "ADDRESS"));
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_from_the_emailed_link_and_the_old_one_stops_working()
    {
        const string email = "police.officer@beacon.test";
        using var client = BeaconClient.For(Factory);
        await client.SubmitAsync("/Account/ForgotPassword", "main form", new() { ["Input.Email"] = email });
        var link = await LinkEmailedToAsync(Factory, email);

        var tampered = await client.GetAsync(link[..^4] + "AAAA");
        Assert.NotNull(tampered.Document.QuerySelector("#link-not-valid"));
        var mismatch = await SetPasswordAsync(Factory, link, "Granite-Orchard-31", "Granite-Orchard-13");
        Assert.Equal("The passwords do not match", mismatch.FieldError("Input-ConfirmPassword"));
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(Factory, link, "Granite-Orchard-31")).Status);

        Assert.Equal(Beacon.Web.Features.Account.LoginModel.RefusedMessage, (await client.SignInAsync(email)).FieldError("Input-Email"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, "Granite-Orchard-31")).Status);
        Assert.Contains(await AuditOfAsync(Factory, await IdOfAsync(Factory, email)),
            e => e.Action == AuditAction.PasswordReset && e.Summary == $"{email} set a new password using an emailed link");
    }

    [Fact]
    public async Task Changing_a_password_keeps_this_session_ends_the_others_and_the_old_password_stops_working()
    {
        const string email = "board.member@beacon.test";
        using var elsewhere = await BeaconClient.SignedInAsync(Factory, email);
        using var person = await BeaconClient.SignedInAsync(Factory, email);

        var wrong = await person.SubmitAsync("/Account/ChangePassword", "main form", new()
            { ["Input.CurrentPassword"] = "not-my-password", ["Input.NewPassword"] = "Willow-Beacon-2027", ["Input.ConfirmPassword"] = "Willow-Beacon-2027" });
        Assert.Equal("Your current password is not correct", wrong.FieldError("Input-CurrentPassword"));
        var weak = await person.SubmitAsync("/Account/ChangePassword", "main form", new()
            { ["Input.CurrentPassword"] = Beacon.Web.Infrastructure.Data.DemoData.Password, ["Input.NewPassword"] = "willow-beacon-lantern", ["Input.ConfirmPassword"] = "willow-beacon-lantern" });
        Assert.Equal("Password must include a number", weak.FieldError("Input-NewPassword"));

        var changed = await person.SubmitAsync("/Account/ChangePassword", "main form", new()
            { ["Input.CurrentPassword"] = Beacon.Web.Infrastructure.Data.DemoData.Password, ["Input.NewPassword"] = "Willow-Beacon-2027", ["Input.ConfirmPassword"] = "Willow-Beacon-2027" });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        var after = await person.GetAsync("/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Contains("Your password has been changed", after.Text);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/")).Status);

        using var later = BeaconClient.For(Factory);
        Assert.Equal(Beacon.Web.Features.Account.LoginModel.RefusedMessage, (await later.SignInAsync(email)).FieldError("Input-Email"));
        Assert.Equal(HttpStatusCode.Redirect, (await later.SignInAsync(email, "Willow-Beacon-2027")).Status);
        Assert.Single(await AuditOfAsync(Factory, await IdOfAsync(Factory, email)), e => e.Action == AuditAction.PasswordChanged);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_not_twice()
    {
        const string email = "team.manager@beacon.test";
        IReadOnlyList<string> codes;
        using (var person = await BeaconClient.SignedInAsync(Factory, email))
        {
            (_, codes) = await TurnOnTwoFactorAsync(person);
            Assert.Equal(10, codes.Count);
            Assert.Equal(10, codes.Distinct().Count());
            // Shown once: the next visit says how many are left, not what they are.
            var again = await person.GetAsync("/Account/TwoFactor");
            Assert.Empty(again.Document.QuerySelectorAll("#recovery-codes li"));
            Assert.Contains("10 recovery codes left", again.Document.QuerySelector("#recovery-codes-left")!.TextContent);
        }
        var code = codes[0];

        async Task<BeaconClient.PageResponse> SignInWithRecoveryCodeAsync(BeaconClient client, string recoveryCode)
        {
            var password = await client.SignInAsync(email);
            Assert.StartsWith("/Account/LoginWith2fa", password.Location);
            var twoFactor = await client.GetAsync(password.Location!);
            Assert.Equal("/Account/LoginWithRecoveryCode", twoFactor.Document.QuerySelector("#use-recovery-code")!.GetAttribute("href"));
            return await client.SubmitAsync("/Account/LoginWithRecoveryCode", "main form", new() { ["Input.RecoveryCode"] = recoveryCode });
        }

        using var first = BeaconClient.For(Factory);
        var signedIn = await SignInWithRecoveryCodeAsync(first, code.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/MyWork")).Status);
        Assert.Contains("9 recovery codes left", (await first.GetAsync("/Account/TwoFactor")).Document.QuerySelector("#recovery-codes-left")!.TextContent);

        using var second = BeaconClient.For(Factory);
        var refused = await SignInWithRecoveryCodeAsync(second, code);
        Assert.Equal("That recovery code is not correct, or it has already been used", refused.FieldError("Input-RecoveryCode"));
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/MyWork")).Status);

        var audit = await AuditOfAsync(Factory, await IdOfAsync(Factory, email));
        Assert.Contains(audit, e => e.Action == AuditAction.SignedIn && e.Summary == $"{email} signed in with a recovery code (9 left)");
        Assert.DoesNotContain(audit, e => (e.Summary ?? "").Contains(code));
    }
}
