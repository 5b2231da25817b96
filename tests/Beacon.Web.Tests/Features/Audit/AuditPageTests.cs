using System.Net;
using System.Text.RegularExpressions;
using Beacon.Core.Audit;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task The_log_downloads_as_CSV_newest_first_filtered_as_shown_and_the_download_is_itself_recorded()
    {
        using var auditor = await BeaconClient.SignedInAsync(beacon.Factory, "auditor@beacon.test");
        var page = await auditor.GetAsync("/Audit?Action=Exported");
        using var csv = await auditor.Http.GetAsync(page.Document.QuerySelector("#download-csv")!.GetAttribute("href"));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Sequence,When (UTC),Who,Agency,What,Record,Child,Summary,Hash", lines[0]);
        // Only exports, this one first: the download was recorded before the log was read.
        Assert.Contains("Downloaded the audit log (Exported entries) as CSV", lines[1]);
        var sequences = lines.Skip(1).Select(l => long.Parse(l.Split(',')[0])).ToList();
        Assert.Equal(sequences.OrderDescending().ToList(), sequences);
        Assert.All(lines.Skip(1), l => Assert.Contains(",Exported,", l));

        using var worker = await BeaconClient.SignedInAsync(beacon.Factory, "social.worker@beacon.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/Audit?handler=Csv")).Status);
    }

    [Fact]
    public async Task Every_entry_of_the_log_can_be_reached_a_page_at_a_time()
    {
        using var auditor = await BeaconClient.SignedInAsync(beacon.Factory, "auditor@beacon.test");
        var first = await auditor.GetAsync("/Audit");
        var rows = first.Document.QuerySelectorAll("#audit-entries tbody tr");
        Assert.Equal(Beacon.Web.Features.Audit.IndexModel.PageSize, rows.Length); // the demo's log is longer than a page
        var next = first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await auditor.GetAsync("/Audit" + next);
        static long Sequence(AngleSharp.Dom.IElement row) => long.Parse(row.QuerySelector("td")!.TextContent.Trim());
        // Newest first, and the second page carries on exactly where the first stopped.
        Assert.Equal(Sequence(rows[^1]) - 1, Sequence(second.Document.QuerySelector("#audit-entries tbody tr")!));
        Assert.NotNull(second.Document.QuerySelector("a[rel=prev]"));
    }

    [Fact]
    public async Task The_auditor_sees_whether_the_log_is_anchored_by_genuine_signed_checkpoints()
    {
        await using var own = await BeaconFactory.StartAsync();
        using var auditor = await BeaconClient.SignedInAsync(own, "auditor@beacon.test");

        var page = await auditor.GetAsync("/Audit");
        Assert.Contains("Intact", page.Document.QuerySelector("#chain-status")!.TextContent);
        Assert.Contains("no checkpoints yet", page.Document.QuerySelector("#checkpoint-warnings")!.TextContent);

        var written = await own.Services.GetRequiredService<AuditCheckpointWriter>().WriteAsync(onlyIfHeadMoved: false, TestContext.Current.CancellationToken);
        page = await auditor.GetAsync("/Audit");
        Assert.Contains($"matches the signed checkpoint kept outside the database; the latest, of {written.Checkpoint!.When}, is for entry {written.Checkpoint.Sequence}",
            Regex.Replace(page.Document.QuerySelector("#checkpoint-status")!.TextContent, @"\s+", " "));
        Assert.Null(page.Document.QuerySelector("#checkpoint-warnings"));

        var forged = AuditCheckpoint.Of(AuditEntry.Append(null, new AuditDraft("x", "Forger", null, AuditAction.Viewed, "Child", "1"), DateTime.UtcNow), DateTimeOffset.UtcNow)
            .ToLine(AuditCheckpointKey.FromBytes(new byte[32]));
        await File.AppendAllLinesAsync(own.CheckpointFile, [forged], TestContext.Current.CancellationToken);
        page = await auditor.GetAsync("/Audit");
        var status = page.Document.QuerySelector("#chain-status")!.TextContent;
        Assert.Contains("The audit log's checkpoints failed their check", status);
        Assert.Contains("Line 2 of the checkpoint file, for entry 1 at ", status);
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
