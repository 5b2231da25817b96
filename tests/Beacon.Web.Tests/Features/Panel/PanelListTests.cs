using System.Net;
using Beacon.Core.Panel;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Beacon.Web.Tests.Features.Referrals.ReferralSteps;
using RiskSteps = Beacon.Web.Tests.Features.RiskAssessment.RiskAssessmentSteps;

namespace Beacon.Web.Tests.Features.Panel;

/// <summary>The panel's list: children at serious risk are on it without anyone adding them, and leave only in the open.</summary>
public abstract class PanelListTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();

    private static async Task<bool> OnListAsync(BeaconClient client, Guid childId) =>
        (await client.GetAsync("/Panel")).Document.QuerySelector($"#panel-list tr[data-child='{childId}']") is not null;

    [Fact]
    public async Task A_child_at_serious_risk_is_listed_leaves_only_by_an_approved_removal_and_the_register_keeps_it()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var childId = await RiskSteps.CreateChildAsync(worker, "Guinevere", "Panelby");
        await RiskSteps.SignedOffAsync(worker, childId, "police-sexual-offence");
        Assert.True(await OnListAsync(worker, childId), "a child at serious risk is on the list without anyone adding them");
        Assert.Contains("(current risk assessment)", (await worker.GetAsync($"/Children/{childId}")).Document.QuerySelector("#panel-status")!.TextContent);
        using (var csv = await worker.Http.GetAsync("/Panel?handler=Csv"))
        {
            Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
            Assert.Contains("Guinevere Panelby,Serious risk", await csv.Content.ReadAsStringAsync());
        }

        // "Risk reduced" is refused while the current assessment is serious; nothing changes.
        var url = $"/Panel/{childId}/Remove";
        var refused = await worker.SubmitAsync(url, "main form", new() { ["Category"] = nameof(RemovalCategory.RiskReduced), ["Rationale"] = "Doing better" });
        Assert.Contains("still serious", refused.FieldError("Category"));
        var noRationale = await worker.SubmitAsync(url, "main form", new() { ["Category"] = nameof(RemovalCategory.MovedOutOfAreaHandedOver), ["Rationale"] = "" });
        Assert.Equal("Explain the decision: what has changed, and the evidence for it", noRationale.FieldError("Rationale"));
        Assert.Equal(0, await WithDbAsync(Factory, db => db.Set<PanelListing>().CountAsync(l => l.ChildId == childId && l.Status != ListingStatus.Listed)));

        var proposed = await worker.SubmitAsync(url, "main form", new()
        {
            ["Category"] = nameof(RemovalCategory.MovedOutOfAreaHandedOver), ["Rationale"] = "Moved to a (fictional) northern authority; their panel took the case on 3 June",
        });
        Assert.Equal(HttpStatusCode.Redirect, proposed.Status);
        Assert.True(await OnListAsync(worker, childId), "a proposal alone removes nobody");
        var waiting = await worker.GetAsync("/Panel?RemovalProposed=true&Sort=Name");
        Assert.NotNull(waiting.Document.QuerySelector($"#panel-list tr[data-child='{childId}']"));
        Assert.All(waiting.Document.QuerySelectorAll("#panel-list tbody tr"), r => Assert.Contains("Removal proposed", r.TextContent));
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/Panel/Removals")).Status);

        // The chair decides.
        using var chair = await BeaconClient.SignedInAsync(Factory, "panel.chair@beacon.test");
        var removals = await chair.GetAsync("/Panel/Removals");
        var listingId = await WithDbAsync(Factory, db => db.Set<PanelListing>().Where(l => l.ChildId == childId).Select(l => l.Id).SingleAsync());
        var approve = await chair.SubmitAsync(removals, $"#removal-{listingId} form[action*='handler=Approve']", []);
        Assert.Equal(HttpStatusCode.Redirect, approve.Status);
        Assert.False(await OnListAsync(worker, childId));

        // The register: reason, rationale, the level at the time, who proposed and approved; the board sees it without the name.
        var register = await worker.GetAsync("/Panel/Register");
        var row = register.Document.QuerySelectorAll("#register tbody tr").Single(r => r.TextContent.Contains("Guinevere Panelby"));
        Assert.Contains("Moved out of area and handed over", row.TextContent);
        Assert.Contains("Serious", row.TextContent);
        using var board = await BeaconClient.SignedInAsync(Factory, "board.member@beacon.test");
        var boardRegister = await board.GetAsync("/Panel/Register");
        Assert.Equal(HttpStatusCode.OK, boardRegister.Status);
        Assert.DoesNotContain("Guinevere", boardRegister.Text);
        Assert.Contains("their panel took the case on 3 June", boardRegister.Text);
        var boardCsv = await (await board.Http.GetAsync("/Panel/Register?handler=Csv")).Content.ReadAsStringAsync();
        Assert.Contains("their panel took the case on 3 June", boardCsv);
        Assert.DoesNotContain("Guinevere", boardCsv);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.GetAsync("/Panel")).Status);
        Assert.Contains("Moved out of area and handed over", (await board.GetAsync("/Panel/Counts")).Document.QuerySelector("#removal-counts")!.TextContent);

        var record = await worker.GetAsync($"/Children/{childId}");
        Assert.Contains("Not on the panel's list", record.Document.QuerySelector("#panel-status")!.TextContent);
        Assert.Contains("moved out of area", record.Document.QuerySelector("#panel-last-removal")!.TextContent);

        // A new assessment at serious risk after the removal puts the child back on the list.
        await RiskSteps.SignedOffAsync(worker, childId, "police-sexual-offence");
        Assert.True(await OnListAsync(worker, childId));
    }

    [Fact]
    public async Task The_chair_adds_a_child_with_a_reason_and_only_the_chair_may()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var childId = await RiskSteps.CreateChildAsync(worker, "Isolde", "Panelby");
        Assert.False(await OnListAsync(worker, childId));
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/Panel/{childId}/Add")).Status);

        using var chair = await BeaconClient.SignedInAsync(Factory, "panel.chair@beacon.test");
        var noReason = await chair.SubmitAsync($"/Panel/{childId}/Add", "main form", new() { ["Because"] = " " });
        Assert.Equal("Say why the child should be on the panel's list", noReason.FieldError("Because"));
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitAsync($"/Panel/{childId}/Add", "main form", new() { ["Because"] = "Named in police intelligence about a (fictional) party house" })).Status);
        Assert.True(await OnListAsync(worker, childId));
        Assert.Contains("already on the panel's list", string.Join(" ", (await chair.GetAsync($"/Panel/{childId}/Add")).Errors));

        using var school = await BeaconClient.SignedInAsync(Factory, "school.lead@beacon.test");
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/Panel/{childId}/Remove")).Status);
    }

    [Fact]
    public async Task The_proposer_cannot_approve_their_own_removal_even_as_chair()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var childId = await RiskSteps.CreateChildAsync(worker, "Morgause", "Panelby");
        using var chair = await BeaconClient.SignedInAsync(Factory, "panel.chair@beacon.test");
        await chair.SubmitAsync($"/Panel/{childId}/Add", "main form", new() { ["Because"] = "Seen with adults the panel knows" });
        await chair.SubmitAsync($"/Panel/{childId}/Remove", "main form", new() { ["Category"] = nameof(RemovalCategory.ListedInError), ["Rationale"] = "Wrong child: same name" });
        var listing = await WithDbAsync(Factory, db => db.Set<PanelListing>().SingleAsync(l => l.ChildId == childId));
        var page = await chair.GetAsync("/Panel/Removals");
        Assert.Contains("You proposed this removal", page.Document.QuerySelector($"#removal-{listing.Id}")!.TextContent);
        var forced = await PostAsync(chair, "/Panel/Removals", "Approve", new() { ["listingId"] = listing.Id.ToString(), ["version"] = listing.Version.ToString() });
        Assert.Contains("a chair other than the person who proposed it", string.Join(" ", forced.Errors));
        Assert.Equal(ListingStatus.RemovalProposed, (await WithDbAsync(Factory, db => db.Set<PanelListing>().AsNoTracking().SingleAsync(l => l.ChildId == childId))).Status);
    }
}

public sealed class SqlitePanelListTests(SqliteBeacon beacon) : PanelListTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresPanelListTests(PostgresBeacon beacon) : PanelListTests(beacon), IClassFixture<PostgresBeacon>;
