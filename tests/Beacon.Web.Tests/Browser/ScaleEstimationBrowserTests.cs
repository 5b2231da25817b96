using System.Text;
using Microsoft.Playwright;
using static Beacon.Web.Tests.Browser.BrowserSteps;
using static Microsoft.Playwright.Assertions;

namespace Beacon.Web.Tests.Browser;

/// <summary>
/// In Chromium, as the analyst: import three agencies' lists from CSV files, link them, look at a pair's explanation,
/// estimate, and see the estimate with its interval, the overlaps chart and table, and the sensitivity table; then the
/// board member sees the same figures and no child.
/// </summary>
public sealed class ScaleEstimationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Three made-up lists over one made-up population: each sees some of the same 300 children.</summary>
    private static IReadOnlyList<byte[]> ThreeLists()
    {
        var random = new Random(12);
        string[] given = ["Amira", "Bethany", "Chloe", "Daisy", "Ellie", "Freya", "Grace", "Hannah", "Isla", "Jade", "Kayla", "Lily", "Maya", "Nadia", "Olivia", "Poppy"];
        string[] surnames = ["Ashdown", "Brightwell", "Carrow", "Dunmore", "Elsworth", "Fenwick", "Garside", "Holloway", "Ingham", "Jessop", "Kettering", "Lowther", "Marwood"];
        var people = Enumerable.Range(0, 300).Select(i => (Given: given[random.Next(given.Length)], Surname: surnames[random.Next(surnames.Length)],
            Born: new DateOnly(2008, 1, 1).AddDays(random.Next(2500)))).ToList();
        double[] reach = [0.35, 0.3, 0.25];
        return reach.Select((p, l) =>
        {
            var csv = new StringBuilder("agency_id,given_name,surname,date_of_birth,sex\n");
            for (var i = 0; i < people.Count; i++)
                if (random.NextDouble() < p) csv.Append($"L{l}-{i},{people[i].Given},{people[i].Surname},{people[i].Born:yyyy-MM-dd},F\n");
            return Encoding.UTF8.GetBytes(csv.ToString());
        }).ToList();
    }

    [Fact]
    public async Task An_analyst_imports_three_lists_links_them_and_sees_the_estimate()
    {
        var found = new List<string>();
        string runUrl;
        await using (var analyst = await browser.SignedInAsync("analyst@beacon.test", bypassCsp: true))
        {
            var page = analyst.Page;
            var lists = ThreeLists();
            for (var l = 0; l < lists.Count; l++)
            {
                await page.GotoAsync("/");
                await page.GetByRole(AriaRole.Link, new() { Name = "True scale", Exact = true }).ClickAsync();
                await page.GetByRole(AriaRole.Link, new() { Name = "Import an agency's list" }).ClickAsync();
                await page.GetByLabel("Name of the list").FillAsync($"Browser list {l + 1}");
                await page.GetByLabel("Agency that holds it").FillAsync($"Fictional agency {l + 1}");
                foreach (var (group, day, month, year) in new[] { ("First day it covers", "1", "1", "2025"), ("Last day it covers", "31", "12", "2025") })
                {
                    var date = page.GetByRole(AriaRole.Group, new() { Name = group });
                    await date.GetByLabel("Day").FillAsync(day);
                    await date.GetByLabel("Month").FillAsync(month);
                    await date.GetByLabel("Year").FillAsync(year);
                }
                await page.GetByLabel("The list (CSV)").SetInputFilesAsync(new FilePayload { Name = $"list{l + 1}.csv", MimeType = "text/csv", Buffer = lists[l] });
                if (l == 0) await Axe.CheckAsync(page, "Import an agency's list", found);
                await page.GetByRole(AriaRole.Button, new() { Name = "Import the list" }).ClickAsync();
                await Expect(page.Locator(".govuk-notification-banner, #saved, .govuk-panel").First).ToContainTextAsync($"from Browser list {l + 1}");
            }
            await Axe.CheckAsync(page, "The true scale", found);

            await page.GetByRole(AriaRole.Button, new() { Name = "Make a new estimate" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "Make a new estimate" })).ClickAsync();
            foreach (var name in new[] { "Browser list 1", "Browser list 2", "Browser list 3" })
                await page.Locator(".govuk-checkboxes__item", new() { HasText = name }).Locator("input").CheckAsync();
            var from = page.GetByRole(AriaRole.Group, new() { Name = "First day of the period" });
            await from.GetByLabel("Day").FillAsync("1");
            await from.GetByLabel("Month").FillAsync("1");
            await from.GetByLabel("Year").FillAsync("2025");
            await Axe.CheckAsync(page, "Make a new estimate", found);
            await page.GetByRole(AriaRole.Button, new() { Name = "Link the lists" }).ClickAsync();
            await Expect(page.Locator("#run-sources li")).ToHaveCountAsync(3);
            runUrl = new Uri(page.Url).AbsolutePath;
            if (await page.Locator(".beacon-pair").CountAsync() > 0)
            {
                await page.Locator(".beacon-pair details summary").First.ClickAsync();
                await Expect(page.Locator(".beacon-waterfall").First).ToBeVisibleAsync();
            }
            await Axe.CheckAsync(page, "A run's pairs to review", found);
            await page.GetByRole(AriaRole.Button, new() { Name = "Estimate the true scale" }).ClickAsync();
            await Expect(page.Locator("#estimate")).ToBeVisibleAsync();
            var seen = long.Parse((await page.Locator("#observed").TextContentAsync())!.Replace(",", ""));
            var estimate = double.Parse((await page.Locator("#estimate").TextContentAsync())!.Replace(",", ""));
            // 300 children in all; the three lists see fewer, and the estimate comes back towards 300.
            Assert.InRange(seen, 150, 299);
            Assert.InRange(estimate, 240, 400);
            await Expect(page.Locator("#overlap-chart svg")).ToBeVisibleAsync();
            await Expect(page.Locator("#histories tbody tr").First).ToBeVisibleAsync();
            await Expect(page.Locator("#sensitivity")).ToContainTextAsync("Main effects only");
            await Axe.CheckAsync(page, "A run's estimate", found);
            AssertNoScriptProblems(analyst);
        }

        await using (var board = await browser.SignedInAsync("board.member@beacon.test", bypassCsp: true))
        {
            await board.Page.GotoAsync(runUrl);
            await Expect(board.Page.Locator("#estimate")).ToBeVisibleAsync();
            await Expect(board.Page.Locator(".beacon-pair")).ToHaveCountAsync(0);
            await Axe.CheckAsync(board.Page, "A run, as the board sees it", found);
        }
        Axe.AssertNone(found);
    }
}
