using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Net;
using Beacon.Core.Actions;
using Beacon.Core.Panel;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Beacon.Web.Tests.Features.Referrals.ReferralSteps;
using RiskSteps = Beacon.Web.Tests.Features.RiskAssessment.RiskAssessmentSteps;

namespace Beacon.Web.Tests.Features.Panel;

/// <summary>A panel meeting from scheduling, through the agenda built from the list and the attendance, to decisions and actions.</summary>
public abstract partial class PanelMeetingTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();

    private static Dictionary<string, string> At(DateTime utc, string location = "Room 4, Civic Centre")
    {
        var local = Core.Timescales.UkTime.ToUkLocal(utc);
        return new()
        {
            ["When.Date.Day"] = local.Day.ToString(CultureInfo.InvariantCulture), ["When.Date.Month"] = local.Month.ToString(CultureInfo.InvariantCulture),
            ["When.Date.Year"] = local.Year.ToString(CultureInfo.InvariantCulture), ["When.Time"] = local.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["Location"] = location,
        };
    }

    [Fact]
    public async Task The_chair_runs_a_meeting_from_an_agenda_built_from_the_list_to_decisions_and_actions()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var childId = await RiskSteps.CreateChildAsync(worker, "Elaine", "Meetwell");
        await RiskSteps.SignedOffAsync(worker, childId, "police-sexual-offence");

        using var chair = await BeaconClient.SignedInAsync(Factory, "panel.chair@beacon.test");
        var past = await chair.SubmitAsync("/Panel/Meetings", "#schedule-meeting", At(DateTime.UtcNow.AddDays(-1)));
        Assert.Equal("A new meeting cannot be in the past", past.FieldError("When-Date"));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(worker, "/Panel/Meetings", "", At(DateTime.UtcNow.AddHours(1)))).Status);

        var scheduled = await chair.SubmitAsync("/Panel/Meetings", "#schedule-meeting", At(DateTime.UtcNow.AddMinutes(5)));
        Assert.Equal(HttpStatusCode.Redirect, scheduled.Status);
        var url = scheduled.Location!;
        var built = await chair.SubmitAsync(url, "#build-agenda", []);
        Assert.Equal(HttpStatusCode.Redirect, built.Status);
        var meeting = await chair.GetAsync(url);
        var item = meeting.Document.QuerySelector($"#agenda li[data-child='{childId}']");
        Assert.NotNull(item);
        Assert.Contains("new to the list", item!.TextContent);

        // Discussion needs the attendance, which decides the quorum.
        var itemUrl = $"{url}/Items/{item.GetAttribute("data-item")}";
        var tooSoon = await chair.SubmitAsync(itemUrl, "#discussion", new() { ["Discussion"] = "Talked", ["Decisions"] = "Decided" });
        Assert.Contains(tooSoon.Errors, e => e.StartsWith("Take the attendance first"));

        // The meeting is today, but may start in a few minutes: attendance on its day is fine.
        var attendance = await chair.SubmitAsync(url, "#attendance", new()
        {
            ["Attendees[0].Name"] = "Chair", ["Attendees[0].Agency"] = "ChildrensSocialCare",
            ["Attendees[1].Name"] = "Nurse Ames", ["Attendees[1].Agency"] = "Health",
        });
        Assert.Equal(HttpStatusCode.Redirect, attendance.Status);
        Assert.Contains("Not quorate", (await chair.GetAsync(url)).Document.QuerySelector("#quorum")!.TextContent);

        var discussed = await chair.SubmitAsync(itemUrl, "#discussion", new()
        {
            ["Discussion"] = "Police linked her to the (fictional) taxi firm on Mill Street",
            ["Decisions"] = "Disruption visit to the firm; school to report absences daily",
        });
        Assert.Equal(HttpStatusCode.Redirect, discussed.Status);
        var agenda = (await chair.GetAsync(url)).Document.QuerySelector($"#agenda li[data-child='{childId}']")!.TextContent;
        Assert.Contains("Provisional", agenda);
        Assert.Contains("Disruption visit to the firm", agenda);

        // An action without an owner is refused; with one, it goes on the owner's work list.
        var itemPage = await chair.GetAsync(itemUrl);
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3));
        var dueFields = new Dictionary<string, string>
        {
            ["ActionDescription"] = "Check school attendance daily and tell the social worker", ["ActionOwner"] = "",
            ["ActionDueOn.Day"] = due.Day.ToString(CultureInfo.InvariantCulture), ["ActionDueOn.Month"] = due.Month.ToString(CultureInfo.InvariantCulture),
            ["ActionDueOn.Year"] = due.Year.ToString(CultureInfo.InvariantCulture),
        };
        Assert.Equal("Choose who will do it from the list", (await chair.SubmitAsync(itemPage, "#set-action", dueFields, itemUrl)).FieldError("ActionOwner"));
        var workerId = await WithDbAsync(Factory, db => db.Users.Where(u => u.Email == "social.worker@beacon.test").Select(u => u.Id).SingleAsync());
        dueFields["ActionOwner"] = workerId;
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitAsync(itemPage, "#set-action", dueFields, itemUrl)).Status);
        var action = await WithDbAsync(Factory, db => db.Set<AgreedAction>().SingleAsync(a => a.ChildId == childId && a.Source == ActionSource.Panel));
        Assert.NotNull(action.PanelMeetingId);
        Assert.Contains("Elaine Meetwell", (await worker.GetAsync("/MyWork")).Document.QuerySelector("#actions-due")!.TextContent);

        // With police there the meeting is quorate and the decisions stand.
        await chair.SubmitAsync(url, "#attendance", new() { ["Attendees[2].Name"] = "DS Vale", ["Attendees[2].Agency"] = "Police" });
        Assert.Contains("Decided", (await chair.GetAsync(url)).Document.QuerySelector($"#agenda li[data-child='{childId}']")!.TextContent);

        // The child's record shows when the panel last discussed them, linked to the meeting.
        Assert.NotNull((await worker.GetAsync($"/Children/{childId}")).Document.QuerySelector($"#panel-last-discussed ~ dd a[href='{url}'], #section-panel a[href='{url}']"));

        // Minutes: generated from the records as a PDF, issued to named people, each of whom acknowledges them.
        var minutesUrl = $"{url}/Minutes";
        using (var draft = await chair.Http.GetAsync($"{minutesUrl}?handler=Draft"))
        {
            Assert.Equal("application/pdf", draft.Content.Headers.ContentType!.MediaType);
            var text = PdfText(await draft.Content.ReadAsByteArrayAsync());
            Assert.Contains("Elaine Meetwell", text);
            Assert.Contains("Disruption visit to the firm", text);
            Assert.Contains("Check school attendance daily", text);
        }
        // Every child on the agenda needs a discussion before the minutes go out (others on the list share this test's Beacon).
        foreach (var other in (await chair.GetAsync(url)).Document.QuerySelectorAll("#agenda li").Where(li => li.GetAttribute("data-child") != childId.ToString()).ToList())
            await chair.SubmitAsync($"{url}/Items/{other.GetAttribute("data-item")}", "#discussion", new() { ["Discussion"] = "Reviewed", ["Decisions"] = "No change" });
        var noOne = await chair.SubmitAsync(minutesUrl, "#issue-minutes", []);
        Assert.Contains(noOne.Errors, e => e == "Choose who the minutes go to");
        // Someone who may not see every child the minutes name is refused as a recipient.
        var schoolLead = await WithDbAsync(Factory, db => db.Users.Where(u => u.Email == "school.lead@beacon.test").Select(u => u.Id).SingleAsync());
        var tooWide = await PostAsync(chair, minutesUrl, "Issue", new() { ["RecipientIds"] = schoolLead });
        Assert.Contains(tooWide.Errors, e => e.Contains("may not see every child these minutes name"));
        // Named a member of the panel, the school's lead sees what the panel needs about the child (not the record), audited.
        using var school = await BeaconClient.SignedInAsync(Factory, "school.lead@beacon.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(school, "/Panel/Members", "Add", new() { ["AddUserId"] = schoolLead })).Status);
        Assert.Contains((await chair.SubmitAsync("/Panel/Members", "#add-member", new() { ["AddUserId"] = "" })).Errors, e => e == "Choose a practitioner from the list");
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitAsync("/Panel/Members", "#add-member", new() { ["AddUserId"] = schoolLead })).Status);
        Assert.Contains((await PostAsync(chair, "/Panel/Members", "Add", new() { ["AddUserId"] = schoolLead })).Errors, e => e == "That person is already a member of the panel");
        var asMember = await school.GetAsync(url);
        var memberItem = asMember.Document.QuerySelector($"#agenda li[data-child='{childId}']")!;
        Assert.Contains("Elaine Meetwell", memberItem.TextContent);
        Assert.Contains("Disruption visit to the firm", memberItem.TextContent);
        Assert.Contains("risk now: serious", memberItem.TextContent);
        Assert.Null(memberItem.QuerySelector($"a[href='/Children/{childId}']")); // what the panel needs, not the record
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/Children/{childId}")).Status); // as for any child they may not see
        Assert.True(await WithDbAsync(Factory, db => db.AuditEntries.AnyAsync(e => e.ChildId == childId && e.ActorUserId == schoolLead
            && e.Action == Beacon.Core.Audit.AuditAction.Viewed && e.Summary!.Contains("as a panel member"))));
        var issued = await PostAsync(chair, minutesUrl, "Issue", new() { ["RecipientIds[0]"] = workerId, ["RecipientIds[1]"] = schoolLead });
        Assert.True(issued.Status == HttpStatusCode.Redirect, string.Join("; ", issued.Errors));
        Assert.Contains("Panel minutes to acknowledge", (await worker.GetAsync("/MyWork")).Document.QuerySelector("#minutes-to-acknowledge")!.TextContent);
        using (var copy = await worker.Http.GetAsync($"{minutesUrl}?handler=Pdf"))
            Assert.Contains("Elaine Meetwell", PdfText(await copy.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await worker.SubmitAsync(minutesUrl, "#acknowledge", [])).Status);
        var recipients = (await chair.GetAsync(minutesUrl)).Document.QuerySelector($"#recipients tr[data-recipient='{workerId}']")!.TextContent;
        Assert.DoesNotContain("Not yet", recipients);
        Assert.Null((await worker.GetAsync("/MyWork")).Document.QuerySelector("#minutes-to-acknowledge"));
        using var manager = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"{minutesUrl}?handler=Pdf")).Status);
        using (var memberCopy = await school.Http.GetAsync($"{minutesUrl}?handler=Pdf"))
            Assert.Contains("Elaine Meetwell", PdfText(await memberCopy.Content.ReadAsByteArrayAsync()));
        // Once their membership ends, they see neither the child on the agenda nor the minutes.
        var membership = (await chair.GetAsync("/Panel/Members")).Document.QuerySelector($"#members tr[data-user='{schoolLead}'] form") as AngleSharp.Html.Dom.IHtmlFormElement;
        Assert.NotNull(membership);
        Assert.Equal(HttpStatusCode.Redirect, (await chair.SubmitAsync(membership, [], "/Panel/Members")).Status);
        Assert.DoesNotContain("Elaine Meetwell", (await school.GetAsync(url)).Text);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync($"{minutesUrl}?handler=Pdf")).Status);

        // Issued minutes close the meeting's record: what they say is what happened.
        var rewrite = await chair.SubmitAsync(itemUrl, "#discussion", new() { ["Discussion"] = "Rewritten", ["Decisions"] = "Rewritten" });
        Assert.Contains(rewrite.Errors, e => e.StartsWith("The minutes of this meeting have been issued"));
        Assert.DoesNotContain("Rewritten", (await chair.GetAsync(url)).Text);

        // Someone not on the panel who may not see a child on the agenda learns neither who it is nor what was decided.
        using var health = await BeaconClient.SignedInAsync(Factory, "health.lead@beacon.test");
        var healthView = await health.GetAsync(url);
        Assert.DoesNotContain(childId.ToString(), healthView.Document.QuerySelector("#agenda")!.OuterHtml);
        Assert.DoesNotContain("Disruption visit", healthView.Text);

        // An overdue panel action escalates to the owner's manager and brings the child back to the next meeting.
        await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Beacon.Web.Infrastructure.Data.BeaconDbContext>();
            var tracked = await db.Set<AgreedAction>().SingleAsync(a => a.Id == action.Id);
            db.Entry(tracked).Property(a => a.DueOn).CurrentValue = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2));
            return await db.SaveChangesAsync();
        });
        Assert.Contains("Elaine Meetwell", (await manager.GetAsync("/MyWork")).Document.QuerySelector("#team-overdue-panel-actions")!.TextContent);
        var next = await chair.SubmitAsync("/Panel/Meetings", "#schedule-meeting", At(DateTime.UtcNow.AddDays(1)));
        await chair.SubmitAsync(next.Location!, "#build-agenda", []);
        Assert.Contains("overdue panel action", (await chair.GetAsync(next.Location!)).Document.QuerySelector($"#agenda li[data-child='{childId}']")!.TextContent);

        // The figures for the board: per meeting, discussed, actions set and overdue, no child named.
        using var board = await BeaconClient.SignedInAsync(Factory, "board.member@beacon.test");
        var counts = await board.GetAsync("/Panel/Counts");
        var meetingId = url.Split('/')[^1];
        var cells = counts.Document.QuerySelectorAll($"#meeting-counts tr[data-meeting='{meetingId}'] td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("1", cells[3]); // actions set
        Assert.Equal("1", cells[6]); // overdue now
        Assert.DoesNotContain("Elaine", counts.Text);
        // The same figures over time as a chart, drawn beside the table (which carries them for screen readers)...
        var chart = counts.Document.QuerySelector("#meeting-chart svg")!;
        Assert.NotNull(chart.GetAttribute("viewBox"));
        Assert.Contains("Overdue now", chart.TextContent);
        // ...and for the board's papers as a PDF with the chart and the table's lines, still naming no child.
        using (var pdf = await board.Http.GetAsync("/Panel/Counts?handler=Pdf"))
        {
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
            var text = PdfText(await pdf.Content.ReadAsByteArrayAsync());
            Assert.Contains("Exploitation panel: figures", text);
            Assert.Contains("Children discussed", Infrastructure.Pdf.PdfReportTests.ChartText(text)); // the chart's legend, drawn on the page
            Assert.Contains("1 overdue now", text);
            Assert.DoesNotContain("Elaine", text);
        }

        // A worker sees the meeting but not the chair's controls.
        var seen = await worker.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, seen.Status);
        Assert.Null(seen.Document.QuerySelector("#attendance"));
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync(itemUrl)).Status);
    }
}

public abstract partial class PanelMeetingTests
{
    [Fact]
    public async Task The_demo_has_a_quorate_meeting_whose_overdue_action_is_escalated_to_the_owners_manager()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var meetings = await worker.GetAsync("/Panel/Meetings");
        var demo = meetings.Document.QuerySelectorAll("#meetings tbody tr").Single(r => r.TextContent.Contains("Committee Room 2"));
        Assert.Contains("Quorate", demo.TextContent);
        var meeting = await worker.GetAsync(demo.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal(3, meeting.Document.QuerySelectorAll("#agenda li").Length);
        Assert.NotNull((await worker.GetAsync("/MyWork")).Document.QuerySelector("#actions-due"));
        using var manager = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        Assert.NotNull((await manager.GetAsync("/MyWork")).Document.QuerySelector("#team-overdue-panel-actions"));
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}

public sealed class SqlitePanelMeetingTests(SqliteBeacon beacon) : PanelMeetingTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresPanelMeetingTests(PostgresBeacon beacon) : PanelMeetingTests(beacon), IClassFixture<PostgresBeacon>;
