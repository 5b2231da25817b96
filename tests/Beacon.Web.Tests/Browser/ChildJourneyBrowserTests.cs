using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Beacon.Web.Tests.Browser.BrowserSteps;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Web.Tests.Browser;

/// <summary>
/// People using Beacon in a real browser (Debian's Chromium) under the app's real Content-Security-Policy:
/// adding, finding and seeing a child, being refused, and the auditor reading the access history.
/// </summary>
public sealed class ChildJourneyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_outreach_worker_adds_a_child_then_finds_them_by_alias()
    {
        await using var outreach = await browser.SignedInAsync("outreach@beacon.test");
        var page = outreach.Page;
        // GOV.UK Frontend's JavaScript ran (Beacon's CSP allows its own scripts).
        await Expect(page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bgovuk-frontend-supported\b"));

        var location = await AddAChildAsync(page, new NewChild("Tamsin", "Quarrendon", "9", "11", "2010", "Girl", "Irish", Alias: "Tam Q"));
        await Expect(page.GetByText("Tam Q", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("#child-details")).ToContainTextAsync("9 November 2010");
        await Expect(page.Locator("#child-details")).ToContainTextAsync("Irish");

        await SearchAsync(page, "tam q");
        await Expect(page.Locator("#results-heading")).ToHaveTextAsync("1 child found");
        await ResultRows(page).GetByRole(AriaRole.Link, new() { Name = "Tamsin Quarrendon" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(browser.BaseUrl + location);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Tamsin Quarrendon");

        AssertNoScriptProblems(outreach);
    }

    [Fact]
    public async Task A_school_without_involvement_gets_page_not_found_and_cannot_find_the_child()
    {
        string location;
        await using (var outreach = await browser.SignedInAsync("outreach@beacon.test"))
            location = await AddAChildAsync(outreach.Page, new NewChild("Barnaby", "Windlesham", Alias: "Barney W"));

        await using var school = await browser.SignedInAsync("school.lead@beacon.test");
        var page = school.Page;
        var response = await page.GotoAsync(location);
        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await Expect(page.GetByText("Windlesham")).ToHaveCountAsync(0);

        foreach (var term in new[] { "Windlesham", "Barney" })
        {
            await SearchAsync(page, term);
            await Expect(page.Locator("#results-heading")).ToHaveTextAsync("0 children found");
            await Expect(ResultRows(page)).ToHaveCountAsync(0);
        }
        AssertNoScriptProblems(school);
    }

    [Fact]
    public async Task The_auditor_sees_who_created_and_viewed_the_record_and_a_social_worker_cannot()
    {
        string location, outreachName;
        await using (var outreach = await browser.SignedInAsync("outreach@beacon.test"))
        {
            outreachName = await outreach.SignedInNameAsync();
            location = await AddAChildAsync(outreach.Page, new NewChild("Perpetua", "Oxenbridge"));
        }

        await using var auditor = await browser.SignedInAsync("auditor@beacon.test");
        var page = auditor.Page;
        await page.GotoAsync(location);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Perpetua Oxenbridge");
        await page.GetByRole(AriaRole.Link, new() { Name = "Access history" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(browser.BaseUrl + location + "/AccessHistory");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access history", Level = 1 })).ToBeVisibleAsync();

        var rows = page.Locator("#access-history tbody tr");
        var byOutreach = rows.Filter(new() { HasText = outreachName });
        await Expect(byOutreach.Filter(new() { HasText = "Created" }).Filter(new() { HasText = "Perpetua" })).ToHaveCountAsync(1);
        await Expect(byOutreach.Filter(new() { HasText = "Viewed child's record" })).Not.ToHaveCountAsync(0);
        // The auditor's own look at the record is on it too.
        await Expect(rows.Filter(new() { HasText = await auditor.SignedInNameAsync() }).Filter(new() { HasText = "Viewed child's record" })).Not.ToHaveCountAsync(0);
        AssertNoScriptProblems(auditor);

        await using var worker = await browser.SignedInAsync("social.worker@beacon.test");
        var refused = await worker.Page.GotoAsync(location + "/AccessHistory");
        Assert.Equal(403, refused!.Status);
        await Expect(worker.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You do not have access to this page");
        await Expect(worker.Page.Locator("#access-history")).ToHaveCountAsync(0);
        // Nor is there a link to it on the record.
        await worker.Page.GotoAsync(location);
        await Expect(worker.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Perpetua Oxenbridge");
        await Expect(worker.Page.GetByRole(AriaRole.Link, new() { Name = "Access history" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_impossible_date_of_birth_is_shown_beside_the_field_and_nothing_is_saved()
    {
        await using var outreach = await browser.SignedInAsync("outreach@beacon.test");
        var page = outreach.Page;
        var before = await CountChildrenAsync();

        await FillAddAChildAsync(page, new NewChild("Clementine", "Fairweather", "31", "2", "2012"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save child" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add a child", Level = 1 })).ToBeVisibleAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Expect(summary.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "The date of birth must be a real date" })).ToBeVisibleAsync();
        // GOV.UK Frontend moves focus to the summary so screen reader users hear it first.
        await Expect(summary).ToBeFocusedAsync();
        await Expect(page.Locator("#Input-DateOfBirth-error")).ToHaveTextAsync("Error: The date of birth must be a real date");
        // The field's fieldset announces the error, and what was typed is kept.
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Date of birth", Exact = true }))
            .ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("The date of birth must be a real date"));
        var dateOfBirth = page.GetByRole(AriaRole.Group, new() { Name = "Date of birth", Exact = true });
        await Expect(dateOfBirth.GetByLabel("Day")).ToHaveValueAsync("31");
        await Expect(page.GetByLabel("First name", new() { Exact = true })).ToHaveValueAsync("Clementine");

        Assert.Equal(before, await CountChildrenAsync());
        AssertNoScriptProblems(outreach);
    }

    private Task<int> CountChildrenAsync() => browser.Factory.WithScopeAsync(sp => sp.GetRequiredService<BeaconDbContext>().Children.CountAsync());
}
