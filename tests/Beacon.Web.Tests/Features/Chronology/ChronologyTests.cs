using System.Globalization;
using System.Net;
using Beacon.Core.Access;
using Beacon.Core.Cases;
using Beacon.Core.Referrals;
using Beacon.Core.Timescales;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Features.Children;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Beacon.Web.Tests.Features.Missing.MissingSteps;

namespace Beacon.Web.Tests.Features.Chronology;

/// <summary>The child's chronology: built from the records of every agency, in date order, filterable, audited, access-checked.</summary>
public abstract class ChronologyTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();

    /// <summary>
    /// Outreach adds the child with an address and refers a concern; social care decides on an assessment, opens a
    /// case, records the child becoming looked after, and a missing episode with its return home interview.
    /// </summary>
    private async Task<string> ChildWithHistoryAsync(string first, string last)
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var child = await ChildRecordTests.CreateChildAsync(outreach, new(NewChild(first, last))
        {
            ["Address.Line1"] = "12 Fictional Row",
            ["Address.Town"] = "Testbury",
            ["Address.Postcode"] = "ZZ1 1ZZ",
            ["Address.From.Day"] = "1",
            ["Address.From.Month"] = "9",
            ["Address.From.Year"] = "2020",
        });
        var childId = Guid.Parse(child.Split('/').Last());

        await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BeaconDbContext>();
            var outreachId = await db.Users.Where(u => u.Email == "outreach@beacon.test").Select(u => u.Id).SingleAsync();
            var workerId = await db.Users.Where(u => u.Email == "social.worker@beacon.test").Select(u => u.Id).SingleAsync();
            var childRecord = await db.Children.Include(c => c.Involvements).SingleAsync(c => c.Id == childId);
            var outreach = DemoWorld.ActorOf(outreachId, "Outreach worker", Agency.YouthOutreach, [BeaconRoles.OutreachWorker]);
            var referral = Referral.Raise(childRecord, outreach, "Seen getting into a car with older men (fictional)",
                Ago(TimeSpan.FromDays(6)), Ago(TimeSpan.FromDays(5)), SharingBasis.ConsentGiven);
            referral.RecordDecision(TriageOutcome.Assessment, workerId, Ago(TimeSpan.FromDays(4)));
            var @case = Case.OpenFromReferral(referral, workerId, Ago(TimeSpan.FromDays(4)));
            @case.StartAssessment(UkTime.ToUkDate(Ago(TimeSpan.FromDays(4))), workerId);
            db.Add(referral);
            db.Add(@case);
            await db.SaveChangesAsync();
            return 0;
        });

        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var id = await EpisodeAsync(worker, child, Ago(TimeSpan.FromDays(3)), TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Redirect, (await InterviewAsync(worker, child, id, Ago(TimeSpan.FromDays(1)))).Status);
        var edited = await worker.SubmitAsync($"{child}/Edit", "main form", new() { ["Input.IsLookedAfter"] = "true", ["Input.Placement"] = "Foster care (fictional)" });
        Assert.True(edited.Status == HttpStatusCode.Redirect, string.Join("; ", edited.Errors));
        return child;
    }

    private static List<(string When, string Event, string Agency, string Type)> Rows(BeaconClient.PageResponse page) =>
        page.Document.QuerySelectorAll("#chronology tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .Select(c => (c[0], c[1], c[2], c[3])).ToList();

    [Fact]
    public async Task Events_from_every_kind_of_record_appear_once_in_date_order()
    {
        var child = await ChildWithHistoryAsync("Elowen", "Marchbank");
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var page = await worker.GetAsync($"{child}/Chronology");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = Rows(page);

        int Index(string title) => rows.FindIndex(r => r.Event.StartsWith(title, StringComparison.Ordinal)) is var i and >= 0 ? i
            : throw new Xunit.Sdk.XunitException($"No '{title}' in: {string.Join(" | ", rows.Select(r => r.Event.Split('\n')[0]))}");
        var expectedOrder = new[]
        {
            "Moved to 12 Fictional Row", "Referral from Youth Outreach", "Decision: Assessment", "Case opened",
            "Reported missing", "Returned after", "Return home interview done", "Child's record created", "Became looked after",
        };
        var positions = expectedOrder.Select(Index).ToList();
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.Contains(rows, r => r.Event.StartsWith("Assessment started", StringComparison.Ordinal));

        // Every row is in date order (within a day, timed events before those known only by their date), and the
        // agency comes from the record or the person who recorded it.
        var keys = rows.Select(r => DateTime.Parse(r.When.Replace(",", ""), CultureInfo.GetCultureInfo("en-GB")))
            .Zip(rows, (at, r) => (Day: at.Date, DateOnly: r.When.Contains(':') ? 0 : 1, At: at)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Day).ThenBy(k => k.DateOnly).ThenBy(k => k.At).ToList(), keys);
        Assert.Equal("Youth Outreach", rows[Index("Referral from")].Agency);
        Assert.Equal("Children's Social Care", rows[Index("Reported missing")].Agency);
        Assert.Equal("Youth Outreach", rows[Index("Child's record created")].Agency);
        Assert.Contains("Foster care (fictional)", rows[Index("Became looked after")].Event);
        Assert.Contains("Done on time", rows[Index("Return home interview done")].Event);
        // A case's steps say who recorded them (from the case's stage history), and for which agency.
        Assert.Equal("Children's Social Care", rows[Index("Assessment started")].Agency);
        Assert.Contains("Recorded by", rows[Index("Assessment started")].Event);

        // An action the panel agreed for the child links to the child's agreed actions, and the case's actions page lists it.
        var childId = Guid.Parse(child.Split('/').Last());
        var caseId = await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BeaconDbContext>();
            var worker = await db.Users.Where(u => u.Email == "social.worker@beacon.test").Select(u => new { u.Id, u.OrganisationId }).SingleAsync();
            db.Add(Core.Actions.AgreedAction.Agree(childId, null, Core.Actions.ActionSource.Panel, "Disrupt the (fictional) contact at the bus station",
                worker.Id, worker.OrganisationId, UkTime.ToUkDate(DateTime.UtcNow).AddDays(10), worker.Id, DateTime.UtcNow));
            await db.SaveChangesAsync();
            return await db.Cases.Where(c => c.ChildId == childId).Select(c => c.Id).SingleAsync();
        });
        var again = await worker.GetAsync($"{child}/Chronology");
        var action = again.Document.QuerySelectorAll("#chronology tbody tr").Single(r => r.TextContent.Contains("Disrupt the (fictional) contact"));
        Assert.Equal($"/Children/{childId}#section-actions", action.QuerySelector("a")!.GetAttribute("href"));
        var actions = await worker.GetAsync($"/Cases/{caseId}/Actions");
        Assert.Contains("Disrupt the (fictional) contact", actions.Document.QuerySelector("#panel-actions")!.TextContent);
    }

    [Fact]
    public async Task Filters_by_agency_and_by_type_of_event()
    {
        var child = await ChildWithHistoryAsync("Rosalind", "Penhallow");
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");

        var missing = Rows(await worker.GetAsync($"{child}/Chronology?Type={Uri.EscapeDataString("Missing episode")}"));
        Assert.Equal(2, missing.Count);
        Assert.All(missing, r => Assert.Equal("Missing episode", r.Type));

        var outreach = Rows(await worker.GetAsync($"{child}/Chronology?Agency=YouthOutreach"));
        Assert.NotEmpty(outreach);
        Assert.All(outreach, r => Assert.Equal("Youth Outreach", r.Agency));
        Assert.Contains(outreach, r => r.Event.StartsWith("Referral from", StringComparison.Ordinal));
        Assert.DoesNotContain(outreach, r => r.Event.StartsWith("Reported missing", StringComparison.Ordinal));

        var both = await worker.GetAsync($"{child}/Chronology?Agency=ChildrensSocialCare&Type={Uri.EscapeDataString("Return home interview")}");
        Assert.Single(Rows(both));
        Assert.Contains("Children's Social Care only, Return home interview only", both.Document.QuerySelector("#chronology-shown")!.TextContent);

        var bad = await worker.GetAsync($"{child}/Chronology?Agency=Nonsense");
        Assert.Contains("Select an agency from the list", bad.Errors);
    }

    [Fact]
    public async Task Viewing_the_chronology_is_audited_and_needs_access_to_the_child()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var child = await ChildRecordTests.CreateChildAsync(outreach, NewChild("Gwenllian", "Sedgewick"));
        Assert.Equal(HttpStatusCode.OK, (await outreach.GetAsync($"{child}/Chronology")).Status);

        using var school = await BeaconClient.SignedInAsync(Factory, "school.lead@beacon.test");
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"{child}/Chronology")).Status);
        using var board = await BeaconClient.SignedInAsync(Factory, "board.member@beacon.test");
        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync($"{child}/Chronology")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outreach.GetAsync($"/Children/{Guid.NewGuid()}/Chronology")).Status);

        using var auditor = await BeaconClient.SignedInAsync(Factory, "auditor@beacon.test");
        var history = await auditor.GetAsync($"{child}/AccessHistory");
        Assert.Contains(history.Document.QuerySelectorAll("#access-history tbody tr"), r => r.TextContent.Contains("Viewed chronology"));
    }

    [Fact]
    public async Task A_long_chronology_comes_in_pages_oldest_or_newest_first_keeping_its_filters()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var child = await ChildRecordTests.CreateChildAsync(outreach, NewChild("Perpetua", "Lindqvist"));
        var childId = Guid.Parse(child.Split('/').Last());
        const int notes = 150;
        await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BeaconDbContext>();
            var outreachId = await db.Users.Where(u => u.Email == "outreach@beacon.test").Select(u => u.Id).SingleAsync();
            var author = DemoWorld.ActorOf(outreachId, "Outreach worker", Agency.YouthOutreach, [BeaconRoles.OutreachWorker]);
            var record = await db.Children.SingleAsync(c => c.Id == childId);
            for (var n = 1; n <= notes; n++)
                db.Add(Core.CaseNotes.CaseNote.Record(record, author, Core.CaseNotes.CaseNoteKind.PhoneCall, Ago(TimeSpan.FromHours(notes + 1 - n)),
                    $"Call number {n:D3}", "A fictional call.", null, null, null, DateTime.UtcNow));
            await db.SaveChangesAsync();
            return 0;
        });

        var first = await outreach.GetAsync($"{child}/Chronology?Type=Phone+call");
        var calls = Rows(first).Select(r => r.Event.Split('\n')[0].Trim()).ToList();
        Assert.Equal(IndexModelPageSize, calls.Count);
        Assert.Equal("Call number 001", calls[0]);
        Assert.Contains($"{notes} events", first.Document.QuerySelector("#chronology-shown")!.TextContent);
        Assert.Contains("page 1 of 2", first.Document.QuerySelector("#chronology-shown")!.TextContent);

        // The next page keeps the filter and carries on where the first stopped.
        var next = first.Document.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        Assert.Contains("Type=Phone", next);
        var second = Rows(await outreach.GetAsync($"{child}/Chronology{next}")).Select(r => r.Event.Split('\n')[0].Trim()).ToList();
        Assert.Equal(notes - IndexModelPageSize, second.Count);
        Assert.Equal($"Call number {IndexModelPageSize + 1:D3}", second[0]);
        Assert.Equal($"Call number {notes:D3}", second[^1]);

        var newest = Rows(await outreach.GetAsync($"{child}/Chronology?Type=Phone+call&Order=NewestFirst")).Select(r => r.Event.Split('\n')[0].Trim()).ToList();
        Assert.Equal($"Call number {notes:D3}", newest[0]);
        Assert.Equal(calls.Concat(second).Reverse().Take(IndexModelPageSize).ToList(), newest);
    }

    private const int IndexModelPageSize = Beacon.Web.Features.Chronology.IndexModel.PageSize;
}

public sealed class SqliteChronologyTests(SqliteBeacon beacon) : ChronologyTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresChronologyTests(PostgresBeacon beacon) : ChronologyTests(beacon), IClassFixture<PostgresBeacon>;
