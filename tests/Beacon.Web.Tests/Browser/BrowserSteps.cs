using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Web.Tests.Browser;

/// <summary>What a child's details are typed as on the "Add a child" form.</summary>
public sealed record NewChild(string FirstName, string LastName, string Day = "14", string Month = "3", string Year = "2012",
    string Gender = "Girl", string Ethnicity = "Irish", string? Alias = null);

/// <summary>The steps a person takes in Beacon, written the way they would do them: by labels, links and buttons.</summary>
public static partial class BrowserSteps
{
    [GeneratedRegex(@"/Children/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    public static partial Regex ChildRecordUrl();

    /// <summary>Goes from the home page to "Add a child" and fills in the form (without saving it).</summary>
    public static async Task FillAddAChildAsync(IPage page, NewChild child)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a child", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add a child", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("First name", new() { Exact = true }).FillAsync(child.FirstName);
        await page.GetByLabel("Last name", new() { Exact = true }).FillAsync(child.LastName);
        var dateOfBirth = page.GetByRole(AriaRole.Group, new() { Name = "Date of birth", Exact = true });
        await dateOfBirth.GetByLabel("Day").FillAsync(child.Day);
        await dateOfBirth.GetByLabel("Month").FillAsync(child.Month);
        await dateOfBirth.GetByLabel("Year").FillAsync(child.Year);
        await page.GetByRole(AriaRole.Group, new() { Name = "Gender", Exact = true })
            .GetByLabel(child.Gender, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Ethnicity", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = child.Ethnicity });
        if (child.Alias is not null) await page.GetByLabel("Alias (optional)").FillAsync(child.Alias);
    }

    /// <summary>Adds a child through the form and returns the record's address (path) once the record is shown.</summary>
    public static async Task<string> AddAChildAsync(IPage page, NewChild child)
    {
        await FillAddAChildAsync(page, child);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save child" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ChildRecordUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"{child.FirstName} {child.LastName}");
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>Uses "Find a child" from the service navigation to search by name or alias.</summary>
    public static async Task SearchAsync(IPage page, string nameOrAlias)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Children" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Find a child", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Name, alias or reference").FillAsync(nameOrAlias);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.Locator("#results-heading")).ToBeVisibleAsync();
    }

    /// <summary>The rows of the search results table.</summary>
    public static ILocator ResultRows(IPage page) => page.Locator("table.govuk-table tbody tr");

    /// <summary>Asserts there were no script or console errors (CSP refusals included) in the session.</summary>
    public static void AssertNoScriptProblems(BrowserSession session) =>
        Assert.True(session.UnexpectedProblems.Count == 0, "The browser reported:\n" + string.Join("\n", session.UnexpectedProblems));
}

/// <summary>Runs axe-core on the page in the browser and fails on serious or critical WCAG 2.1 A/AA violations.</summary>
public static class Axe
{
    private static readonly string ScriptPath = Path.Combine(AppContext.BaseDirectory, "axe.min.js");

    public sealed record Violation(string Id, string Impact, string Help, string HelpUrl, IReadOnlyList<string> Targets);

    /// <summary>The serious and critical violations on the page as it is now (the context must bypass CSP).</summary>
    public static async Task<IReadOnlyList<Violation>> SeriousViolationsAsync(IPage page)
    {
        if (!File.Exists(ScriptPath)) throw new InvalidOperationException($"axe.min.js is not next to the test assembly ({ScriptPath}): the build copies it from node_modules/axe-core.");
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.AddScriptTagAsync(new() { Path = ScriptPath });
        var json = await page.EvaluateAsync<string>("""
            async () => {
                const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                return JSON.stringify(result.violations.map(v => ({
                    id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
                    targets: v.nodes.map(n => n.target.join(' '))
                })));
            }
            """);
        var violations = JsonSerializer.Deserialize<List<Violation>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
        return violations.Where(v => v.Impact is "serious" or "critical").ToList();
    }

    /// <summary>Checks the page and adds a line per violation to <paramref name="found"/> (so one test can report every page).</summary>
    public static async Task CheckAsync(IPage page, string name, List<string> found)
    {
        var screenshots = Environment.GetEnvironmentVariable(BrowserFixture.ScreenshotsVariable);
        if (!string.IsNullOrWhiteSpace(screenshots))
        {
            Directory.CreateDirectory(screenshots);
            var file = string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-'));
            await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, file + ".png"), FullPage = true });
        }
        foreach (var v in await SeriousViolationsAsync(page))
            found.Add($"{name}: [{v.Impact}] {v.Id} – {v.Help} ({v.HelpUrl}) at {string.Join(", ", v.Targets)}");
    }

    public static void AssertNone(List<string> found) =>
        Assert.True(found.Count == 0, $"axe-core found {found.Count} serious or critical violation(s):\n" + string.Join("\n", found));
}
