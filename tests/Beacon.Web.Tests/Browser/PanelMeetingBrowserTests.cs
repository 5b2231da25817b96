using Microsoft.Playwright;
using static Beacon.Web.Tests.Browser.BrowserSteps;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Web.Tests.Browser;

/// <summary>The panel chair runs a meeting in Chromium: agenda, attendance, each child's decisions, minutes drafted as a PDF and issued.</summary>
public sealed class PanelMeetingBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_chair_runs_a_meeting_from_the_list_through_the_agenda_and_attendance_to_issued_minutes()
    {
        var found = new List<string>();
        string record;
        await using (var worker = await browser.SignedInAsync("social.worker@beacon.test"))
            record = await AddAChildAsync(worker.Page, new NewChild("Lunete", "Chairwood"));

        await using var chair = await browser.SignedInAsync("panel.chair@beacon.test", bypassCsp: true);
        var page = chair.Page;
        // The chair puts the child on the list from the child's record.
        await page.GotoAsync(record);
        await page.Locator("#section-panel").GetByRole(AriaRole.Link, new() { Name = "Add to the panel's list" }).ClickAsync();
        await page.GetByLabel("Why should the panel see this child?").FillAsync("Seen with adults the panel already knows");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the list" }).ClickAsync();
        await Expect(page.Locator("#panel-list")).ToContainTextAsync("Lunete Chairwood");
        await Axe.CheckAsync(page, "Panel list", found);

        // Schedule today's meeting, later this hour.
        await page.GetByRole(AriaRole.Link, new() { Name = "Meetings" }).ClickAsync();
        var at = Core.Timescales.UkTime.ToUkLocal(DateTime.UtcNow.AddMinutes(30));
        if (at.Date != Core.Timescales.UkTime.ToUkLocal(DateTime.UtcNow).Date) at = Core.Timescales.UkTime.ToUkLocal(DateTime.UtcNow.AddMinutes(1));
        var date = page.GetByRole(AriaRole.Group, new() { Name = "Date of the meeting" });
        await date.GetByLabel("Day").FillAsync(at.Day.ToString());
        await date.GetByLabel("Month").FillAsync(at.Month.ToString());
        await date.GetByLabel("Year").FillAsync(at.Year.ToString());
        await page.GetByLabel("Time it starts").FillAsync(at.ToString("HH:mm"));
        await page.GetByLabel("Where").FillAsync("Room 4, Civic Centre");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule meeting" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add from the list: new, reassessed and due for review" }).ClickAsync();
        var item = page.Locator("#agenda li", new() { HasText = "Lunete Chairwood" });
        await Expect(item).ToBeVisibleAsync();
        await page.GetByLabel("Attendee 1 name").FillAsync("Chair");
        await page.GetByLabel("Attendee 1 agency").SelectOptionAsync(new SelectOptionValue { Label = "Children's Social Care" });
        await page.GetByLabel("Attendee 2 name").FillAsync("DS Vale");
        await page.GetByLabel("Attendee 2 agency").SelectOptionAsync(new SelectOptionValue { Label = "Police" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save attendance" }).ClickAsync();
        await Expect(page.Locator("#quorum")).ToContainTextAsync("Quorate");
        await Axe.CheckAsync(page, "Panel meeting", found);

        // Every child on the agenda gets a discussion and decisions (others on the list share this Beacon).
        var items = await page.Locator("#agenda li a", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Record discussion") }).EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        foreach (var href in items)
        {
            await page.GotoAsync(href);
            await page.GetByLabel("Discussion", new() { Exact = true }).FillAsync("Police shared what they know; school reports better attendance");
            await page.GetByLabel("Decisions", new() { Exact = true }).FillAsync("Keep on the list; review next month");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save discussion and decisions" }).ClickAsync();
        }
        await Axe.CheckAsync(page, "A child at the panel", found);

        // Minutes: the draft is a PDF; issued to the social worker, who acknowledges it.
        var meeting = page.Url.Split("/Items/")[0];
        await page.GotoAsync(meeting + "/Minutes");
        var draft = await page.APIRequest.GetAsync(meeting + "/Minutes?handler=Draft");
        Assert.Equal("application/pdf", draft.Headers["content-type"]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await draft.BodyAsync())[..4]));
        await page.Locator("#issue-minutes .govuk-checkboxes__item", new() { HasText = "Northgate Council Children's Social Care" }).First.Locator("input").CheckAsync();
        await Axe.CheckAsync(page, "Issue minutes", found);
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue the minutes" }).ClickAsync();
        await Expect(page.Locator("#recipients")).ToContainTextAsync("Not yet");
        Axe.AssertNone(found);
        AssertNoScriptProblems(chair);
    }
}
