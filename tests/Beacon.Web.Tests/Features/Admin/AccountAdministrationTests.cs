using System.Net;
using Beacon.Core.Access;
using Beacon.Core.Audit;
using Beacon.Web.Features.Account;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using static Beacon.Web.Tests.Features.Admin.AccountSteps;

namespace Beacon.Web.Tests.Features.Admin;

/// <summary>Administrators create and manage accounts in the app; every change is audited with who made it.</summary>
public sealed class AccountAdministrationTests(SqliteBeacon beacon) : IClassFixture<SqliteBeacon>
{
    private BeaconFactory Factory => beacon.Factory;
    private static readonly Guid NorthgateAcademy = DemoWorld.Organisation(DemoData.Org.NorthgateAcademy);

    [Fact]
    public async Task An_administrator_creates_an_account_and_the_person_sets_a_password_from_the_email_and_signs_in()
    {
        using var admin = await BeaconClient.SignedInAsync(Factory, AdminEmail);
        var id = await CreateAccountAsync(admin, NewAccount("Rowan Ashdown", "rowan.ashdown@beacon.test", NorthgateAcademy, BeaconRoles.SafeguardingLead, "Pastoral"));

        var details = await admin.GetAsync($"/Admin/Accounts/{id}");
        Assert.Contains("rowan.ashdown@beacon.test has been emailed a link", details.Text);
        Assert.Equal("Safeguarding lead", details.Document.QuerySelector("#account-roles")!.TextContent.Trim());
        Assert.Contains("No password set yet", details.Document.QuerySelector("#account-status")!.TextContent);
        var listed = (await admin.GetAsync("/Admin/Accounts")).Document.QuerySelector("#accounts tr[data-email='rowan.ashdown@beacon.test']")!.TextContent;
        Assert.Contains("Northgate Academy", listed);
        Assert.Contains("Active", listed);

        // Without Notify, the administrator reads the email in the outbox; the link in it is absolute.
        var outbox = await admin.GetAsync("/Admin/Outbox");
        Assert.Contains("Your Beacon account", outbox.Document.QuerySelector("#outbox [data-to='rowan.ashdown@beacon.test']")!.TextContent);
        var link = await LinkEmailedToAsync(Factory, "rowan.ashdown@beacon.test");
        Assert.StartsWith($"http://localhost/Account/ResetPassword?userId={id}&code=", link);

        var tooShort = await SetPasswordAsync(Factory, link, "Short-1");
        Assert.Equal("Password must be 12 characters or more", tooShort.FieldError("Input-NewPassword"));
        var set = await SetPasswordAsync(Factory, link, "Harbour-Lantern-42");
        Assert.Equal(HttpStatusCode.Redirect, set.Status);
        Assert.Equal("/Account/Login", set.Location);

        using var rowan = BeaconClient.For(Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await rowan.SignInAsync("rowan.ashdown@beacon.test", "Harbour-Lantern-42")).Status);
        Assert.Equal(HttpStatusCode.OK, (await rowan.GetAsync("/Children")).Status);
        // The link worked once.
        using var again = BeaconClient.For(Factory);
        Assert.NotNull((await again.GetAsync(link)).Document.QuerySelector("#link-not-valid"));

