using System.Net;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Features.Children;
using Beacon.Web.Tests.Features.Referrals;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Org = Beacon.Web.Infrastructure.Data.DemoData.Org;

namespace Beacon.Web.Tests.Features.Organisations;

/// <summary>
/// Need-to-know by organisation and area, through the real pages: two schools never see each other's pupils,
/// each local authority's front door holds its own area's referrals, and a child placed out of area is told to
/// the host authority and the police on their work lists.
/// </summary>
public abstract class OrganisationAccessTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();

    private static Dictionary<string, string> Child(string first, string last) => ReferralSteps.NewChild(first, last);

    [Fact]
    public async Task A_designated_safeguarding_lead_never_sees_a_pupil_of_another_school()
    {
        using var northgate = await BeaconClient.SignedInAsync(Factory, "school.lead@beacon.test");
        var pupil = await ChildRecordTests.CreateChildAsync(northgate, Child("Philippa", "Marchbanks"));
        Assert.Equal(HttpStatusCode.OK, (await northgate.GetAsync(pupil)).Status);

        using var southvale = await BeaconClient.SignedInAsync(Factory, "southvale.school.lead@beacon.test");
        Assert.Equal(HttpStatusCode.NotFound, (await southvale.GetAsync(pupil)).Status);
        Assert.Empty((await southvale.GetAsync("/Children?Name=Marchbanks")).Document.QuerySelectorAll("table a"));
        // A school serving one area records children of that area without being asked.
        Assert.Equal(DemoData.Northgate, (await northgate.GetAsync(pupil)).Document.QuerySelector("#responsible-area")!.TextContent.Trim());
    }

    [Fact]
    public async Task Each_local_authoritys_front_door_holds_its_own_areas_referrals()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        await ReferralSteps.RaiseForNewChildAsync(Factory, outreach, "Cordelia", "Winterbourne");

        using var northgate = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        Assert.Contains("Cordelia Winterbourne", (await northgate.GetAsync("/Referrals/Queue")).Text);
        using var southvale = await BeaconClient.SignedInAsync(Factory, "southvale.worker@beacon.test");
        var queue = await southvale.GetAsync("/Referrals/Queue");
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        Assert.DoesNotContain("Cordelia Winterbourne", queue.Text);
        Assert.DoesNotContain("Cordelia Winterbourne", (await southvale.GetAsync("/MyWork")).Text);
    }

    [Fact]
    public async Task Only_the_responsible_authority_changes_looked_after_status_placement_and_who_is_involved()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var location = await ChildRecordTests.CreateChildAsync(worker, new(Child("Seraphine", "Oakhanger"))
        {
            ["Input.Organisations"] = DemoWorld.Organisation(Org.NorthgateAcademy).ToString(),
        });
        var placed = await worker.SubmitAsync(location + "/Edit", "main form", new()
        {
            ["Input.IsLookedAfter"] = "true", ["Input.Placement"] = "Foster care", ["Input.PlacedOutOfArea"] = "true",
            ["Input.HostAreaId"] = DemoWorld.Southvale.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, placed.Status);

        // The school may correct the child's details, but its form has no placement or involvement questions, and a
        // forged post cannot change them: the police and the host authority keep their access.
        using var school = await BeaconClient.SignedInAsync(Factory, "school.lead@beacon.test");
        var form = await school.GetAsync(location + "/Edit");
        Assert.NotNull(form.Document.QuerySelector("#care-managed-elsewhere"));
        Assert.Null(form.Document.QuerySelector("[name='Input.Organisations']"));
        var forged = await school.SubmitAsync(form, "main form", new()
        {
            ["Input.School"] = "Northgate Academy", ["Input.IsLookedAfter"] = "false", ["Input.PlacedOutOfArea"] = "false",
            ["Input.Organisations"] = DemoWorld.Organisation(Org.SouthvaleHigh).ToString(),
        }, location + "/Edit");
        Assert.Equal(HttpStatusCode.Redirect, forged.Status);
        var record = await worker.GetAsync(location);
        Assert.Contains("in Southvale", record.Document.QuerySelector("#looked-after")!.TextContent);
        Assert.DoesNotContain(Org.SouthvaleHigh, record.Document.QuerySelector("#organisations")!.TextContent);
        Assert.Contains("Northgate Academy", record.Text);
        using var police = await BeaconClient.SignedInAsync(Factory, "police.officer@beacon.test");
        Assert.Equal(HttpStatusCode.OK, (await police.GetAsync(location)).Status);
        // The host authority sees the child but does not take over the responsible authority's decisions.
        using var southvale = await BeaconClient.SignedInAsync(Factory, "southvale.worker@beacon.test");
        Assert.NotNull((await southvale.GetAsync(location + "/Edit")).Document.QuerySelector("#care-managed-elsewhere"));
    }

    [Fact]
    public async Task Timescale_breaches_are_each_local_authoritys_own()
    {
        using var northgate = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var theirs = await northgate.GetAsync("/MyWork/Breaches");
        Assert.NotEmpty(theirs.Document.QuerySelectorAll("#breaches tbody tr"));
        // Southvale's front door does not see Northgate's breaches, not even as unnamed rows.
        using var southvale = await BeaconClient.SignedInAsync(Factory, "southvale.worker@beacon.test");
        var ours = await southvale.GetAsync("/MyWork/Breaches");
        Assert.Equal(HttpStatusCode.OK, ours.Status);
        Assert.DoesNotContain(Beacon.Web.Features.MyWork.Workload.RestrictedName, ours.Text);
        Assert.Empty(ours.Document.QuerySelectorAll("#breaches tbody tr"));
        Assert.Contains("No breaches", ours.Document.QuerySelector("#counts")!.TextContent);
    }

    [Fact]
    public async Task A_police_officer_serving_two_areas_chooses_the_responsible_authority_and_is_refused_without_one()
    {
        using var police = await BeaconClient.SignedInAsync(Factory, "police.officer@beacon.test");
        var refused = await police.SubmitAsync("/Children/Create", "main form", Child("Ignatia", "Pollexfen"));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("Select the local authority responsible for the child", refused.FieldError("Input-ResponsibleAreaId"));
        Assert.Equal(0, await CountAsync("Pollexfen"));

        var forged = await police.SubmitAsync("/Children/Create", "main form",
            new(Child("Ignatia", "Pollexfen")) { ["Input.ResponsibleAreaId"] = Guid.NewGuid().ToString() });
        Assert.Equal("Select the local authority responsible for the child", forged.FieldError("Input-ResponsibleAreaId"));
        Assert.Equal(0, await CountAsync("Pollexfen"));

        var location = await ChildRecordTests.CreateChildAsync(police,
            new(Child("Ignatia", "Pollexfen")) { ["Input.ResponsibleAreaId"] = DemoWorld.Southvale.ToString() });
        using var southvale = await BeaconClient.SignedInAsync(Factory, "southvale.worker@beacon.test");
        Assert.Equal(HttpStatusCode.OK, (await southvale.GetAsync(location)).Status);
        using var northgate = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        Assert.Equal(HttpStatusCode.NotFound, (await northgate.GetAsync(location)).Status);
    }

    [Fact]
    public async Task Placing_a_child_out_of_area_tells_the_host_authority_and_the_police_on_their_work_lists()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var location = await ChildRecordTests.CreateChildAsync(worker, Child("Araminta", "Featherstonehaugh"));
        using var southvale = await BeaconClient.SignedInAsync(Factory, "southvale.worker@beacon.test");
        Assert.Equal(HttpStatusCode.NotFound, (await southvale.GetAsync(location)).Status);

        // A placement "in" the child's own area is refused and changes nothing.
        var own = await worker.SubmitAsync(location + "/Edit", "main form", new()
        {
            ["Input.IsLookedAfter"] = "true", ["Input.Placement"] = "Children's home", ["Input.PlacedOutOfArea"] = "true",
            ["Input.HostAreaId"] = DemoWorld.Northgate.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Contains("other than the responsible local authority", own.FieldError("Input-HostAreaId"));

        var placed = await worker.SubmitAsync(location + "/Edit", "main form", new()
        {
            ["Input.IsLookedAfter"] = "true", ["Input.Placement"] = "Children's home", ["Input.PlacedOutOfArea"] = "true",
            ["Input.HostAreaId"] = DemoWorld.Southvale.ToString(),
        });
        Assert.True(placed.Status == HttpStatusCode.Redirect, string.Join("; ", placed.Errors));
        var record = await worker.GetAsync(location);
        Assert.Contains("in Southvale", record.Document.QuerySelector("#looked-after")!.TextContent);
        Assert.Contains(Org.SouthvaleSocialCare, record.Document.QuerySelector("#organisations")!.TextContent);
        Assert.Contains(Org.Police, record.Document.QuerySelector("#organisations")!.TextContent);

        // The host authority now sees the child, and is told on its work list; so is the police force.
        Assert.Equal(HttpStatusCode.OK, (await southvale.GetAsync(location)).Status);
        var southvaleWork = await southvale.GetAsync("/MyWork");
        var told = southvaleWork.Document.QuerySelector("#notifications")!.TextContent;
        Assert.Contains("Araminta Featherstonehaugh", told);
        Assert.Contains("placed in Southvale", told);
        using var police = await BeaconClient.SignedInAsync(Factory, "police.officer@beacon.test");
        Assert.Contains("Araminta Featherstonehaugh", (await police.GetAsync("/MyWork")).Document.QuerySelector("#notifications")!.TextContent);
        // Nobody else is told, and the placing authority's own list carries no notice of its own decision.
        using var school = await BeaconClient.SignedInAsync(Factory, "southvale.school.lead@beacon.test");
        Assert.DoesNotContain("Araminta Featherstonehaugh", (await school.GetAsync("/MyWork")).Text);
        Assert.DoesNotContain("Araminta Featherstonehaugh", (await worker.GetAsync("/MyWork")).Document.QuerySelector("#notifications")?.TextContent ?? "");

        // Saving again does not tell anyone twice.
        await worker.SubmitAsync(location + "/Edit", "main form", new() { ["Input.School"] = "Southvale High School" });
        Assert.Equal(1, await NotificationsAboutAsync("Featherstonehaugh", Org.SouthvaleSocialCare));

        // Marked seen by one person, it leaves the list of everyone at that organisation; who saw it is kept.
        var seen = await southvale.SubmitAsync(southvaleWork, "#notifications form", [], "/MyWork");
        Assert.Equal(HttpStatusCode.Redirect, seen.Status);
        Assert.DoesNotContain("Araminta Featherstonehaugh", (await southvale.GetAsync("/MyWork")).Document.QuerySelector("#notifications")?.TextContent ?? "");
        Assert.Contains("Araminta Featherstonehaugh", (await police.GetAsync("/MyWork")).Document.QuerySelector("#notifications")!.TextContent);
        Assert.True(await ReferralSteps.WithDbAsync(Factory, db => (from n in db.WorkNotifications
                                                                    join c in db.Children on n.ChildId equals c.Id
                                                                    where c.LastName == "Featherstonehaugh" && n.SeenByUserId != null
                                                                    select n).AnyAsync()));
    }

    [Fact]
    public async Task Someone_cannot_mark_another_organisations_notification_seen()
    {
        var id = await ReferralSteps.WithDbAsync(Factory, db => db.WorkNotifications
            .Where(n => n.OrganisationId == DemoWorld.Organisation(Org.SouthvaleSocialCare)).Select(n => n.Id).FirstAsync());
        using var northgate = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        // Any form of theirs carries a valid anti-forgery token; the post goes to My work's "seen" handler.
        var page = await northgate.GetAsync("/Children/Create");
        var refused = await northgate.SubmitAsync(page, "main form", new() { ["notificationId"] = id.ToString() }, "/MyWork?handler=Seen");
        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
    }

    [Fact]
    public async Task The_demo_shows_an_out_of_area_placement_told_to_the_host_area()
    {
        using var southvale = await BeaconClient.SignedInAsync(Factory, "southvale.worker@beacon.test");
        var told = (await southvale.GetAsync("/MyWork")).Document.QuerySelector("#notifications");
        Assert.NotNull(told);
        Assert.Contains("has been placed in Southvale", told.TextContent);
    }

    private Task<int> CountAsync(string lastName) => ReferralSteps.WithDbAsync(Factory, db => db.Children.CountAsync(c => c.LastName == lastName));

    private Task<int> NotificationsAboutAsync(string lastName, string organisation) => ReferralSteps.WithDbAsync(Factory, db =>
        (from n in db.WorkNotifications join c in db.Children on n.ChildId equals c.Id
         where c.LastName == lastName && n.OrganisationId == DemoWorld.Organisation(organisation) select n).CountAsync());
}

public sealed class SqliteOrganisationAccessTests(SqliteBeacon beacon) : OrganisationAccessTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresOrganisationAccessTests(PostgresBeacon beacon) : OrganisationAccessTests(beacon), IClassFixture<PostgresBeacon>;
