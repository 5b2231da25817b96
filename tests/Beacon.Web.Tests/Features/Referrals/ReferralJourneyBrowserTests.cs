using Beacon.Web.Tests.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Web.Tests.Features.Referrals;

/// <summary>
/// One referral walked through a real browser: a youth outreach worker raises it, the front door decides
/// on a strategy discussion, the social worker holds it, runs the assessment and starts a plan; at each
/// step the test checks what each role sees.
/// </summary>
public sealed class ReferralJourneyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly DateOnly Today = Beacon.Core.Timescales.UkTime.ToUkDate(DateTime.UtcNow);

    private static async Task FillDateAsync(ILocator scope, DateOnly date)
    {
        await scope.GetByLabel("Day").FillAsync(date.Day.ToString());
        await scope.GetByLabel("Month").FillAsync(date.Month.ToString());
        await scope.GetByLabel("Year").FillAsync(date.Year.ToString());
    }

    [Fact]
    public async Task A_referral_goes_from_outreach_through_triage_strategy_discussion_and_assessment_to_a_plan()
    {
        // 1. The youth outreach worker raises a concern about a child with no record yet.
        await using var outreach = await browser.SignedInAsync("outreach@beacon.test");
        var page = outreach.Page;
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Front door" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Raise a concern about a child" }).ClickAsync();
        await page.GetByLabel("First name or alias").FillAsync("Juniper");
        await page.GetByLabel("Last name").FillAsync("Wrexcombe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check for a record" }).ClickAsync();
        await Expect(page.GetByText("No records you can see match these details.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "The child is not listed: add them and raise a concern" }).ClickAsync();

        await Expect(page.GetByLabel("First name", new() { Exact = true })).ToHaveValueAsync("Juniper");
        await FillDateAsync(page.GetByRole(AriaRole.Group, new() { Name = "Date of birth", Exact = true }), new DateOnly(2011, 5, 17));
        await page.GetByRole(AriaRole.Group, new() { Name = "Gender", Exact = true }).GetByLabel("Girl", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Ethnicity", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Irish" });
        await page.GetByLabel("What was seen or heard").FillAsync("Seen at 11pm getting into a car with two adult men; said they were her 'boyfriends'.");
        await FillDateAsync(page.GetByRole(AriaRole.Group, new() { Name = "When was it seen or heard?" }), Today);
        await page.GetByLabel("Time (optional)").FillAsync("00:00");
        await page.GetByLabel("Consent given").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        // Check your answers: change one, come back to the form as typed, then send.
        await Expect(page.Locator("#answers")).ToContainTextAsync("Juniper Wrexcombe");
        await Expect(page.Locator("#answers")).ToContainTextAsync("17 May 2011");
        await Expect(page.Locator("#answers")).ToContainTextAsync("getting into a car");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change your answers" }).ClickAsync();
        await Expect(page.GetByLabel("What was seen or heard")).ToHaveValueAsync("Seen at 11pm getting into a car with two adult men; said they were her 'boyfriends'.");
        await page.GetByLabel("School or college (optional)").FillAsync("Northgate Academy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator("#answers")).ToContainTextAsync("Northgate Academy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My referrals", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#my-referrals")).ToContainTextAsync("Juniper Wrexcombe");
        await Expect(page.Locator("#my-referrals")).ToContainTextAsync("Awaiting decision");

        // 2. The social worker finds it at the front door and decides on a strategy discussion.
        await using var social = await browser.SignedInAsync("social.worker@beacon.test");
        var sw = social.Page;
        await sw.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Front door" }).ClickAsync();
        var row = sw.Locator("#queue tbody tr", new() { HasText = "Juniper Wrexcombe" });
        await Expect(row).ToContainTextAsync("Youth Outreach");
        await Expect(row).ToContainTextAsync("Due");
        await row.GetByRole(AriaRole.Link, new() { Name = "Juniper Wrexcombe" }).ClickAsync();
        await Expect(sw.Locator("#referral")).ToContainTextAsync("getting into a car");
        var decide = sw.Locator("#decide");
        await decide.GetByLabel("Strategy discussion").CheckAsync();
        await decide.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Expect(sw.GetByText("A case has been opened for Juniper Wrexcombe")).ToBeVisibleAsync();
        await Expect(sw.Locator("#stage")).ToHaveTextAsync("Referral");
        var caseUrl = new Uri(sw.Url).AbsolutePath;

        // The referrer now sees the outcome, and can read the case but not work it.
        await page.ReloadAsync();
        await Expect(page.Locator("#my-referrals")).ToContainTextAsync("Strategy discussion");
        await page.GotoAsync(caseUrl);
        await Expect(page.Locator("#stage")).ToHaveTextAsync("Referral");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start assessment" })).ToHaveCountAsync(0);

        // 3. The strategy discussion, with police and social care.
        await sw.GetByText("Record a strategy discussion").ClickAsync();
        var strategy = sw.Locator("#strategy-discussion");
        await FillDateAsync(strategy.GetByRole(AriaRole.Group, new() { Name = "Date of the strategy discussion" }), Today);
        await strategy.GetByLabel("Attendee 1 name").FillAsync("Robin Fairweather");
        await strategy.GetByLabel("Attendee 1 agency").SelectOptionAsync(new SelectOptionValue { Label = "Children's Social Care" });
        await strategy.GetByLabel("Attendee 2 name").FillAsync("DC Marlowe");
        await strategy.GetByLabel("Attendee 2 agency").SelectOptionAsync(new SelectOptionValue { Label = "Police" });
        await strategy.GetByLabel("Attendee 3 name").FillAsync("Kit Ellery");
        await strategy.GetByLabel("Attendee 3 agency").SelectOptionAsync(new SelectOptionValue { Label = "Youth Outreach" });
        await strategy.GetByRole(AriaRole.Button, new() { Name = "Record strategy discussion" }).ClickAsync();
        await Expect(sw.Locator("#stage")).ToHaveTextAsync("Strategy discussion");
        await Expect(sw.GetByText("DC Marlowe (Police)")).ToBeVisibleAsync();

        // 4. Assessment: started and completed, on time.
        await FillDateAsync(sw.Locator("#start-assessment"), Today);
        await sw.GetByRole(AriaRole.Button, new() { Name = "Start assessment" }).ClickAsync();
        await Expect(sw.Locator("#stage")).ToHaveTextAsync("Assessment");
        await Expect(sw.Locator("#timescales")).ToContainTextAsync("Due in 45 working days");
        await FillDateAsync(sw.Locator("#complete-assessment"), Today);
        await sw.GetByRole(AriaRole.Button, new() { Name = "Complete assessment" }).ClickAsync();
        await Expect(sw.Locator("#timescales")).ToContainTextAsync("Done on time");

        // A child protection plan is refused here (only a conference can make one), with the domain's reason.
        var plan = sw.Locator("#plan");
        await plan.GetByLabel("Child protection plan").CheckAsync();
        await FillDateAsync(plan.GetByRole(AriaRole.Group, new() { Name = "Plan: date started" }), Today);
        await plan.GetByRole(AriaRole.Button, new() { Name = "Start plan" }).ClickAsync();
        await Expect(sw.Locator(".govuk-error-summary")).ToContainTextAsync("Only an initial child protection conference can make a child protection plan.");
        await Expect(sw.Locator("#stage")).ToHaveTextAsync("Assessment");

        // 5. The plan.
        plan = sw.Locator("#plan");
        await plan.GetByLabel("Child in need plan").CheckAsync();
        await FillDateAsync(plan.GetByRole(AriaRole.Group, new() { Name = "Plan: date started" }), Today);
        await plan.GetByRole(AriaRole.Button, new() { Name = "Start plan" }).ClickAsync();
        await Expect(sw.Locator("#stage")).ToHaveTextAsync("Plan");
        await Expect(sw.Locator("#history")).ToContainTextAsync("Assessment → Plan");

        // What each role sees now: the worker's caseload, the manager's team caseload, the referrer's read-only case.
        await sw.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "My work" }).ClickAsync();
        await Expect(sw.Locator("#caseload")).ToContainTextAsync("Juniper Wrexcombe");
        await using var manager = await browser.SignedInAsync("team.manager@beacon.test");
        await manager.Page.GotoAsync("/MyWork");
        await Expect(manager.Page.Locator("#caseload tr", new() { HasText = "Juniper Wrexcombe" })).ToContainTextAsync("Plan");
        await page.GotoAsync(caseUrl);
        await Expect(page.Locator("#stage")).ToHaveTextAsync("Plan");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Request closure" })).ToHaveCountAsync(0);

        BrowserSteps.AssertNoScriptProblems(outreach);
        BrowserSteps.AssertNoScriptProblems(social);
    }
}
