using System.Net;
using Beacon.Core.Access;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Features.Admin;

/// <summary>An administrator adds the areas and organisations a real deployment has; bad input changes nothing.</summary>
public sealed class OrganisationAdministrationTests(SqliteBeacon beacon) : IClassFixture<SqliteBeacon>
{
    [Fact]
    public async Task An_administrator_adds_an_area_and_its_childrens_social_care_and_bad_input_changes_nothing()
    {
        using var admin = await BeaconClient.SignedInAsync(beacon.Require(), "admin@beacon.test");
        var area = await admin.SubmitAsync("/Admin/Organisations", "form[action*='Area']", new() { ["AreaName"] = "Eastbrook" });
        Assert.Equal(HttpStatusCode.Redirect, area.Status);
        var duplicate = await admin.SubmitAsync("/Admin/Organisations", "form[action*='Area']", new() { ["AreaName"] = "eastbrook" });
        Assert.Equal("There is already an area called eastbrook", duplicate.FieldError("AreaName"));

        var page = await admin.GetAsync("/Admin/Organisations");
        var ids = page.Document.QuerySelectorAll("input[name='AreaIds']").Select(i => (Id: i.GetAttribute("value")!, Label: i.ParentElement!.TextContent.Trim())).ToList();
        var eastbrook = ids.Single(i => i.Label == "Eastbrook").Id;
        var northgate = ids.Single(i => i.Label == "Northgate").Id;

        var twoAreas = await admin.SubmitAsync(page, "form[action*='Organisation']", new()
        {
            ["OrganisationName"] = "Eastbrook Council Children's Social Care", ["Kind"] = nameof(Agency.ChildrensSocialCare),
            ["AreaIds"] = eastbrook,
        }, "/Admin/Organisations");
        Assert.Equal(HttpStatusCode.Redirect, twoAreas.Status);
        Assert.Contains("Eastbrook Council Children's Social Care", (await admin.GetAsync("/Admin/Organisations")).Document.QuerySelector("#organisations")!.TextContent);

        var before = await CountAsync();
        var refused = await admin.SubmitAsync(page, "form[action*='Organisation']", new()
        {
            ["OrganisationName"] = "Joint Children's Social Care", ["Kind"] = nameof(Agency.ChildrensSocialCare), ["AreaIds"] = northgate,
        }, "/Admin/Organisations");
        Assert.Equal("That area already has its Children's Social Care", refused.FieldError("AreaIds"));
        var noArea = await admin.SubmitAsync(page, "form[action*='Organisation']", new() { ["OrganisationName"] = "Nowhere School", ["Kind"] = nameof(Agency.Education) }, "/Admin/Organisations");
        Assert.Equal("Select at least one area the organisation serves", noArea.FieldError("AreaIds"));
        var forged = await admin.SubmitAsync(page, "form[action*='Organisation']", new()
        {
            ["OrganisationName"] = "Forged School", ["Kind"] = nameof(Agency.Education), ["AreaIds"] = Guid.NewGuid().ToString(),
        }, "/Admin/Organisations");
        Assert.Equal("Select areas from the list", forged.FieldError("AreaIds"));
        Assert.Equal(before, await CountAsync());

        using var worker = await BeaconClient.SignedInAsync(beacon.Require(), "social.worker@beacon.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/Admin/Organisations")).Status);
    }

    private Task<int> CountAsync() => Referrals.ReferralSteps.WithDbAsync(beacon.Require(), db => db.Organisations.CountAsync());
}
