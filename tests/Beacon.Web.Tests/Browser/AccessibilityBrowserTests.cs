using Microsoft.Playwright;
using static Beacon.Web.Tests.Browser.BrowserSteps;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Web.Tests.Browser;

/// <summary>
/// axe-core (WCAG 2.0/2.1 A and AA rules) finds no serious or critical problem on Beacon's core pages,
/// reached as a person would reach them. Contexts bypass the CSP only so axe can be injected.
/// </summary>
public sealed class AccessibilityBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_sign_in_page_is_accessible()
    {
        await using var session = await browser.NewSessionAsync(bypassCsp: true);
        var found = new List<string>();
        await session.Page.GotoAsync("/Account/Login");
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Beacon" })).ToBeVisibleAsync();
        await Axe.CheckAsync(session.Page, "Sign in", found);

        // And with the errors a wrong password brings.
        await session.Page.GetByLabel("Email address").FillAsync("outreach@beacon.test");
        await session.Page.GetByLabel("Password").FillAsync("not-the-password");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(session.Page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Axe.CheckAsync(session.Page, "Sign in with errors", found);
        Axe.AssertNone(found);
    }

    [Fact]
    public async Task A_practitioners_pages_are_accessible()
    {
        await using var outreach = await browser.SignedInAsync("outreach@beacon.test", bypassCsp: true);
        var page = outreach.Page;
        var found = new List<string>();

        await page.GotoAsync("/");
        await Axe.CheckAsync(page, "Home", found);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a child", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add a child", Level = 1 })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "Add a child", found);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save child" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "Add a child with errors", found);

        var location = await AddAChildAsync(page, new NewChild("Octavia", "Pemberley", Alias: "Tavi"));
        await Axe.CheckAsync(page, "Child's record", found);

        await page.GetByRole(AriaRole.Link, new() { Name = "Change details" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(browser.BaseUrl + location + "/Edit");
        await Axe.CheckAsync(page, "Change details", found);

        await SearchAsync(page, "Pemberley");
        await Expect(ResultRows(page)).Not.ToHaveCountAsync(0);
        await Axe.CheckAsync(page, "Find a child with results", found);

        await page.GetByRole(AriaRole.Link, new() { Name = "Two-factor sign-in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor sign-in", Level = 1 })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "Two-factor sign-in", found);

        Axe.AssertNone(found);
    }

    [Fact]
    public async Task The_work_lists_and_risk_pages_are_accessible()
    {
        var found = new List<string>();
        await using (var worker = await browser.SignedInAsync("social.worker@beacon.test", bypassCsp: true))
        {
            foreach (var (url, name) in new[]
                     {
                         ("/MyWork", "My work"), ("/Referrals/Queue", "Front door queue"), ("/Referrals", "My referrals"),
                         ("/MyWork/Breaches", "Timescale breaches"), ("/RiskAssessment", "CSE risk"), ("/RiskAssessment/Panel", "Panel list"),
                         ("/Missing/ReturnHomeInterviews", "Return home interviews"),
                     })
            {
                await worker.Page.GotoAsync(url);
                await Expect(worker.Page.Locator("h1")).ToBeVisibleAsync();
                await Axe.CheckAsync(worker.Page, name, found);
            }
        }
        await using (var manager = await browser.SignedInAsync("team.manager@beacon.test", bypassCsp: true))
        {
            await manager.Page.GotoAsync("/RiskAssessment/Approvals");
            await Axe.CheckAsync(manager.Page, "Approvals", found);
            await manager.Page.GotoAsync("/MyWork");
            await Expect(manager.Page.Locator("#waiting")).ToBeVisibleAsync();
            await Axe.CheckAsync(manager.Page, "My work with items waiting", found);
        }
        Axe.AssertNone(found);
    }

    [Fact]
    public async Task The_access_history_is_accessible()
    {
        string location;
        await using (var outreach = await browser.SignedInAsync("outreach@beacon.test"))
            location = await AddAChildAsync(outreach.Page, new NewChild("Ambrose", "Kettleby"));

        await using var auditor = await browser.SignedInAsync("auditor@beacon.test", bypassCsp: true);
        var found = new List<string>();
        await auditor.Page.GotoAsync(location);
        await auditor.Page.GetByRole(AriaRole.Link, new() { Name = "Access history" }).ClickAsync();
        await Expect(auditor.Page.Locator("#access-history tbody tr")).Not.ToHaveCountAsync(0);
        await Axe.CheckAsync(auditor.Page, "Access history", found);
        Axe.AssertNone(found);
    }
}
