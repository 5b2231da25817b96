using System.Net;
using Beacon.Web.Tests.Infrastructure;
using static Beacon.Web.Tests.Features.Missing.MissingSteps;

namespace Beacon.Web.Tests.Features.Missing;

/// <summary>
/// The missing-episode and chronology queries on PostgreSQL (the outstanding-interviews join, the chronology sources
/// with their audit-trail reads), so neither provider's translation goes untested.
/// </summary>
public sealed class MissingOnPostgresTests(PostgresBeacon beacon) : IClassFixture<PostgresBeacon>
{
    [Fact]
    public async Task An_overdue_interview_is_listed_flagged_and_on_the_chronology()
    {
        var factory = beacon.Require();
        using var worker = await BeaconClient.SignedInAsync(factory, "social.worker@beacon.test");
        var child = await CreateChildAsync(worker, "Perpetua", "Glasscock");
        var id = await EpisodeAsync(worker, child, Ago(TimeSpan.FromDays(5)), TimeSpan.FromDays(1));

        Assert.Contains("Overdue by", await EpisodeRowAsync(worker, child, id));
        var list = await worker.GetAsync("/Missing/ReturnHomeInterviews");
        Assert.Contains(list.Document.QuerySelectorAll("#outstanding-interviews tbody tr"), r => r.TextContent.Contains("Perpetua Glasscock") && r.TextContent.Contains("Overdue by"));

        var chronology = await worker.GetAsync($"{child}/Chronology?Agency=ChildrensSocialCare");
        Assert.Equal(HttpStatusCode.OK, chronology.Status);
        var events = chronology.Document.QuerySelectorAll("#chronology tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(events, e => e.Contains("Reported missing"));
        Assert.Contains(events, e => e.Contains("Returned after") && e.Contains("Timescale missed"));
    }
}
