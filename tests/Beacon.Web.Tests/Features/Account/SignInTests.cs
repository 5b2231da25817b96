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
        Assert.Equal("Enter a correct email address and password", page.FieldError("Input-Email"));
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_for_the_right_password()
    {
        using var client = BeaconClient.For(beacon.Factory);
        for (var i = 0; i < 5; i++) await client.SignInAsync("analyst@beacon.test", "wrong-password-" + i);
        var page = await client.SignInAsync("analyst@beacon.test");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("locked", page.FieldError("Input-Email"));
    }

    [Theory]
    [InlineData("//evil.example/steal", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/Children", "/Children")]
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
        var enabled = await client.SubmitAsync("/Account/TwoFactor", "main form", new() { ["Input.Code"] = totp.ComputeTotp() });
        Assert.Equal(HttpStatusCode.Redirect, enabled.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Children")).Status);

        using var later = BeaconClient.For(_factory);
        var password = await later.SignInAsync("social.worker@beacon.test");
        Assert.Equal(HttpStatusCode.Redirect, password.Status);
        Assert.StartsWith("/Account/LoginWith2fa", password.Location);
        Assert.Equal(HttpStatusCode.Redirect, (await later.GetAsync("/Children")).Status);

        var badCode = await later.SubmitAsync(password.Location!, "main form", new() { ["Input.Code"] = "12345" });
        Assert.Equal("The security code must be 6 numbers", badCode.FieldError("Input-Code"));
        var signedIn = await later.SubmitAsync(password.Location!, "main form", new() { ["Input.Code"] = totp.ComputeTotp() });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/Children")).Status);
    }
}
