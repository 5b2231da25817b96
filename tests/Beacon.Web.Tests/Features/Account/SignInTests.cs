using System.Net;
using Beacon.Web.Tests.Infrastructure;
using OtpNet;

namespace Beacon.Web.Tests.Features.Account;

public sealed class SignInTests(SqliteBeacon beacon) : IClassFixture<SqliteBeacon>
{
    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        using var client = BeaconClient.For(beacon.Factory);
        var page = await client.SignInAsync("police.officer@beacon.test", "not-the-password");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(Beacon.Web.Features.Account.LoginModel.RefusedMessage, page.FieldError("Input-Email"));
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_for_the_right_password()
    {
        using var client = BeaconClient.For(beacon.Factory);
        for (var i = 0; i < 5; i++) await client.SignInAsync("analyst@beacon.test", "wrong-password-" + i);
        var page = await client.SignInAsync("analyst@beacon.test");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        // The same words as for an address with no account: the page never confirms that an account exists.
        Assert.Equal(Beacon.Web.Features.Account.LoginModel.RefusedMessage, page.FieldError("Input-Email"));
        Assert.Equal(Beacon.Web.Features.Account.LoginModel.RefusedMessage, (await client.SignInAsync("nobody.at.all@beacon.test")).FieldError("Input-Email"));
    }

