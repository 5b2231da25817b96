using System.Globalization;
using System.Net;
using Beacon.Core.Actions;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Beacon.Web.Tests.Features.Referrals.ReferralSteps;

namespace Beacon.Web.Tests.Features.Actions;

/// <summary>Agreed actions: who does what by when, on the owner's work list until done with evidence.</summary>
public abstract class AgreedActionTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();
    private static DateOnly Today => Core.Timescales.UkTime.ToUkDate(DateTime.UtcNow);

    private static Dictionary<string, string> Day(string prefix, DateOnly day) => new()
    {
        [$"{prefix}.Day"] = day.Day.ToString(CultureInfo.InvariantCulture),
        [$"{prefix}.Month"] = day.Month.ToString(CultureInfo.InvariantCulture),
        [$"{prefix}.Year"] = day.Year.ToString(CultureInfo.InvariantCulture),
    };

    private async Task<(Guid CaseId, Guid ChildId)> CaseAsync(BeaconClient worker, string first)
    {
        var referral = await RaiseForNewChildAsync(Factory, worker, first, "Actionby");
        var caseId = await DecideToOpenCaseAsync(Factory, worker, referral);
        return (caseId, (await ReferralAsync(Factory, referral)).ChildId);
    }

    /// <summary>The owner choice for an account, checked to be offered on the page.</summary>
    private async Task<string> OwnerOptionAsync(BeaconClient.PageResponse page, string email)
    {
        var id = await WithDbAsync(Factory, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.Contains(page.Document.QuerySelectorAll("#Input-Owner option"), o => o.GetAttribute("value") == id);
        return id;
    }

    [Fact]
    public async Task An_action_agreed_on_a_case_sits_on_its_owners_work_list_until_marked_done_with_evidence()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var (caseId, childId) = await CaseAsync(worker, "Leocadia");
        var url = $"/Cases/{caseId}/Actions";
        var page = await worker.GetAsync(url);
        var manager = await OwnerOptionAsync(page, "team.manager@beacon.test");

        // Bad input: nothing saved, each problem beside its field.
        var bad = await worker.SubmitAsync(page, "#agree-action", new(Day("Input.DueOn", Today.AddDays(-2)))
        {
            ["Input.Source"] = nameof(ActionSource.StrategyDiscussion), ["Input.Description"] = "", ["Input.Owner"] = "",
        }, url);
        Assert.Equal("Choose who will do it from the list", bad.FieldError("Input-Owner"));
        Assert.Equal(0, await WithDbAsync(Factory, db => db.Set<AgreedAction>().CountAsync(a => a.CaseId == caseId)));
        var past = await worker.SubmitAsync(url, "#agree-action", new(Day("Input.DueOn", Today.AddDays(-2)))
        {
            ["Input.Source"] = nameof(ActionSource.StrategyDiscussion), ["Input.Description"] = "Visit at home", ["Input.Owner"] = manager,
        });
        Assert.Equal("The date it is due cannot be in the past", past.FieldError("Input-DueOn"));

        var agreed = await worker.SubmitAsync(url, "#agree-action", new(Day("Input.DueOn", Today.AddDays(3)))
        {
            ["Input.Source"] = nameof(ActionSource.StrategyDiscussion), ["Input.Description"] = "Visit Leocadia at home and see her alone", ["Input.Owner"] = manager,
        });
        Assert.True(agreed.Status == HttpStatusCode.Redirect, string.Join("; ", agreed.Errors));
        var actionId = await WithDbAsync(Factory, db => db.Set<AgreedAction>().Where(a => a.CaseId == caseId).Select(a => a.Id).SingleAsync());

        // On the child's record and the owner's work list.
        var record = await worker.GetAsync($"/Children/{childId}");
        Assert.Equal("1", record.Document.QuerySelector("#actions-open")!.TextContent.Trim());
        using var owner = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        var myWork = await owner.GetAsync("/MyWork");
        Assert.Contains("Leocadia Actionby", myWork.Document.QuerySelector("#actions-due")!.TextContent);

        // Done needs evidence.
        var doneUrl = $"/Cases/{caseId}/Actions/{actionId}/Done";
        var noEvidence = await owner.SubmitAsync(doneUrl, "main form", new(Day("DoneOn", Today)) { ["Evidence"] = " " });
        Assert.Equal("Say what shows it was done: what happened, and where it is recorded", noEvidence.FieldError("Evidence"));
        var done = await owner.SubmitAsync(doneUrl, "main form", new(Day("DoneOn", Today)) { ["Evidence"] = "Visited; seen alone in her room; case note recorded" });
        Assert.Equal(HttpStatusCode.Redirect, done.Status);

        var list = await worker.GetAsync(url);
        Assert.Contains("Done", list.Document.QuerySelector($"tr[data-action='{actionId}']")!.TextContent);
        Assert.Contains("seen alone in her room", list.Document.QuerySelector($"tr[data-action='{actionId}']")!.TextContent);
        Assert.DoesNotContain("Leocadia Actionby", (await owner.GetAsync("/MyWork")).Document.QuerySelector("#actions-due")?.TextContent ?? "");
        Assert.Null((await worker.GetAsync($"/Children/{childId}")).Document.QuerySelector("#actions-open"));
        Assert.Contains("Action done: Visit Leocadia at home", (await worker.GetAsync($"/Children/{childId}/Chronology")).Text);
    }

    [Fact]
    public async Task Only_the_case_team_agrees_actions_and_people_who_may_not_see_the_child_reach_nothing()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var (caseId, _) = await CaseAsync(worker, "Eudora");
        var page = await worker.GetAsync($"/Cases/{caseId}/Actions");
        await worker.SubmitAsync(page, "#agree-action", new(Day("Input.DueOn", Today.AddDays(5)))
        {
            ["Input.Source"] = nameof(ActionSource.Plan), ["Input.Description"] = "Chase school attendance", ["Input.Owner"] = await OwnerOptionAsync(page, "team.manager@beacon.test"),
        }, $"/Cases/{caseId}/Actions");
        var actionId = await WithDbAsync(Factory, db => db.Set<AgreedAction>().Where(a => a.CaseId == caseId).Select(a => a.Id).SingleAsync());

        using var auditor = await BeaconClient.SignedInAsync(Factory, "auditor@beacon.test");
        var seen = await auditor.GetAsync($"/Cases/{caseId}/Actions");
        Assert.Equal(HttpStatusCode.OK, seen.Status);
        Assert.Null(seen.Document.QuerySelector("#agree-action"));
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync($"/Cases/{caseId}/Actions/{actionId}/Done")).Status);
        var posted = await PostAsync(auditor, $"/Cases/{caseId}/Actions", "Agree", new() { ["Input.Description"] = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);

        using var school = await BeaconClient.SignedInAsync(Factory, "school.lead@beacon.test");
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/Cases/{caseId}/Actions")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/Cases/{caseId}/Actions/{actionId}/Done")).Status);
        Assert.Equal(1, await WithDbAsync(Factory, db => db.Set<AgreedAction>().CountAsync(a => a.CaseId == caseId)));
    }
}

public sealed class SqliteAgreedActionTests(SqliteBeacon beacon) : AgreedActionTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresAgreedActionTests(PostgresBeacon beacon) : AgreedActionTests(beacon), IClassFixture<PostgresBeacon>;