        var adminId = await IdOfAsync(Factory, AdminEmail);
        var audit = await AuditOfAsync(Factory, id);
        var created = Assert.Single(audit, e => e.Action == AuditAction.Created);
        Assert.Equal(adminId, created.ActorUserId);
        Assert.Contains("Northgate Academy, as Safeguarding lead", created.Summary);
        Assert.Contains(audit, e => e.Action == AuditAction.PasswordReset);
        var code = link[(link.IndexOf("code=", StringComparison.Ordinal) + 5)..];
        Assert.DoesNotContain(audit, e => (e.Summary ?? "").Contains(code) || (e.Summary ?? "").Contains("ResetPassword"));
    }

    [Fact]
    public async Task Every_account_downloads_as_CSV_with_its_roles_for_an_access_review_and_the_download_is_audited()
    {
        using var admin = await BeaconClient.SignedInAsync(Factory, "admin@beacon.test");
        var page = await admin.GetAsync("/Admin/Accounts");
        using var csv = await admin.Http.GetAsync(page.Document.QuerySelector("#download-csv")!.GetAttribute("href"));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Name,Email,Organisation,Roles,Status,Two-factor", lines[0]);
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(page.Document.QuerySelector("#accounts caption")!.TextContent, @"(\d+) accounts").Groups[1].Value);
        Assert.Equal(total, lines.Length - 1);
        Assert.Contains(lines, l => l.Contains("social.worker@beacon.test") && l.Contains("Social worker") && l.Contains(",Active,"));
        Assert.True(await Factory.WithScopeAsync(sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<BeaconDbContext>(sp).AuditEntries
            .AnyAsync(e => e.EntityType == "Accounts" && e.Action == Core.Audit.AuditAction.Exported)));

        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await worker.GetAsync("/Admin/Accounts?handler=Csv")).Status);
    }

    [Fact]
    public async Task Accounts_are_found_by_name_or_email_and_organisation_and_sorted_as_asked()
    {
        using var admin = await BeaconClient.SignedInAsync(Factory, AdminEmail);
        static IReadOnlyList<string> Emails(BeaconClient.PageResponse page) =>
            page.Document.QuerySelectorAll("#accounts tbody tr").Select(r => r.GetAttribute("data-email")!).ToList();

        // Part of an email, in any case; the filter stays filled in.
        var found = await admin.GetAsync("/Admin/Accounts?Search=SOCIAL.WORKER");
        Assert.Contains("social.worker@beacon.test", Emails(found));
        Assert.All(Emails(found), e => Assert.Contains("social.worker", e));
        Assert.Equal("SOCIAL.WORKER", found.Document.QuerySelector("#Search")!.GetAttribute("value"));

        // One organisation's accounts, by email.
        var byOrganisation = await admin.GetAsync($"/Admin/Accounts?Organisation={NorthgateAcademy}&Order=Email");
        var emails = Emails(byOrganisation);
        Assert.NotEmpty(emails);
        Assert.All(byOrganisation.Document.QuerySelectorAll("#accounts tbody tr"), r => Assert.Contains("Northgate Academy", r.TextContent));
        Assert.Equal(emails.Order(StringComparer.OrdinalIgnoreCase).ToList(), emails);

        // By organisation, the whole first page is in the organisations' order.
        var organisations = (await admin.GetAsync("/Admin/Accounts?Order=Organisation")).Document.QuerySelectorAll("#accounts tbody tr td:nth-child(3)").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(organisations.Order(StringComparer.Ordinal).ToList(), organisations);

        var none = await admin.GetAsync("/Admin/Accounts?Search=no-such-person-anywhere");
        Assert.NotNull(none.Document.QuerySelector("#no-accounts"));
        Assert.Equal("/Admin/Accounts", none.Document.QuerySelector("#clear-filters")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Refused_details_change_nothing_and_say_why_beside_the_field()
    {
        using var admin = await BeaconClient.SignedInAsync(Factory, AdminEmail);
        var accounts = await WithDbAsync(Factory, db => db.Users.CountAsync());
        var emails = await OutboxCountAsync(Factory);

        async Task<string?> Refused(Dictionary<string, string> fields, string field)
        {
            var page = await admin.SubmitAsync("/Admin/Accounts/Create", "main form", fields);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.NotEmpty(page.Errors);
            return page.FieldError(field);
        }

        Assert.Equal("Select an organisation from the list",
            await Refused(NewAccount("Ash Field", "ash.field@beacon.test", Guid.NewGuid(), BeaconRoles.SafeguardingLead), "Input-OrganisationId"));
        Assert.Equal("Police officer is not a role in Education organisations. Choose from: Safeguarding lead",
            await Refused(NewAccount("Ash Field", "ash.field@beacon.test", NorthgateAcademy, BeaconRoles.PoliceOfficer), "Input-Roles"));
        Assert.Equal("Select at least one role",
            await Refused(NewAccount("Ash Field", "ash.field@beacon.test", NorthgateAcademy, ""), "Input-Roles"));
        Assert.Equal("There is already an account with this email address",
            await Refused(NewAccount("Ash Field", "School.Lead@beacon.test", NorthgateAcademy, BeaconRoles.SafeguardingLead), "Input-Email"));
        Assert.Equal("Enter an email address in the correct format, like name@example.org",
            await Refused(NewAccount("Ash Field", "ash.field.beacon.test", NorthgateAcademy, BeaconRoles.SafeguardingLead), "Input-Email"));

        Assert.Equal(accounts, await WithDbAsync(Factory, db => db.Users.CountAsync()));
        Assert.Equal(emails, await OutboxCountAsync(Factory));
    }

    [Fact]
    public async Task Disabling_ends_the_persons_session_and_refuses_sign_in_until_re_enabled()
    {
        const string email = "gp.lead@beacon.test";
        var id = await IdOfAsync(Factory, email);
        using var person = await BeaconClient.SignedInAsync(Factory, email);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/Children")).Status);
        // A reset link asked for before the account is disabled.
        using (var forgetful = BeaconClient.For(Factory))
            await forgetful.SubmitAsync("/Account/ForgotPassword", "main form", new() { ["Input.Email"] = email });
        var link = await LinkEmailedToAsync(Factory, email);

        using var admin = await BeaconClient.SignedInAsync(Factory, AdminEmail);
        var disabled = await admin.SubmitAsync($"/Admin/Accounts/{id}", "#disable-form", new());
        Assert.Equal(HttpStatusCode.Redirect, disabled.Status);
        Assert.Contains("Disabled", (await admin.GetAsync($"/Admin/Accounts/{id}")).Document.QuerySelector("#account-status")!.TextContent);

        // The session signed in before is over at its next request.
        var next = await person.GetAsync("/Children");
        Assert.Equal(HttpStatusCode.Redirect, next.Status);
        Assert.StartsWith("/Account/Login", new Uri(new Uri("http://localhost"), next.Location).PathAndQuery);
        using var later = BeaconClient.For(Factory);
        Assert.Equal(LoginModel.RefusedMessage, (await later.SignInAsync(email)).FieldError("Input-Email"));

        // Links sent before stop working, and no new one is sent to a disabled account.
        Assert.NotNull((await later.GetAsync(link)).Document.QuerySelector("#link-not-valid"));
        var emails = await OutboxCountAsync(Factory);
        await later.SubmitAsync("/Account/ForgotPassword", "main form", new() { ["Input.Email"] = email });
        Assert.Equal(emails, await OutboxCountAsync(Factory));
        // Even a valid reset link would set the password without re-enabling the account.
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(Factory, await MintResetLinkAsync(Factory, email), "Meadow-Compass-77")).Status);
        Assert.Equal(LoginModel.RefusedMessage, (await later.SignInAsync(email, "Meadow-Compass-77")).FieldError("Input-Email"));
        var user = await WithDbAsync(Factory, db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.True(user.IsDisabled);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddYears(100));

        var enabled = await admin.SubmitAsync($"/Admin/Accounts/{id}", "#enable-form", new());
        Assert.Equal(HttpStatusCode.Redirect, enabled.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await later.SignInAsync(email, "Meadow-Compass-77")).Status);
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/Children")).Status);

        var adminId = await IdOfAsync(Factory, AdminEmail);
        var audit = await AuditOfAsync(Factory, id);
        Assert.Equal(adminId, Assert.Single(audit, e => e.Action == AuditAction.AccountDisabled).ActorUserId);
        Assert.Equal(adminId, Assert.Single(audit, e => e.Action == AuditAction.AccountEnabled).ActorUserId);
        Assert.Contains(audit, e => e.Action == AuditAction.SignInFailed && e.Summary!.Contains("disabled account"));
    }

    [Fact]
    public async Task Unlocking_lets_a_person_locked_out_by_failed_sign_ins_back_in()
    {
        const string email = "southvale.worker@beacon.test";
        var id = await IdOfAsync(Factory, email);
        using var person = BeaconClient.For(Factory);
        for (var i = 0; i < 5; i++) await person.SignInAsync(email, "wrong-password-" + i);
        Assert.Contains("locked", (await person.SignInAsync(email)).FieldError("Input-Email"));

        using var admin = await BeaconClient.SignedInAsync(Factory, AdminEmail);
        Assert.Contains("Locked", (await admin.GetAsync($"/Admin/Accounts/{id}")).Document.QuerySelector("#account-status")!.TextContent);
        // The administrator finds who is locked out from the list's status filter.
        var locked = await admin.GetAsync("/Admin/Accounts?State=Locked");
        Assert.True(locked.Document.QuerySelector($"#accounts tr[data-email='{email}']") is not null, locked.Status + locked.Text[..Math.Min(3000, locked.Text.Length)]);
        Assert.All(locked.Document.QuerySelectorAll("#accounts tbody tr"), row => Assert.Contains("Locked", row.TextContent));
        Assert.Null((await admin.GetAsync("/Admin/Accounts?State=Active")).Document.QuerySelector($"#accounts tr[data-email='{email}']"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/Admin/Accounts/{id}", "#unlock-form", new())).Status);
        Assert.Null((await admin.GetAsync("/Admin/Accounts?State=Locked")).Document.QuerySelector($"#accounts tr[data-email='{email}']"));

        Assert.Equal(HttpStatusCode.Redirect, (await person.SignInAsync(email)).Status);
        Assert.Equal(await IdOfAsync(Factory, AdminEmail), Assert.Single(await AuditOfAsync(Factory, id), e => e.Action == AuditAction.AccountUnlocked).ActorUserId);
    }

    [Fact]
    public async Task Resetting_two_factor_turns_it_off_and_the_person_sets_it_up_again_with_a_new_key()
    {
        const string email = "outreach@beacon.test";
        var id = await IdOfAsync(Factory, email);
        using var person = await BeaconClient.SignedInAsync(Factory, email);
        var (oldKey, _) = await TurnOnTwoFactorAsync(person);

        using var admin = await BeaconClient.SignedInAsync(Factory, AdminEmail);
        Assert.Equal("On", (await admin.GetAsync($"/Admin/Accounts/{id}")).Document.QuerySelector("#account-two-factor")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/Admin/Accounts/{id}", "#reset-two-factor-form", new())).Status);
        Assert.Equal("Off", (await admin.GetAsync($"/Admin/Accounts/{id}")).Document.QuerySelector("#account-two-factor")!.TextContent.Trim());
        Assert.False(await WithDbAsync(Factory, db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        // Their session has ended; a password alone signs them in, and the old authenticator entry is no use.
        Assert.Equal(HttpStatusCode.Redirect, (await person.GetAsync("/Children")).Status);
        using var later = BeaconClient.For(Factory);
        Assert.Equal("/", (await later.SignInAsync(email)).Location);
        var setup = await later.GetAsync("/Account/TwoFactor");
        var newKey = setup.Document.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "").ToUpperInvariant();
        Assert.NotEqual(oldKey, newKey);
        var oldCode = await later.SubmitAsync(setup, "main form", new() { ["Input.Code"] = new Totp(Base32Encoding.ToBytes(oldKey)).ComputeTotp() }, "/Account/TwoFactor");
        Assert.Contains("not correct", oldCode.FieldError("Input-Code"));

        Assert.Equal(await IdOfAsync(Factory, AdminEmail), Assert.Single(await AuditOfAsync(Factory, id), e => e.Action == AuditAction.TwoFactorReset).ActorUserId);
    }

    [Fact]
    public async Task Changing_roles_is_checked_against_the_organisation_and_the_person_signs_in_again_with_the_new_ones()
    {
        const string email = "panel.chair@beacon.test";
        var id = await IdOfAsync(Factory, email);
        using var person = await BeaconClient.SignedInAsync(Factory, email);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/Referrals/Queue")).Status);

        using var admin = await BeaconClient.SignedInAsync(Factory, AdminEmail);
        var refused = await admin.SubmitAsync($"/Admin/Accounts/{id}", "#roles-form", new() { ["Roles"] = BeaconRoles.PoliceOfficer });
        Assert.Equal("Police officer is not a role in Children's Social Care organisations. Choose from: Social worker, Team manager, Panel chair", refused.FieldError("Roles"));
        Assert.Equal("Select at least one role", (await admin.SubmitAsync($"/Admin/Accounts/{id}", "#roles-form", new() { ["Roles"] = "" })).FieldError("Roles"));

        var changed = await admin.SubmitAsync($"/Admin/Accounts/{id}", "#roles-form", new() { ["Roles"] = BeaconRoles.TeamManager });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Equal("Team manager", (await admin.GetAsync($"/Admin/Accounts/{id}")).Document.QuerySelector("#account-roles")!.TextContent.Trim());

        // The old session ends; signed in again, the person works as a team manager.
        Assert.Equal(HttpStatusCode.Redirect, (await person.GetAsync("/Referrals/Queue")).Status);
        using var again = await BeaconClient.SignedInAsync(Factory, email);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/Referrals/Queue")).Status);

        var entry = Assert.Single(await AuditOfAsync(Factory, id), e => e.Action == AuditAction.RolesChanged);
        Assert.Equal($"Roles of {email} changed from Panel chair to Team manager", entry.Summary);
        Assert.Equal(await IdOfAsync(Factory, AdminEmail), entry.ActorUserId);
    }

    [Fact]
    public async Task An_administrator_cannot_lock_themselves_out()
    {
        var id = await IdOfAsync(Factory, AdminEmail);
        using var admin = await BeaconClient.SignedInAsync(Factory, AdminEmail);
        var disable = await admin.SubmitAsync($"/Admin/Accounts/{id}", "#disable-form", new());
        Assert.Contains("You cannot disable your own account: ask another administrator", disable.Errors);
        var roles = await admin.SubmitAsync($"/Admin/Accounts/{id}", "#roles-form", new() { ["Roles"] = BeaconRoles.Auditor });
        Assert.Equal("You cannot remove your own Administrator role: ask another administrator", roles.FieldError("Roles"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Accounts")).Status);
        Assert.DoesNotContain(await AuditOfAsync(Factory, id), e => e.Action is AuditAction.AccountDisabled or AuditAction.RolesChanged);
    }

    [Theory]
    [InlineData("school.lead@beacon.test")]
    [InlineData("social.worker@beacon.test")]
    [InlineData("auditor@beacon.test")]
    [InlineData("board.member@beacon.test")]
    public async Task Only_administrators_open_the_administration_pages(string email)
    {
        var adminId = await IdOfAsync(Factory, AdminEmail);
        using var client = await BeaconClient.SignedInAsync(Factory, email);
        foreach (var page in new[] { "/Admin/Accounts", "/Admin/Accounts/Create", $"/Admin/Accounts/{adminId}", "/Admin/Outbox" })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(page)).Status);
    }

    [Fact]
    public async Task An_administrator_sees_no_childs_record()
    {
        var childId = await WithDbAsync(Factory, db => db.Children.OrderBy(c => c.LastName).Select(c => c.Id).FirstAsync());
        using var admin = await BeaconClient.SignedInAsync(Factory, AdminEmail);
        Assert.Contains((await admin.GetAsync($"/Children/{childId}")).Status, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/Children")).Status);
    }
}
