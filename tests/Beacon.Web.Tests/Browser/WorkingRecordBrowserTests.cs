using Beacon.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Beacon.Web.Tests.Browser.BrowserSteps;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Web.Tests.Browser;

/// <summary>
/// The working record walked in Chromium: a visit recorded with a letter attached, seen on the record, the notes and
/// the chronology, printed; every page checked with axe and at a phone's width.
/// </summary>
public sealed class WorkingRecordBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_social_worker_records_a_visit_with_a_letter_and_finds_it_on_the_record_the_chronology_and_the_print_view()
    {
        var found = new List<string>();
        await using var worker = await browser.SignedInAsync("social.worker@beacon.test", bypassCsp: true);
        var page = worker.Page;
        var record = await AddAChildAsync(page, new NewChild("Ottoline", "Visitwell"));
        await Axe.CheckAsync(page, "Child's record", found);

        // From the record's "Visits and case notes" section to the form.
        await page.Locator("#section-notes").GetByRole(AriaRole.Link, new() { Name = "Add a note" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add a note", Level = 1 })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "Add a note", found);
        await page.GetByRole(AriaRole.Group, new() { Name = "What are you recording?" }).GetByLabel("Visit", new() { Exact = true }).CheckAsync();
        var now = Core.Timescales.UkTime.ToUkLocal(DateTime.UtcNow.AddHours(-1));
        var date = page.GetByRole(AriaRole.Group, new() { Name = "Date it happened" });
        await date.GetByLabel("Day").FillAsync(now.Day.ToString());
        await date.GetByLabel("Month").FillAsync(now.Month.ToString());
        await date.GetByLabel("Year").FillAsync(now.Year.ToString());
        await page.GetByLabel("Time it happened").FillAsync(now.ToString("HH:mm"));
        await page.GetByLabel("Summary").FillAsync("Home visit after the weekend");
        await page.GetByLabel("What happened").FillAsync("Seen at home. Talked about the new phone and who gave it to her.");
        await page.GetByRole(AriaRole.Group, new() { Name = "Was the child seen?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Was the child seen alone?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByLabel("What the child said, in their own words").FillAsync("He said it was a present.");
        await page.GetByLabel("Attach a file (optional)").SetInputFilesAsync(new FilePayload
        {
            Name = "school-letter.pdf", MimeType = "application/pdf", Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\nletter\n%%EOF"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save note" }).ClickAsync();

        await Expect(page.Locator(".govuk-notification-banner, #note-count").First).ToBeVisibleAsync();
        await Expect(page.Locator(".beacon-case-note").First).ToContainTextAsync("Yes, alone");
        await Axe.CheckAsync(page, "Case notes", found);
        await page.Locator(".beacon-case-note").First.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Open") }).ClickAsync();
        await Expect(page.Locator("#attachments")).ToContainTextAsync("school-letter.pdf");
        await Axe.CheckAsync(page, "A case note with its file", found);

        // On the record, the chronology and the print view.
        await page.GotoAsync(record);
        await Expect(page.Locator("#last-visit")).ToContainTextAsync("seen alone");
        await page.GetByRole(AriaRole.Link, new() { Name = "Chronology", Exact = true }).First.ClickAsync();
        await Expect(page.Locator("#chronology tr[data-type='Visit']")).ToContainTextAsync("Home visit after the weekend");
        await Axe.CheckAsync(page, "Chronology with a visit", found);
        await page.GotoAsync(record + "/Print");
        await Expect(page.Locator("#chronology")).ToContainTextAsync("Home visit after the weekend");
        await Axe.CheckAsync(page, "Print view", found);

        // Every one of these pages fits a phone: nothing wider than the screen.
        await page.SetViewportSizeAsync(375, 800);
        foreach (var url in new[] { record, record + "/Notes", record + "/Chronology", record + "/Missing", "/MyWork", "/MyWork/Breaches", "/Referrals/Queue", "/RiskAssessment", "/RiskAssessment/Panel", "/Missing/ReturnHomeInterviews", "/Account/TwoFactor" })
        {
            await page.GotoAsync(url);
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 375, $"{url} is {width} px wide on a 375 px screen");
        }
        Axe.AssertNone(found);
        AssertNoScriptProblems(worker);
    }

    [Fact]
    public async Task A_concern_about_a_child_with_a_record_is_checked_then_sent_from_the_record()
    {
        var found = new List<string>();
        await using var worker = await browser.SignedInAsync("social.worker@beacon.test", bypassCsp: true);
        var page = worker.Page;
        await AddAChildAsync(page, new NewChild("Perpetua", "Checkfirst"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Raise a concern", Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Raise a concern", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("What was seen or heard").FillAsync("Dropped off at school by an older man in a silver car.");
        var today = Core.Timescales.UkTime.ToUkDate(DateTime.UtcNow);
        var date = page.GetByRole(AriaRole.Group, new() { Name = "When was it seen or heard?" });
        await date.GetByLabel("Day").FillAsync(today.Day.ToString());
        await date.GetByLabel("Month").FillAsync(today.Month.ToString());
        await date.GetByLabel("Year").FillAsync(today.Year.ToString());
        await page.GetByLabel("Consent given").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // Check your answers: nothing is sent yet; change one answer, come back, then send.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your answers before sending the referral" })).ToBeVisibleAsync();
        await Expect(page.Locator("#answers")).ToContainTextAsync("Perpetua Checkfirst");
        await Expect(page.Locator("#answers")).ToContainTextAsync("silver car");
        await Axe.CheckAsync(page, "Check your answers (concern)", found);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change your answers" }).ClickAsync();
        await Expect(page.GetByLabel("What was seen or heard")).ToHaveValueAsync("Dropped off at school by an older man in a silver car.");
        await page.GetByLabel("I think the child is being sexually exploited, or groomed for it, now").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator("#answers")).ToContainTextAsync("exploitation panel's list");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My referrals", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#my-referrals")).ToContainTextAsync("Perpetua Checkfirst");
        Axe.AssertNone(found);
        AssertNoScriptProblems(worker);
    }
}
