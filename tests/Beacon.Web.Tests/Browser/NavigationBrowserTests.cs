using Microsoft.Playwright;

namespace Beacon.Web.Tests.Browser;

/// <summary>
/// Every demo role's menu at a desktop width: its items sit on one line (a menu wrapping onto two lines reads as two
/// menus), and one item at most is marked as the current page.
/// </summary>
public sealed class NavigationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("social.worker@beacon.test")]
    [InlineData("team.manager@beacon.test")]
    [InlineData("police.officer@beacon.test")]
    [InlineData("analyst@beacon.test")]
    [InlineData("outreach@beacon.test")]
    [InlineData("health.lead@beacon.test")]
    [InlineData("school.lead@beacon.test")]
    [InlineData("panel.chair@beacon.test")]
    [InlineData("board.member@beacon.test")]
    [InlineData("auditor@beacon.test")]
    [InlineData("admin@beacon.test")]
    public async Task The_menu_sits_on_one_line_at_desktop_width(string email)
    {
        await using var session = await browser.SignedInAsync(email);
        var page = session.Page;
        await page.SetViewportSizeAsync(1280, 900);
        foreach (var url in new[] { "/", "/Referrals/Queue" })
        {
            await page.GotoAsync(url);
            var items = page.Locator("#navigation > li");
            var tops = await items.EvaluateAllAsync<double[]>("items => items.map(i => Math.round(i.getBoundingClientRect().top))");
            Assert.NotEmpty(tops);
            var screenshots = Environment.GetEnvironmentVariable(BrowserFixture.ScreenshotsVariable);
            if (!string.IsNullOrWhiteSpace(screenshots))
            {
                Directory.CreateDirectory(screenshots);
                await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, $"menu-{email.Split('@')[0]}{url.Replace('/', '-')}.png"), Clip = new() { X = 0, Y = 0, Width = 1280, Height = 200 } });
            }
            Assert.True(tops.Distinct().Count() == 1, $"{email}'s menu is on {tops.Distinct().Count()} lines at 1280 px on {url}: " +
                string.Join(", ", await items.AllInnerTextsAsync()));
            Assert.True(await page.Locator("#navigation .govuk-service-navigation__item--active").CountAsync() <= 1);
        }
    }
}
