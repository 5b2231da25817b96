using Beacon.Web.Tests.Browser;
using Microsoft.Playwright;
using static Beacon.Web.Tests.Browser.BrowserSteps;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Web.Tests.Features.RiskAssessment;

/// <summary>A practitioner completes a screening in a real browser, sees the level it makes, and signs it off.</summary>
public sealed class RiskAssessmentBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_practitioner_completes_and_signs_off_an_assessment()
    {
        await using var session = await browser.SignedInAsync("social.worker@beacon.test");
        var page = session.Page;
        var record = await AddAChildAsync(page, new NewChild("Evangeline", "Stokesay"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Risk assessments" }).ClickAsync();
        await Expect(page.Locator("#current-level")).ToHaveTextAsync("Not assessed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start an assessment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("CSE risk assessment");

        // Ticking reveals the evidence fields (GOV.UK conditional checkboxes).
        var evidence = page.Locator("#Evidence-going-missing-");
        await Expect(evidence).ToBeHiddenAsync();
        await page.GetByLabel("Going missing from home, care or school").CheckAsync();
        await Expect(evidence).ToBeVisibleAsync();
        await page.Locator("#Source-going-missing-").SelectOptionAsync(new SelectOptionValue { Label = "Police" });
        await evidence.FillAsync("Reported missing on three nights in March; returned with no account of where she had been.");

        await page.GetByLabel("Seen getting into cars with unknown adults").CheckAsync();
        await page.Locator("#Source-gets-into-cars-").SelectOptionAsync(new SelectOptionValue { Label = "Education" });
        await page.Locator("#Evidence-gets-into-cars-").FillAsync("Picked up from the school gates by a man in a silver car (fictional registration AB12 CDE).");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save and update level" }).ClickAsync();
        await Expect(page.Locator("#computed-level")).ToHaveTextAsync("At risk");
        await Expect(page.Locator("#explanation")).ToContainTextAsync("Score 6 from 2 indicators");

        // A third indicator without evidence yet, ticked and not saved: "Check and sign off" saves what is on the page
        // first (nothing ticked is lost on the way), and sign-off is refused until it is evidenced.
        await page.GetByLabel("Older 'boyfriend' or girlfriend").CheckAsync();
        await page.Locator("#Source-older-boyfriend-").SelectOptionAsync(new SelectOptionValue { Label = "Youth Outreach" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and sign off" }).ClickAsync();
        await Expect(page.Locator("#not-ready")).ToContainTextAsync("Older 'boyfriend' or girlfriend");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign off assessment" })).ToHaveCountAsync(0);
        await page.Locator("#not-ready").GetByRole(AriaRole.Link, new() { Name = "Go back to the assessment" }).ClickAsync();
        await Expect(page.Locator("#computed-level")).ToHaveTextAsync("Significant risk");

        await page.Locator("#Evidence-older-boyfriend-").FillAsync("Told her outreach worker about a 23-year-old 'boyfriend' she met online.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and update level" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        // The check page shows what will be signed: the level and every indicator with its evidence.
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and sign off" }).ClickAsync();
        await Expect(page.Locator("#level")).ToHaveTextAsync("Significant risk");
        await Expect(page.Locator("#check-indicators")).ToContainTextAsync("23-year-old 'boyfriend'");
        // Nothing is signed without confirming.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign off assessment" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Confirm that this is the assessment you are signing off");
        await page.GetByLabel("This is the assessment I am signing off").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign off assessment" }).ClickAsync();

        await Expect(page.Locator("#status")).ToHaveTextAsync("Signed off");
        await Expect(page.Locator("#level")).ToHaveTextAsync("Significant risk");
        await Expect(page.Locator("#read-only")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Check and sign off" })).ToHaveCountAsync(0);

        // The child's record shows the level, and the child is on the panel's list.
        await page.GotoAsync(record);
        await Expect(page.Locator("#risk-level")).ToContainTextAsync("Significant risk");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Panel", Exact = true }).ClickAsync();
        await Expect(page.Locator("#panel-list")).ToContainTextAsync("Evangeline Stokesay");
        AssertNoScriptProblems(session);
    }
}
