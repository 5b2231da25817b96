using System.Net;
using Beacon.Core.Access;
using Beacon.Core.Audit;
using Beacon.Web.Features.Account;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Beacon.Web.Tests.Features.Admin.AccountSteps;

namespace Beacon.Web.Tests.Features.Admin;

/// <summary>
/// Account administration on PostgreSQL: the transaction around each change, a disabled account's lockout kept
/// until the end of time (timestamptz), and the paged list.
/// </summary>
public sealed class AccountsOnPostgresTests(PostgresBeacon beacon) : IClassFixture<PostgresBeacon>
{
    [Fact]
    public async Task An_account_is_created_disabled_and_re_enabled()
    {
        var factory = beacon.Require();
        using var admin = await BeaconClient.SignedInAsync(factory, AdminEmail);
        var id = await CreateAccountAsync(admin, NewAccount("Linden Marsh", "linden.marsh@beacon.test",
            DemoWorld.Organisation(DemoData.Org.Police), BeaconRoles.IntelligenceAnalyst, "Intelligence"));
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(factory, await LinkEmailedToAsync(factory, "linden.marsh@beacon.test"), "Quarry-Kestrel-58")).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/Admin/Accounts/{id}", "#disable-form", new())).Status);
        var user = await WithDbAsync(factory, db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.True(user.IsDisabled);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddYears(100));
        Assert.Contains("Disabled", (await admin.GetAsync("/Admin/Accounts")).Document.QuerySelector("#accounts tr[data-email='linden.marsh@beacon.test']")!.TextContent);
        using var person = BeaconClient.For(factory);
        Assert.Equal(LoginModel.RefusedMessage, (await person.SignInAsync("linden.marsh@beacon.test", "Quarry-Kestrel-58")).FieldError("Input-Email"));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/Admin/Accounts/{id}", "#enable-form", new())).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await person.SignInAsync("linden.marsh@beacon.test", "Quarry-Kestrel-58")).Status);
        Assert.Equal([AuditAction.Created, AuditAction.PasswordReset, AuditAction.AccountDisabled, AuditAction.SignInFailed, AuditAction.AccountEnabled, AuditAction.SignedIn],
            (await AuditOfAsync(factory, id)).Select(e => e.Action));
    }
}
