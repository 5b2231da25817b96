using Beacon.Web.Tests.Infrastructure;

namespace Beacon.Web.Tests.Features.Shared;

/// <summary>The service menu: one item highlighted, the one whose pages this is; account settings beside the name, not in the menu.</summary>
public sealed class MenuTests(SqliteBeacon beacon) : IClassFixture<SqliteBeacon>
{
    [Theory]
    [InlineData("/Referrals/Queue", "Front door")]
    [InlineData("/Referrals", "Referrals")]
    [InlineData("/MyWork/Breaches", "My work")]
    [InlineData("/Missing/ReturnHomeInterviews", "Return home interviews")]
    [InlineData("/RiskAssessment/Panel", "CSE risk")]
    public async Task Exactly_one_menu_item_is_highlighted_and_marked_as_the_current_page(string url, string expected)
    {
        using var worker = await BeaconClient.SignedInAsync(beacon.Require(), "social.worker@beacon.test");
        var page = await worker.GetAsync(url);
        var active = page.Document.QuerySelectorAll("#navigation .govuk-service-navigation__item--active").ToList();
        Assert.Equal(expected, Assert.Single(active).QuerySelector("a")!.TextContent.Trim());
        Assert.Equal("page", active[0].QuerySelector("a")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Password_and_two_factor_settings_sit_beside_the_name_not_in_the_menu()
    {
        using var worker = await BeaconClient.SignedInAsync(beacon.Require(), "social.worker@beacon.test");
        var page = await worker.GetAsync("/MyWork");
        Assert.Null(page.Document.QuerySelector("#navigation a[href='/Account/ChangePassword']"));
        Assert.NotNull(page.Document.QuerySelector("a[href='/Account/ChangePassword']"));
        Assert.NotNull(page.Document.QuerySelector("a[href='/Account/TwoFactor']"));
    }
}
