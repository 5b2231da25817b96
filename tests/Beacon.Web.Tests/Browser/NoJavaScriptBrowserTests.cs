using Microsoft.Playwright;
using static Beacon.Web.Tests.Browser.BrowserSteps;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Web.Tests.Browser;

/// <summary>Beacon works with JavaScript turned off (progressive enhancement): sign in, add, search, view, errors.</summary>
public sealed class NoJavaScriptBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Without_javascript_a_child_can_be_added_found_and_seen()
    {
        await using var outreach = await browser.SignedInAsync("outreach@beacon.test", javaScript: false);
        var page = outreach.Page;
        // JavaScript really is off: GOV.UK Frontend's enhancement never marked the page.
        await Expect(page.Locator("body")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("js-enabled"));

        var location = await AddAChildAsync(page, new NewChild("Wilhelmina", "Strangeways", "2", "6", "2011", "Boy", "Roma", Alias: "Billie S"));
        await Expect(page.Locator("#child-details")).ToContainTextAsync("2 June 2011");
        await Expect(page.GetByText("Billie S", new() { Exact = true })).ToBeVisibleAsync();

        await SearchAsync(page, "billie");
        await Expect(page.Locator("#results-heading")).ToHaveTextAsync("1 child found");
        await ResultRows(page).GetByRole(AriaRole.Link, new() { Name = "Wilhelmina Strangeways" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(browser.BaseUrl + location);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Wilhelmina Strangeways");
    }

    [Fact]
    public async Task Without_javascript_bad_input_still_gets_the_error_summary()
    {
        await using var outreach = await browser.SignedInAsync("outreach@beacon.test", javaScript: false);
        var page = outreach.Page;
        await FillAddAChildAsync(page, new NewChild("Horatio", "Bellweather", "31", "2", "2012"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save child" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link, new() { Name = "The date of birth must be a real date" })).ToBeVisibleAsync();
        await Expect(page.Locator("#Input-DateOfBirth-error")).ToContainTextAsync("The date of birth must be a real date");
    }
}
