using System.Net;
using Beacon.Web.Tests.Infrastructure;

namespace Beacon.Web.Tests.Performance;

/// <summary>Static files are cached by browsers (versioned ones for good); pages with records never are.</summary>
public sealed class CachingTests(SqliteBeacon beacon) : IClassFixture<SqliteBeacon>
{
    [Fact]
    public async Task Versioned_static_files_are_cached_for_a_year_and_pages_are_never_stored()
    {
        using var client = await BeaconClient.SignedInAsync(beacon.Require(), "social.worker@beacon.test");
        var page = await client.GetAsync("/Children");
        var stylesheet = page.Document.QuerySelector("link[rel='stylesheet']")!.GetAttribute("href")!;
        Assert.Contains("?v=", stylesheet);

        using var css = await client.Http.GetAsync(stylesheet);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.True(css.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromDays(365), css.Headers.CacheControl.MaxAge);

        using var records = await client.Http.GetAsync("/Children");
        Assert.True(records.Headers.CacheControl!.NoStore);
    }
}
