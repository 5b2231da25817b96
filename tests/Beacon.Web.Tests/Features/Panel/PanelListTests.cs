using System.Net;
using Beacon.Core.Panel;
using Beacon.Core.Referrals;
using Beacon.Core.Timescales;
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
    public async Task A_referral_of_suspected_exploitation_lists_the_child_until_the_panel_has_seen_them_and_no_further_action_takes_them_off()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        // A concern without the flag waits for triage and assessment; one with it goes to the panel now.
        var plain = await RaiseForNewChildAsync(Factory, outreach, "Perpetua", "Unflagged");
        var flaggedPage = await SendNewChildReferralAsync(outreach,
            new(NewChild("Octavia", "Flaggedby").Concat(Concern()).Append(new("Concern.ExploitationSuspected", "true")).ToDictionary()));
        Assert.Equal(HttpStatusCode.Redirect, flaggedPage.Status);
        var flagged = await WithDbAsync(Factory, db => db.Referrals.Where(r => r.ExploitationSuspected)
            .Join(db.Children.Where(c => c.LastName == "Flaggedby"), r => r.ChildId, c => c.Id, (r, c) => new { ChildId = c.Id, ReferralId = r.Id }).SingleAsync());
        var (flaggedChild, flaggedReferral) = (flagged.ChildId, flagged.ReferralId);
        var plainChild = (await ReferralAsync(Factory, plain)).ChildId;

        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var row = (await worker.GetAsync("/Panel")).Document.QuerySelector($"#panel-list tr[data-child='{flaggedChild}']");
        Assert.NotNull(row);
        Assert.Contains("New referral of suspected exploitation", row!.TextContent);
        Assert.False(await OnListAsync(worker, plainChild));

        // The chair's next agenda has the child as new to the list.
        using var chair = await BeaconClient.SignedInAsync(Factory, "panel.chair@beacon.test");
        var at = UkTime.ToUkLocal(DateTime.UtcNow.AddDays(2));
        var meeting = await chair.SubmitAsync("/Panel/Meetings", "#schedule-meeting", new()
        {
            ["When.Date.Day"] = at.Day.ToString(), ["When.Date.Month"] = at.Month.ToString(), ["When.Date.Year"] = at.Year.ToString(), ["When.Time"] = "10:00", ["Location"] = "Room 9",
        });
        await chair.SubmitAsync(meeting.Location!, "#build-agenda", []);
        Assert.Contains("new to the list", (await chair.GetAsync(meeting.Location!)).Document.QuerySelector($"#agenda li[data-child='{flaggedChild}']")!.TextContent);

        // "No further action" on that referral, approved by a manager, takes the child off (no other reason keeps them on).
        Assert.Equal(HttpStatusCode.Redirect, (await worker.SubmitAsync($"/Referrals/{flaggedReferral}", "#decide",
            Decision(TriageOutcome.NoFurtherAction, reason: "Checks with the school and police found no exploitation"))).Status);
        Assert.True(await OnListAsync(worker, flaggedChild), "a proposal of no further action alone takes nobody off");
        using var manager = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync($"/Referrals/{flaggedReferral}", "#approve", [])).Status);
        Assert.Equal(TriageOutcome.NoFurtherAction, (await ReferralAsync(Factory, flaggedReferral)).Outcome);
        Assert.False(await OnListAsync(worker, flaggedChild));
    }

    [Fact]
    public async Task A_child_at_serious_risk_is_listed_leaves_only_by_an_approved_removal_and_the_register_keeps_it()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var childId = await RiskSteps.CreateChildAsync(worker, "Guinevere", "Panelby");
        await RiskSteps.SignedOffAsync(worker, childId, "police-sexual-offence");
        Assert.True(await OnListAsync(worker, childId), "a child at serious risk is on the list without anyone adding them");
        Assert.Contains("(assessed at significant or serious risk)", (await worker.GetAsync($"/Children/{childId}")).Document.QuerySelector("#panel-status")!.TextContent);
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
    public async Task A_lower_assessment_does_not_take_a_child_off_the_list_only_an_approved_removal_does()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var childId = await RiskSteps.CreateChildAsync(worker, "Rosamund", "Stayslisted");
        await RiskSteps.SignedOffAsync(worker, childId, "police-sexual-offence");
        Assert.True(await OnListAsync(worker, childId));

        // A new assessment finds no apparent risk: the child stays on the list, at their new level, until the panel decides.
        await RiskSteps.SignedOffAsync(worker, childId);
        Assert.Equal(Core.RiskAssessment.ExploitationRiskLevel.NoApparentRisk,
            await WithDbAsync(Factory, db => db.Set<Beacon.Web.Features.RiskAssessment.ChildRiskPosition>().Where(p => p.ChildId == childId).Select(p => p.Level).SingleAsync()));
        Assert.True(await OnListAsync(worker, childId), "a lower assessment alone takes nobody off the panel's list");
        var row = (await worker.GetAsync("/Panel?Sort=Name")).Document.QuerySelector($"#panel-list tr[data-child='{childId}']")!;
        Assert.Contains("No apparent risk", row.TextContent);
        Assert.Contains("On the list since", (await worker.GetAsync($"/Children/{childId}")).Document.QuerySelector("#panel-status")!.TextContent);

        // "Risk reduced", evidenced by that assessment, is proposed and the chair approves: only then does the child leave.
        var proposed = await worker.SubmitAsync($"/Panel/{childId}/Remove", "main form", new()
        {
            ["Category"] = nameof(RemovalCategory.RiskReduced), ["Rationale"] = "Reassessed after three months of (fictional) outreach work: no indicators found",
        });
        Assert.True(proposed.Status == HttpStatusCode.Redirect, string.Join("; ", proposed.Errors));
        Assert.True(await OnListAsync(worker, childId));
        using var chair = await BeaconClient.SignedInAsync(Factory, "panel.chair@beacon.test");
        var listingId = await WithDbAsync(Factory, db => db.Set<PanelListing>().Where(l => l.ChildId == childId).Select(l => l.Id).SingleAsync());
        var approve = await chair.SubmitAsync(await chair.GetAsync("/Panel/Removals"), $"#removal-{listingId} form[action*='handler=Approve']", []);
        Assert.Equal(HttpStatusCode.Redirect, approve.Status);
        Assert.False(await OnListAsync(worker, childId));
        var register = (await worker.GetAsync("/Panel/Register")).Document.QuerySelectorAll("#register tbody tr").Single(r => r.TextContent.Contains("Rosamund Stayslisted"));
        Assert.Contains("Risk reduced", register.TextContent);
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
