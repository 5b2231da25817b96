using System.Net;
using Beacon.Web.Tests.Infrastructure;

namespace Beacon.Web.Tests.Features.Children;

/// <summary>A restricted record is seen only by the people named on it, whatever their agency or role.</summary>
public abstract class RestrictedRecordTests(BeaconFixture beacon)
{
    [Fact]
    public async Task A_team_manager_restricts_a_record_and_names_who_may_see_it()
    {
        using var manager = await BeaconClient.SignedInAsync(beacon.Require(), "team.manager@beacon.test");
        var location = await ChildRecordTests.CreateChildAsync(manager, new()
        {
            ["Input.FirstName"] = "Rosalind", ["Input.LastName"] = "Quenby",
            ["Input.DateOfBirth.Day"] = "2", ["Input.DateOfBirth.Month"] = "6", ["Input.DateOfBirth.Year"] = "2011",
            ["Input.Gender"] = "Female", ["Input.Ethnicity"] = "Refused", ["Input.Organisations"] = DemoWorld.Organisation(Beacon.Web.Infrastructure.Data.DemoData.Org.Police).ToString(),
        });
        using var police = await BeaconClient.SignedInAsync(beacon.Require(), "police.officer@beacon.test");
        using var worker = await BeaconClient.SignedInAsync(beacon.Require(), "social.worker@beacon.test");
        Assert.Equal(HttpStatusCode.OK, (await police.GetAsync(location)).Status);

        // A social worker may see the record but not decide who else may.
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync(location + "/Access")).Status);

        var restricted = await manager.SubmitAsync(location + "/Access", "#restriction-form", []);
        Assert.Equal(HttpStatusCode.Redirect, restricted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync(location)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync(location)).Status);
        Assert.Empty((await worker.GetAsync("/Children?Name=Quenby")).Document.QuerySelectorAll("table a"));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(location)).Status);

        var unknown = await manager.SubmitAsync(location + "/Access", "form[action*='Grant']", new() { ["Email"] = "nobody@beacon.test" });
        Assert.Equal("There is no Beacon account with that email address", unknown.FieldError("Email"));

        // Nobody who sees no records can be named: not the administrator, not a board member.
        foreach (var email in new[] { "admin@beacon.test", "board.member@beacon.test" })
        {
            var refused = await manager.SubmitAsync(location + "/Access", "form[action*='Grant']", new() { ["Email"] = email });
            Assert.Contains("only practitioners who work with children", refused.FieldError("Email"));
        }
        using var admin = await BeaconClient.SignedInAsync(beacon.Require(), "admin@beacon.test");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(location)).Status);

        await manager.SubmitAsync(location + "/Access", "form[action*='Grant']", new() { ["Email"] = "police.officer@beacon.test" });
        Assert.Equal(HttpStatusCode.OK, (await police.GetAsync(location)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync(location)).Status);

        // Restricted means restricted: the access history shows the record's contents, so the auditor gets neither.
        using var auditor = await BeaconClient.SignedInAsync(beacon.Require(), "auditor@beacon.test");
        var history = await auditor.GetAsync(location + "/AccessHistory");
        Assert.Equal(HttpStatusCode.NotFound, history.Status);
        Assert.DoesNotContain("Rosalind", history.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync(location)).Status);
    }

    [Fact]
    public async Task My_referrals_keeps_a_referral_about_a_record_restricted_since_without_the_name_or_decision()
    {
        using var outreach = await BeaconClient.SignedInAsync(beacon.Require(), "outreach@beacon.test");
        var referralId = await Referrals.ReferralSteps.RaiseForNewChildAsync(beacon.Require(), outreach, "Leocadia", "Varnham");
        Assert.Contains("Leocadia Varnham", (await outreach.GetAsync("/Referrals")).Text);

        using var manager = await BeaconClient.SignedInAsync(beacon.Require(), "team.manager@beacon.test");
        var childId = await Referrals.ReferralSteps.WithDbAsync(beacon.Require(), db =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Referrals.Where(r => r.Id == referralId).Select(r => r.ChildId)));
        await manager.SubmitAsync($"/Children/{childId}/Access", "#restriction-form", []);

        var mine = await outreach.GetAsync("/Referrals");
        Assert.DoesNotContain("Leocadia", mine.Text);
        Assert.DoesNotContain("Varnham", mine.Text);
        Assert.Contains("Restricted record", mine.Text);
        Assert.Null(mine.Document.QuerySelector($"a[href='/Referrals/{referralId}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await outreach.GetAsync($"/Referrals/{referralId}")).Status);
    }
}

public sealed class SqliteRestrictedRecordTests(SqliteBeacon beacon) : RestrictedRecordTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresRestrictedRecordTests(PostgresBeacon beacon) : RestrictedRecordTests(beacon), IClassFixture<PostgresBeacon>;