    [Fact]
    public async Task Opening_the_two_factor_page_does_not_sign_the_person_out_of_their_other_sessions()
    {
        using var here = await BeaconClient.SignedInAsync(beacon.Factory, "health.lead@beacon.test");
        using var elsewhere = await BeaconClient.SignedInAsync(beacon.Factory, "health.lead@beacon.test");
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/Account/TwoFactor")).Status);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/Account/TwoFactor")).Status);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/Children")).Status);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_even_for_a_copied_cookie()
    {
        using var client = await BeaconClient.SignedInAsync(beacon.Factory, "outreach@beacon.test");
        var copied = beacon.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copied.DefaultRequestHeaders.Add("Cookie", client.CookieHeader);
        Assert.Equal(HttpStatusCode.OK, (await copied.GetAsync("/MyWork")).StatusCode);

        var home = await client.GetAsync("/");
        await client.SubmitAsync(home, "form[action='/Account/Logout']", []);
        var after = await copied.GetAsync("/MyWork");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task No_server_header_tells_strangers_what_runs_Beacon()
    {
        using var client = BeaconClient.For(beacon.Factory);
        using var response = await client.Http.GetAsync("/Account/Login");
        Assert.False(response.Headers.Contains("Server"));
    }


    [Theory]
    [InlineData("//evil.example/steal", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/Children", "/Children")]
    [InlineData("/Children\u0001", "/")]
    [InlineData("/\r\nSet-Cookie: x=1", "/")]
    public async Task After_sign_in_people_only_go_to_pages_on_Beacon(string returnUrl, string expected)
    {
        using var client = BeaconClient.For(beacon.Factory);
        var page = await client.SubmitAsync($"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}", "main form",
            new() { ["Input.Email"] = "health.lead@beacon.test", ["Input.Password"] = Beacon.Web.Infrastructure.Data.DemoData.Password });
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(expected, page.Location);
    }
}

/// <summary>With two-factor sign-in required by configuration, nobody gets in on a password alone.</summary>
public sealed class TwoFactorRequiredTests : IAsyncLifetime
{
    private BeaconFactory _factory = default!;

    public async ValueTask InitializeAsync() => _factory = await BeaconFactory.StartAsync(requireTwoFactor: true);
    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task An_account_must_set_up_an_authenticator_and_then_sign_in_with_a_code()
    {
        using var client = await BeaconClient.SignedInAsync(_factory, "social.worker@beacon.test");
        var blocked = await client.GetAsync("/Children");
        Assert.Equal(HttpStatusCode.Redirect, blocked.Status);
        Assert.Equal("/Account/TwoFactor", blocked.Location);

        var setup = await client.GetAsync("/Account/TwoFactor");
        var key = setup.Document.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "").ToUpperInvariant();
        var wrong = await client.SubmitAsync(setup, "main form", new() { ["Input.Code"] = "000000" }, "/Account/TwoFactor");
        Assert.Contains("not correct", wrong.FieldError("Input-Code"));

        var totp = new Totp(Base32Encoding.ToBytes(key));
        var enabled = await client.SubmitAsync("/Account/TwoFactor", "main form", new() { ["Input.Code"] = totp.ComputeTotp(DateTime.UtcNow.AddSeconds(-30)) });
        Assert.Equal(HttpStatusCode.Redirect, enabled.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Children")).Status);

        using var later = BeaconClient.For(_factory);
        var password = await later.SignInAsync("social.worker@beacon.test");
        Assert.Equal(HttpStatusCode.Redirect, password.Status);
        Assert.StartsWith("/Account/LoginWith2fa", password.Location);
        Assert.Equal(HttpStatusCode.Redirect, (await later.GetAsync("/Children")).Status);

        var badCode = await later.SubmitAsync(password.Location!, "main form", new() { ["Input.Code"] = "12345" });
        Assert.Equal("The security code must be 6 numbers", badCode.FieldError("Input-Code"));
        // A code already used (here, to set the app up) is refused, even inside its 30 seconds.
        var reused = await later.SubmitAsync(password.Location!, "main form", new() { ["Input.Code"] = totp.ComputeTotp(DateTime.UtcNow.AddSeconds(-30)) });
        Assert.Contains("not correct", reused.FieldError("Input-Code"));
        var code = totp.ComputeTotp();
        var signedIn = await later.SubmitAsync(password.Location!, "main form", new() { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/Children")).Status);

        // The same code cannot sign in a second time.
        using var replay = BeaconClient.For(_factory);
        var again = await replay.SignInAsync("social.worker@beacon.test");
        var refused = await replay.SubmitAsync(again.Location!, "main form", new() { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("not correct", refused.FieldError("Input-Code"));
    }
}

/// <summary>Failed sign-in attempts from one address are limited, so nobody can guess passwords or codes at speed.</summary>
public sealed class SignInRateLimitTests : IAsyncLifetime
{
    private BeaconFactory _factory = default!;

    public async ValueTask InitializeAsync() => _factory = await BeaconFactory.StartAsync(signInAttempts: 3);
    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Successful_sign_ins_do_not_count_but_after_three_failures_even_the_right_password_waits()
    {
        using var client = BeaconClient.For(_factory);
        // An office signing in all morning from one address is never stopped.
        for (var i = 0; i < 5; i++)
        {
            using var person = BeaconClient.For(_factory);
            Assert.Equal(HttpStatusCode.Redirect, (await person.SignInAsync("panel.chair@beacon.test")).Status);
        }
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync("analyst@beacon.test", "wrong-" + i)).Status);
        var limited = await client.SignInAsync("panel.chair@beacon.test");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Contains("too many failed attempts", limited.Text);
        Assert.NotNull(limited.Document.QuerySelector(".govuk-error-summary"));
        // Reading pages is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).Status);
    }
}

/// <summary>However active a session, it ends a fixed time after signing in.</summary>
public sealed class AbsoluteSessionLifetimeTests : IAsyncLifetime
{
    private BeaconFactory _factory = default!;

    public async ValueTask InitializeAsync() => _factory = await BeaconFactory.StartAsync(settings: new() { ["Beacon:Security:AbsoluteSessionHours"] = "0" });
    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_session_past_its_absolute_lifetime_is_sent_to_sign_in_again()
    {
        using var client = BeaconClient.For(_factory);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("police.officer@beacon.test")).Status);
        var next = await client.GetAsync("/MyWork");
        Assert.Equal(HttpStatusCode.Redirect, next.Status);
        Assert.Contains("/Account/Login", next.Location);
    }
}
