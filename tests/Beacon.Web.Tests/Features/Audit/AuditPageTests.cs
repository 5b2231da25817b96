using System.Net;
using Beacon.Web.Tests.Infrastructure;

namespace Beacon.Web.Tests.Features.Audit;

public sealed class AuditPageTests(SqliteBeacon beacon) : IClassFixture<SqliteBeacon>
{
    [Fact]
    public async Task The_auditor_sees_the_chain_is_intact_and_the_latest_entries()
    {
        using var auditor = await BeaconClient.SignedInAsync(beacon.Factory, "auditor@beacon.test");
        var page = await auditor.GetAsync("/Audit");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Intact", page.Document.QuerySelector("#chain-status")!.TextContent);
        Assert.Contains(page.Document.QuerySelectorAll("#audit-entries tbody tr"), row => row.TextContent.Contains("Signed in"));
    }

    [Theory]
    [InlineData("social.worker@beacon.test")]
    [InlineData("board.member@beacon.test")]
    [InlineData("admin@beacon.test")]
    public async Task Nobody_else_sees_the_audit_log(string email)
    {
        using var client = await BeaconClient.SignedInAsync(beacon.Factory, email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Audit")).Status);
    }
}
