using Microsoft.Playwright;
using static Beacon.Web.Tests.Browser.BrowserSteps;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Web.Tests.Browser;

/// <summary>
/// In Chromium: the board records a report and sends it; two recipients acknowledge it; the board adds a recommendation
/// and sees what is overdue; someone not signed in raises a concern anonymously and follows it up.
/// </summary>
public sealed class ReportsAndConcernsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_report_is_sent_and_acknowledged_by_two_people_and_an_anonymous_concern_is_raised_and_followed_up()
    {
        var found = new List<string>();
        await using (var board = await browser.SignedInAsync("board.member@beacon.test", bypassCsp: true))
        {
            var page = board.Page;
            await page.GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }).ClickAsync();
            // The demo's inquiry was sent three weeks ago and two people have not acknowledged it: the board is told.
            await Expect(page.Locator("#for-the-board")).ToContainTextAsync("Not acknowledged");
            await Axe.CheckAsync(page, "Reports register", found);
            // The register is a short list shown whole: its columns sort in the browser (MOJ sortable table).
            var dates = page.Locator("#reports tbody tr td:nth-child(3)");
            await page.Locator("#reports thead").GetByRole(AriaRole.Button, new() { Name = "Date" }).ClickAsync();
            await Expect(page.Locator("#reports thead th").Nth(2)).ToHaveAttributeAsync("aria-sort", "ascending");
            var ascending = await dates.EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.sortValue)");
            Assert.True(ascending.Length > 1, "the demo's register has more than one report");
            Assert.Equal(ascending.Order(StringComparer.Ordinal), ascending);
            await page.Locator("#reports thead").GetByRole(AriaRole.Button, new() { Name = "Date" }).ClickAsync();
            Assert.Equal(ascending.Reverse(), await dates.EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.sortValue)"));
            await Axe.CheckAsync(page, "Reports register, sorted", found);
            await page.GetByRole(AriaRole.Link, new() { Name = "Record a report" }).ClickAsync();
            await page.GetByLabel("Title").FillAsync("Browser review of the (fictional) front door");
            await page.GetByLabel("Kind of report").SelectOptionAsync(new SelectOptionValue { Label = "Case review" });
            await page.GetByLabel("Authors").FillAsync("A fictional reviewer");
            var date = page.GetByRole(AriaRole.Group, new() { Name = "Date of the report" });
            await date.GetByLabel("Day").FillAsync("2");
            await date.GetByLabel("Month").FillAsync("3");
            await date.GetByLabel("Year").FillAsync("2026");
            await page.GetByLabel("Commissioned by").FillAsync("The (fictional) board");
            await page.GetByLabel("Summary of findings").FillAsync("Referrals from youth workers were downplayed. (Fictional.)");
            await page.GetByLabel("The report").SetInputFilesAsync(new FilePayload
            {
                Name = "review.pdf", MimeType = "application/pdf", Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\nA fictional review.\n%%EOF"),
            });
            await Axe.CheckAsync(page, "Record a report", found);
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the report" }).ClickAsync();
            await Expect(page.Locator("#documents")).ToContainTextAsync("Version 1: review.pdf");

            await page.Locator("#send-report .govuk-checkboxes__item", new() { HasText = "Northgate Council Children's Social Care" }).First.Locator("input").CheckAsync();
            await page.Locator("#send-report .govuk-checkboxes__item", new() { HasText = "Northgate Council Children's Social Care" }).Nth(1).Locator("input").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Expect(page.Locator("#recipients tbody tr")).ToHaveCountAsync(2);

            await page.GetByLabel("Recommendation", new() { Exact = true }).FillAsync("Answer every outreach referral within a working day");
            await page.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            var target = Core.Timescales.UkTime.ToUkLocal(DateTime.UtcNow.AddDays(60));
            var targetDate = page.GetByRole(AriaRole.Group, new() { Name = "Target date" });
            await targetDate.GetByLabel("Day").FillAsync(target.Day.ToString());
            await targetDate.GetByLabel("Month").FillAsync(target.Month.ToString());
            await targetDate.GetByLabel("Year").FillAsync(target.Year.ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the recommendation" }).ClickAsync();
            await Expect(page.Locator("#recommendations")).ToContainTextAsync("Answer every outreach referral");
            await Axe.CheckAsync(page, "A report", found);
            await page.GotoAsync("/Reports/ActionPlan");
            await Expect(page.Locator("#progress-chart svg")).ToBeVisibleAsync();
            await Axe.CheckAsync(page, "Action plan", found);
            AssertNoScriptProblems(board);
        }

        // Each of the two recipients finds it on My work and acknowledges it.
        var recipients = new[] { "team.manager@beacon.test", "second.manager@beacon.test", "social.worker@beacon.test", "panel.chair@beacon.test" };
        var acknowledged = 0;
        foreach (var email in recipients)
        {
            await using var session = await browser.SignedInAsync(email);
            await session.Page.GotoAsync("/MyWork");
            var link = session.Page.Locator("#reports-to-acknowledge a", new() { HasText = "Browser review of the (fictional) front door" });
            if (await link.CountAsync() == 0) continue;
            await link.ClickAsync();
            await session.Page.GetByLabel("Comment (optional)").FillAsync("Read and shared with the team");
            await session.Page.GetByRole(AriaRole.Button, new() { Name = "I have read this report" }).ClickAsync();
            await Expect(session.Page.Locator("#acknowledged")).ToBeVisibleAsync();
            acknowledged++;
        }
        Assert.Equal(2, acknowledged);

        // Not signed in: raise a concern anonymously from the footer, then follow it up.
        await using var anonymous = await browser.NewSessionAsync(bypassCsp: true);
        var p = anonymous.Page;
        await p.GotoAsync("/Account/Login");
        await p.GetByRole(AriaRole.Link, new() { Name = "Raise a confidential concern" }).ClickAsync();
        await Axe.CheckAsync(p, "Raise a concern", found);
        await p.GetByLabel("What is your concern?").FillAsync("We were told not to record the ethnicity of the men seen with the girls (browser test).");
        await p.GetByRole(AriaRole.Button, new() { Name = "Send the concern" }).ClickAsync();
        var reference = (await p.Locator("#reference").InnerTextAsync()).Trim();
        var passphrase = (await p.Locator("#passphrase").InnerTextAsync()).Trim();
        await Axe.CheckAsync(p, "Concern sent", found);
        await p.GetByRole(AriaRole.Link, new() { Name = "follow up your concern" }).ClickAsync();
        await p.GetByLabel("Reference").FillAsync(reference);
        await p.GetByLabel("Passphrase").FillAsync(passphrase);
        await p.GetByRole(AriaRole.Button, new() { Name = "Open my concern" }).ClickAsync();
        await Expect(p.Locator("#no-messages")).ToBeVisibleAsync();
        await p.GetByLabel("Add something, or answer the chair's question").FillAsync("It was said at Monday's team meeting.");
        await p.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Expect(p.Locator("#messages")).ToContainTextAsync("It was said at Monday's team meeting.");
        await Axe.CheckAsync(p, "Follow up a concern", found);
        AssertNoScriptProblems(anonymous);

        // The independent chair sees the reply waiting.
        await using var chair = await browser.SignedInAsync("independent.chair@beacon.test", bypassCsp: true);
        await chair.Page.GetByRole(AriaRole.Link, new() { Name = "Confidential concerns" }).First.ClickAsync();
        await Expect(chair.Page.Locator("#concerns tr", new() { HasText = reference })).ToContainTextAsync("Reply waiting");
        await Axe.CheckAsync(chair.Page, "Confidential concerns", found);
        Axe.AssertNone(found);
    }
}
