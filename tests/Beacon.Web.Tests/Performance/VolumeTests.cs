using System.Net;
using Beacon.Core.Audit;
using Beacon.Core.RiskAssessment;
using Beacon.Core.Timescales;
using Beacon.Web.Features.Children;
using Beacon.Web.Features.RiskAssessment;
using Beacon.Web.Features.Timescales;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Performance;

/// <summary>
/// Beacon with the demo plus generated volume (the `generate` verb's data, a few hundred children with sixteen years
/// of history): more rows than any page shows, so paging, counting and the stored clocks are exercised for real.
/// </summary>
public class VolumeBeacon(DatabaseProvider provider) : IAsyncLifetime
{
    public const int Children = 400;
    private readonly BeaconFixture _inner = new(provider);
    public BeaconFactory Require() => _inner.Require();
    public VolumeData.Totals Totals { get; private set; } = default!;
    public Beacon.Web.Features.Panel.PanelHistoryData.Totals PanelTotals { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        await _inner.InitializeAsync();
        try { _inner.Require(); }
        catch (Exception) { return; } // PostgreSQL not available outside CI: each test skips
        var factory = _inner.Factory;
        var volume = new VolumeData(factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Services.GetRequiredService<TimeProvider>());
        Totals = await volume.GenerateAsync(Children, seed: 7, TextWriter.Null, CancellationToken.None);
        PanelTotals = await new Beacon.Web.Features.Panel.PanelHistoryData(factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Services.GetRequiredService<TimeProvider>())
            .GenerateAsync(years: 1, actions: 1_300, seed: 7, TextWriter.Null, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}

public sealed class SqliteVolumeBeacon() : VolumeBeacon(DatabaseProvider.Sqlite);
public sealed class PostgresVolumeBeacon() : VolumeBeacon(DatabaseProvider.Postgres);

public abstract class VolumeTests(VolumeBeacon beacon)
{
    private BeaconFactory Factory => beacon.Require();

    private Task<T> WithDbAsync<T>(Func<BeaconDbContext, Task<T>> work) =>
        Factory.WithScopeAsync(async sp => await work(sp.GetRequiredService<BeaconDbContext>()));

    [Fact]
    public async Task Generated_records_go_through_the_domain_and_keep_the_audit_chain_intact()
    {
        var (children, referrals, cases, audit) = await WithDbAsync(async db => (
            await db.Children.CountAsync(), await db.Referrals.CountAsync(), await db.Cases.CountAsync(),
            await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync()));
        Assert.True(children >= VolumeBeacon.Children, $"{children} children");
        Assert.Equal(beacon.Totals.Referrals, referrals - 8); // the demo's own eight referrals, plus the generated
        Assert.True(cases > 50 && beacon.Totals.Cases > 50, $"{cases} cases");
        var verification = AuditChain.Verify(audit, []);
        Assert.True(verification.IsIntact, verification.Message);
        // Every generated child's creation is on the chain.
        Assert.True(audit.Count(e => e.EntityType == "Child" && e.Action == AuditAction.Created) >= VolumeBeacon.Children);
    }

    [Fact]
    public async Task Stored_clocks_are_exactly_the_domains_timescales_for_every_case_and_referral()
    {
        var timescales = StatutoryTimescales.EnglandAndWales;
        var now = DateTime.UtcNow;
        await WithDbAsync(async db =>
        {
            var clocks = (await db.Set<StatutoryClock>().AsNoTracking().ToListAsync()).ToLookup(k => k.RecordId);
            var cases = await db.Cases.AsNoTracking().Include(c => c.StrategyDiscussions).Include(c => c.ReviewConferences).AsSplitQuery().ToListAsync();
            var children = await db.Children.AsNoTracking().ToDictionaryAsync(c => c.Id, c => (c.ResponsibleAreaId, c.HostAreaId));
            foreach (var @case in cases)
            {
                var expected = @case.TimescaleOutcomes(timescales, now)
                    .Select(o => (o.Step, o.DueOn, o.MetOn, o.State == TimescaleState.MetLate, o.State == TimescaleState.MetOnTime ? (DateOnly?)null : o.DueOn)).ToList();
                var stored = clocks[@case.Id].OrderBy(k => k.Slot).Select(k => (k.Step, k.DueOn, k.MetOn, k.Late, k.BreachAfter)).ToList();
                Assert.Equal(expected, stored);
                Assert.All(clocks[@case.Id], k => Assert.Equal(@case.AllocatedWorkerUserId, k.ResponsibleUserId));
                Assert.All(clocks[@case.Id], k => Assert.Equal(children[@case.ChildId], (k.AreaId, k.HostAreaId)));
            }
            foreach (var referral in await db.Referrals.AsNoTracking().ToListAsync())
            {
                var outcome = referral.DecisionTimescale(timescales, now);
                var stored = Assert.Single(clocks[referral.Id]);
                Assert.Equal((outcome.DueOn, outcome.MetOn, outcome.State == TimescaleState.MetLate, outcome.State == TimescaleState.MetOnTime ? (DateOnly?)null : outcome.DueOn),
                    (stored.DueOn, stored.MetOn, stored.Late, stored.BreachAfter));
            }
            return 0;
        });
    }

    [Fact]
    public async Task Every_childs_stored_risk_position_is_what_the_reassessment_rule_says()
    {
        var schedule = Factory.Services.GetRequiredService<ReassessmentSchedule>();
        await WithDbAsync(async db =>
        {
            var positions = await db.Set<ChildRiskPosition>().AsNoTracking().ToDictionaryAsync(p => p.ChildId);
            var current = await db.RiskAssessments.AsNoTracking().IgnoreAutoIncludes().Where(a => a.Status == AssessmentStatus.SignedOff)
                .ToDictionaryAsync(a => a.ChildId);
            var episodes = (await db.MissingEpisodes.AsNoTracking().Select(e => new { e.ChildId, e.ReportedMissingAtUtc }).ToListAsync())
                .ToLookup(e => e.ChildId, e => new ReassessmentTrigger(ReassessmentTriggerKind.MissingEpisode, e.ReportedMissingAtUtc));
            var referrals = (await db.Referrals.AsNoTracking().Select(r => new { r.ChildId, r.ReceivedAtUtc }).ToListAsync())
                .ToLookup(r => r.ChildId, r => new ReassessmentTrigger(ReassessmentTriggerKind.Referral, r.ReceivedAtUtc));
            foreach (var childId in await db.Children.Select(c => c.Id).ToListAsync())
            {
                var position = positions[childId];
                current.TryGetValue(childId, out var assessment);
                var expected = schedule.DueFor(assessment, episodes[childId].Concat(referrals[childId]));
                Assert.Equal((expected.Reason, expected.DueAtUtc, expected.Trigger?.Kind), (position.DueReason, position.DueAtUtc, position.TriggerKind));
                Assert.Equal(assessment?.Level, position.Level);
                Assert.Equal(assessment?.Id, position.CurrentAssessmentId);
            }
            return 0;
        });
    }

    [Fact]
    public async Task Rebuilding_the_read_models_from_the_records_gives_the_same_rows()
    {
        async Task<(List<string> Clocks, List<string> Positions, List<string> Tokens)> SnapshotAsync() => await WithDbAsync(async db => (
            (await db.Set<StatutoryClock>().AsNoTracking().ToListAsync()).Select(k => $"{k.RecordId}/{k.Slot}/{k.Step}/{k.DueOn}/{k.MetOn}/{k.Late}/{k.ResponsibleUserId}/{k.AreaId}").Order().ToList(),
            (await db.Set<ChildRiskPosition>().AsNoTracking().ToListAsync()).Select(p => $"{p.ChildId}/{p.Level}/{p.DueReason}/{p.DueAtUtc:O}/{p.TriggerKind}/{p.DraftId}").Order().ToList(),
            (await db.Set<ChildNameToken>().AsNoTracking().ToListAsync()).Select(t => $"{t.ChildId}/{t.Token}").Order().ToList()));

        var before = await SnapshotAsync();
        await WithDbAsync(async db =>
        {
            await db.Set<StatutoryClock>().ExecuteDeleteAsync();
            await db.Set<ChildRiskPosition>().ExecuteDeleteAsync();
            return await db.Set<ChildNameToken>().ExecuteDeleteAsync();
        });
        await ReadModels.RebuildMissingAsync(Factory.Services, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
        var after = await SnapshotAsync();

        Assert.NotEmpty(before.Clocks);
        Assert.Equal(before.Clocks, after.Clocks);
        Assert.Equal(before.Positions, after.Positions);
        Assert.Equal(before.Tokens, after.Tokens);
    }

    public static TheoryData<string, string> ListPages() => new()
    {
        { "social.worker@beacon.test", "/MyWork/Breaches" },
        { "outreach@beacon.test", "/Referrals" },
        { "social.worker@beacon.test", "/RiskAssessment" },
        { "police.officer@beacon.test", "/RiskAssessment" },
    };

    public static TheoryData<string, string> WorkPages() => new()
    {
        { "social.worker@beacon.test", "/MyWork" },
        { "team.manager@beacon.test", "/MyWork" },
        { "social.worker@beacon.test", "/MyWork/Breaches" },
        { "social.worker@beacon.test", "/Referrals/Queue" },
        { "social.worker@beacon.test", "/Referrals/Queue?Sort=ChildName&PageNumber=2" },
        { "team.manager@beacon.test", "/MyWork?CaseOrder=MostOverdue" },
        { "outreach@beacon.test", "/Referrals" },
        { "social.worker@beacon.test", "/RiskAssessment" },
        { "social.worker@beacon.test", "/RiskAssessment/Panel" },
        { "police.officer@beacon.test", "/Children?Name=a" },
        { "social.worker@beacon.test", "/Missing/ReturnHomeInterviews" },
        { "board.member@beacon.test", "/Panel/Counts" },
        { "panel.chair@beacon.test", "/Panel/Meetings" },
    };

    /// <summary>The same budget as on the demo's few rows holds with hundreds more: no query per row anywhere.</summary>
    [Theory]
    [MemberData(nameof(WorkPages))]
    public async Task Pages_issue_the_same_bounded_number_of_queries_at_volume(string login, string url)
    {
        using var client = await BeaconClient.SignedInAsync(Factory, login);
        using var counter = new CommandCounter(Factory.Database.ConnectionString);
        var commands = await counter.CountAsync(() => client.GetAsync(url));
        Assert.True(commands <= QueryBudgetTests.Budget, $"{url} as {login} issued {commands} SQL commands at volume (budget {QueryBudgetTests.Budget})");
    }

    /// <summary>A list longer than a page is cut in the database: every page of it answers, each link leads on, and the pages add up to the total.</summary>
    [Theory]
    [MemberData(nameof(ListPages))]
    public async Task Long_lists_come_a_page_at_a_time_with_links_to_the_rest(string login, string url)
    {
        using var client = await BeaconClient.SignedInAsync(Factory, login);
        var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        var next = first.Document.QuerySelectorAll("a[rel=next]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.True(next.Count > 0, $"{url} as {login} shows no link to a next page at this volume");
        foreach (var href in next)
        {
            var page = await client.GetAsync(url.Split('?')[0] + href);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.NotNull(page.Document.QuerySelector("a[rel=prev]"));
            Assert.True(page.Document.QuerySelectorAll("table tbody tr").Length > 0);
        }
    }

    [Fact]
    public async Task A_years_panel_history_gives_the_boards_figures_exactly_as_the_records_say()
    {
        var factory = Factory; // skips here when this database is not available, before the totals are read
        Assert.Equal(26, beacon.PanelTotals.Meetings);
        using var board = await BeaconClient.SignedInAsync(Factory, "board.member@beacon.test");
        var rows = (await board.GetAsync("/Panel/Counts")).Document.QuerySelectorAll("#meeting-counts tbody tr");
        Assert.Equal(Beacon.Web.Features.Panel.PanelFigures.Meetings, rows.Length);
        var today = UkTime.ToUkDate(DateTime.UtcNow);
        foreach (var row in rows)
        {
            var id = Guid.Parse(row.GetAttribute("data-meeting")!);
            var expected = await WithDbAsync(async db =>
            {
                var actions = await db.Set<Core.Actions.AgreedAction>().AsNoTracking().Where(a => a.PanelMeetingId == id).ToListAsync();
                return new[] { actions.Count, actions.Count(a => a.DoneOn <= a.DueOn), actions.Count(a => a.DoneOn > a.DueOn), actions.Count(a => a.IsOverdue(today)) }
                    .Select(n => n.ToString()).ToList();
            });
            var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
            Assert.Equal(expected, cells.Skip(3).ToList());
        }
    }

    [Fact]
    public async Task An_agenda_built_at_volume_puts_children_with_overdue_actions_first()
    {
        using var chair = await BeaconClient.SignedInAsync(Factory, "panel.chair@beacon.test");
        var at = DateTime.UtcNow.AddDays(3);
        var meeting = await chair.SubmitAsync("/Panel/Meetings", "#schedule-meeting", new()
        {
            ["When.Date.Day"] = at.Day.ToString(), ["When.Date.Month"] = at.Month.ToString(), ["When.Date.Year"] = at.Year.ToString(), ["When.Time"] = "10:00", ["Location"] = "Volume room",
        });
        await chair.SubmitAsync(meeting.Location!, "#build-agenda", []);
        var items = (await chair.GetAsync(meeting.Location!)).Document.QuerySelectorAll("#agenda li").Select(li => li.TextContent).ToList();
        // A year of fortnightly meetings has discussed most of the list lately: those due now, never more than one agenda's worth.
        Assert.InRange(items.Count, 1, Beacon.Web.Features.Panel.PanelMeetings.MostOnOneAgenda);
        var overdueFlags = items.Select(t => t.Contains("overdue panel action")).ToList();
        Assert.Contains(true, overdueFlags);
        Assert.Equal(overdueFlags.OrderByDescending(f => f), overdueFlags); // every child with an overdue action before any other
    }

    /// <summary>
    /// The overview's "no assessment or overdue" list comes in parts read separately (overdue assessments, longest
    /// overdue first or level by level most serious first, then children never assessed, by name): walking every page
    /// gives each child once, in that order, across the pages where one part ends and the next begins.
    /// </summary>
    [Theory]
    [InlineData("LongestOverdue")]
    [InlineData("MostSerious")]
    public async Task The_overdue_and_never_assessed_list_pages_through_every_part_in_order(string order)
    {
        using var client = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var first = await client.GetAsync($"/RiskAssessment?Sort={order}");
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(first.Document.QuerySelector("#due-heading")!.TextContent, @"\((\d+)\)").Groups[1].Value);
        var shown = new List<string>();
        for (var page = 1; page <= (total + RiskOverview.PageSize - 1) / RiskOverview.PageSize; page++)
        {
            var html = await client.GetAsync($"/RiskAssessment?Sort={order}&DuePage={page}");
            shown.AddRange(html.Document.QuerySelectorAll("#needs-assessment tbody tr a[href^='/Children/']")
                .Select(a => a.GetAttribute("href")!.Split('/')[2]));
        }
        Assert.Equal(total, shown.Count);
        Assert.Equal(total, shown.Distinct().Count());

        var now = Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var due = await Factory.WithScopeAsync(sp => sp.GetRequiredService<BeaconDbContext>().Set<ChildRiskPosition>()
            .Select(p => new { Id = p.ChildId.ToString(), p.DueReason, p.DueAtUtc, p.Level }).ToListAsync());
        var byId = due.ToDictionary(d => d.Id.ToUpperInvariant());
        // Each shown child's place in the order: overdue (0), by level when most serious first, then by due date; then
        // never assessed (1). Names break ties in the database's own collation, so the test checks the parts, levels and
        // dates, not how names compare.
        var keys = shown.Select(id => byId[id.ToUpperInvariant()])
            .Select(d => (Part: d.DueReason == ReassessmentReason.NoAssessment ? 1 : 0,
                Level: order == "MostSerious" ? -(int?)d.Level ?? 0 : 0,
                Due: d.DueReason == ReassessmentReason.NoAssessment ? DateTime.MinValue : d.DueAtUtc!.Value))
            .ToList();
        Assert.All(keys.Where(k => k.Part == 0), k => Assert.True(k.Due <= now));
        Assert.Equal(keys.OrderBy(k => k.Part).ThenBy(k => k.Level).ThenBy(k => k.Due).ToList(), keys);
        Assert.Contains(keys, k => k.Part == 0);
        Assert.Contains(keys, k => k.Part == 1);
        if (order == "MostSerious") Assert.True(keys.Where(k => k.Part == 0).Select(k => k.Level).Distinct().Count() > 1, "overdue children at more than one level");
    }

    /// <summary>
    /// Deep in a long list a page reads its children's ids from the index first, then their rows: walking every page
    /// that way gives exactly the pages read in one query, in every order and in each of the overview's lists.
    /// </summary>
    [Theory]
    [InlineData(RiskListOrder.LongestOverdue)]
    [InlineData(RiskListOrder.MostSerious)]
    [InlineData(RiskListOrder.Name)]
    public async Task A_page_read_ids_first_is_the_page_read_in_one_query(RiskListOrder order)
    {
        await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BeaconDbContext>();
            var clock = sp.GetRequiredService<TimeProvider>();
            var user = await BeaconFactory.PrincipalAsync(sp, "social.worker@beacon.test");
            var oneQuery = new RiskOverview(db, clock);
            var idsFirst = new RiskOverview(db, clock) { DeepPageRows = 0 };
            var summary = await oneQuery.SummaryAsync(user, new RiskOverview.Filter(), default);
            async Task<List<Guid>> WalkAsync(RiskOverview overview, bool lookedAfter)
            {
                var all = new List<Guid>();
                for (var page = 1; ; page++)
                {
                    var paged = lookedAfter
                        ? await overview.LookedAfterAtSeriousRiskAsync(user, new RiskOverview.Filter(), page, summary, default)
                        : await overview.NeedingAssessmentAsync(user, new RiskOverview.Filter(), page, summary, default, order);
                    all.AddRange(paged.Items.Select(c => c.ChildId));
                    if (page >= paged.PageCount) return all;
                }
            }
            var expected = await WalkAsync(oneQuery, lookedAfter: false);
            Assert.True(expected.Count > RiskOverview.PageSize, $"{expected.Count} children needing an assessment: the walk must cross pages");
            Assert.Equal(expected, await WalkAsync(idsFirst, lookedAfter: false));
            Assert.Equal(await WalkAsync(oneQuery, lookedAfter: true), await WalkAsync(idsFirst, lookedAfter: true));
            return true;
        });
    }

    /// <summary>
    /// The panel's list is read part by part (children held by risk from their positions, the rest from listings and
    /// referrals), each stopped at the page: walking every page, in every order, gives the whole list once, in the order
    /// the CSV of the whole list has.
    /// </summary>
    [Theory]
    [InlineData("MostSerious")]
    [InlineData("Name")]
    [InlineData("LongestListed")]
    public async Task The_panel_list_pages_through_every_child_once_in_order(string order)
    {
        using var client = await BeaconClient.SignedInAsync(Factory, "panel.chair@beacon.test");
        // How many the generated history leaves held by risk varies from run to run (which children leave the list
        // depends on their ids): the chair adds children until the list runs to more than a page, so every walk crosses
        // pages and mixes children the chair added with those their risk holds.
        var notListed = await Factory.WithScopeAsync(async sp =>
        {
            var actor = await BeaconFactory.ActorAsync(sp, "panel.chair@beacon.test");
            var lists = sp.GetRequiredService<Beacon.Web.Features.Panel.PanelLists>();
            var listed = await lists.List(actor).CountAsync();
            var wanted = Beacon.Web.Features.Panel.PanelLists.PageSize + 5 - listed;
            return wanted <= 0 ? [] : await sp.GetRequiredService<BeaconDbContext>().Children.Where(Beacon.Core.Access.ChildAccess.VisibleTo(actor))
                .Where(c => !lists.List(actor).Any(r => r.ChildId == c.Id)).OrderBy(c => c.Id).Select(c => c.Id).Take(wanted).ToListAsync();
        });
        foreach (var childId in notListed)
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/Panel/{childId}/Add", "main form", new() { ["Because"] = "Named in generated intelligence (fictional)" })).Status);
        var first = await client.GetAsync($"/Panel?Sort={order}");
        var shown = new List<string>();
        for (var page = 1; ; page++)
        {
            var html = page == 1 ? first : await client.GetAsync($"/Panel?Sort={order}&PageNumber={page}");
            var ids = html.Document.QuerySelectorAll("tbody tr[data-child]").Select(r => r.GetAttribute("data-child")!).ToList();
            shown.AddRange(ids);
            if (html.Document.QuerySelector(".govuk-pagination__next") is null) break;
            Assert.Equal(Beacon.Web.Features.Panel.PanelLists.PageSize, ids.Count);
        }
        Assert.True(shown.Count > Beacon.Web.Features.Panel.PanelLists.PageSize, $"{shown.Count} children on the volume's list");
        Assert.Equal(shown.Count, shown.Distinct().Count());

        var whole = await Factory.WithScopeAsync(async sp =>
        {
            var rows = sp.GetRequiredService<Beacon.Web.Features.Panel.PanelLists>().List(await BeaconFactory.ActorAsync(sp, "panel.chair@beacon.test"));
            var ordered = order switch
            {
                "Name" => rows.OrderBy(r => r.SortName),
                "LongestListed" => rows.OrderBy(r => r.ListedSinceUtc),
                _ => rows.OrderByDescending(r => r.Level).ThenBy(r => r.SortName),
            };
            return await ordered.ThenBy(r => r.ChildId).Select(r => r.ChildId.ToString()).ToListAsync();
        });
        Assert.Equal(whole.Select(id => id.ToUpperInvariant()), shown.Select(id => id.ToUpperInvariant()));
    }

    [Fact]
    public async Task Name_search_at_volume_finds_by_the_start_of_any_name_and_stays_capped()
    {
        var surname = await WithDbAsync(db => db.Children.GroupBy(c => c.LastName).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());
        using var client = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var page = await client.GetAsync($"/Children?Name={Uri.EscapeDataString(surname[..3].ToLowerInvariant())}");
        var rows = page.Document.QuerySelectorAll("table tbody tr");
        Assert.InRange(rows.Length, 1, Beacon.Web.Features.Children.IndexModel.MaxResults);
        Assert.Contains(rows, r => r.TextContent.Contains(surname));
    }
}

public sealed class SqliteVolumeTests(SqliteVolumeBeacon beacon) : VolumeTests(beacon), IClassFixture<SqliteVolumeBeacon>
{
    private BeaconFactory Factory => beacon.Require();

    /// <summary>
    /// A child's record reads that child's rows by key: no command scans a table or a range of a borough-wide index. Filtering a borough-wide list for one
    /// child (the panel's list, once) made every record page work out the whole list first, 95 ms a page at 100,000
    /// children; the query plans show it at any size, so it fails here rather than at volume.
    /// </summary>
    [Fact]
    public async Task A_childs_record_reads_only_that_childs_rows()
    {
        // A child on the panel's list by risk: every section has something to read.
        var childId = await Factory.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<BeaconDbContext>();
            return (from p in db.Set<ChildRiskPosition>()
                    where p.Level >= ExploitationRiskLevel.Significant && p.SignedOffAtUtc != null
                    join c in db.Children on p.ChildId equals c.Id
                    where !c.IsRestricted
                    select c.Id).FirstAsync();
        });
        using var client = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        foreach (var page in new[] { "", "/Chronology", "/Missing", "/RiskAssessments", "/Notes", "/Print" })
        {
            var scans = await ScansAsync(client, $"/Children/{childId}{page}", byKeyOnly: true);
            Assert.True(scans.Count == 0, $"/Children/{{id}}{page} scans tables:\n{string.Join("\n", scans)}");
        }
    }

    /// <summary>
    /// Lists that name only the children a person may see ask that of each row's child, not as "IN every child they may
    /// see", which the database works out in full for every page (the removals register took 250 ms for 130 rows).
    /// </summary>
    [Theory]
    [InlineData("social.worker@beacon.test", "/Panel/Register")]
    [InlineData("social.worker@beacon.test", "/Panel")]
    [InlineData("panel.chair@beacon.test", "/Panel")]
    public async Task A_list_never_works_out_every_child_a_person_may_see(string login, string url)
    {
        using var client = await BeaconClient.SignedInAsync(Factory, login);
        var scans = await ScansAsync(client, url);
        Assert.DoesNotContain(scans, s => s.Contains("(Children)"));
    }

    /// <summary>
    /// A child's place on the panel's list as their record and the removal page work it out (one child's facts and the
    /// domain's rule) is exactly their row on the whole list, worked out for every child at once in the database: for
    /// children on the list for each reason, and for children the history took off it or never put on it.
    /// </summary>
    [Fact]
    public async Task Each_childs_place_on_the_panel_list_is_their_row_on_the_whole_list()
    {
        await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BeaconDbContext>();
            var actor = await BeaconFactory.ActorAsync(sp, "panel.chair@beacon.test");
            var lists = sp.GetRequiredService<Beacon.Web.Features.Panel.PanelLists>();
            var onList = await lists.List(actor).OrderBy(r => r.ChildId).Take(400).ToListAsync();
            Assert.Contains(onList, r => r.Reason == Core.Panel.ListingReason.CurrentRisk);
            var removed = await db.Set<Core.Panel.PanelListing>().Where(l => l.Status == Core.Panel.ListingStatus.Removed).OrderBy(l => l.ChildId).Select(l => l.ChildId).Take(100).ToListAsync();
            var others = await db.Children.Where(Beacon.Core.Access.ChildAccess.VisibleTo(actor)).OrderByDescending(c => c.Id).Select(c => c.Id).Take(200).ToListAsync();
            var rows = onList.ToDictionary(r => r.ChildId);
            foreach (var row in await lists.List(actor, db.Children.Where(c => removed.Contains(c.Id) || others.Contains(c.Id)).Select(c => c.Id)).ToListAsync())
                rows.TryAdd(row.ChildId, row);
            var checkedOff = 0;
            foreach (var childId in onList.Select(r => r.ChildId).Concat(removed).Concat(others).Distinct())
            {
                var place = await lists.PlaceAsync(childId, default);
                if (rows.TryGetValue(childId, out var row))
                    Assert.Equal(new Core.Panel.PanelPlace(row.Reason, row.ListedSinceUtc, row.Status), place);
                else { Assert.Null(place); checkedOff++; }
            }
            Assert.True(checkedOff > 0, "no child off the list was checked");
            return 0;
        });
    }

    /// <summary>
    /// The panel's list by risk: an area's children it holds are counted from an index of them alone, and a page of them
    /// read in the list's order from the index for that order, stopped at the page. Asking the whole access rule of every
    /// held child in the borough and sorting the area's 8,500 took 9 ms to count and 11 ms a page at 100,000 children.
    /// </summary>
    [Theory]
    [InlineData("/Panel", "Level")]
    [InlineData("/Panel?Sort=Name", "Name")]
    [InlineData("/Panel?Sort=LongestListed", "Since")]
    public async Task The_panel_list_reads_an_areas_held_children_from_an_index_in_its_order(string url, string orderIndex)
    {
        using var client = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var lines = (await PlansAsync(client, url)).SelectMany(p => p.Plan).ToList();
        Assert.DoesNotContain(lines, l => l.StartsWith("SCAN ") && l.Contains("ChildRiskPositions"));
        var byArea = lines.Where(l => l.Contains("INDEX IX_ChildRiskPositions_Area_OnPanelList_") && l.Contains("(ResponsibleAreaId=?")).ToList();
        Assert.All(byArea, l => Assert.True(l.Contains("COVERING INDEX"), l));
        Assert.Contains(byArea, l => l.Contains($"IX_ChildRiskPositions_Area_OnPanelList_{orderIndex} "));
    }

    /// <summary>
    /// The panel's figures count each of the last meetings' actions by outcome from an index alone: without the source in
    /// it, each action was looked up for its source (7 ms for twelve meetings of a borough's history, rather than 1 ms).
    /// </summary>
    [Fact]
    public async Task The_panel_figures_count_each_meetings_actions_from_an_index_alone()
    {
        using var client = await BeaconClient.SignedInAsync(Factory, "board.member@beacon.test");
        var actions = (await PlansAsync(client, "/Panel/Counts")).Where(p => p.Sql.Contains("\"AgreedActions\"")).SelectMany(p => p.Plan)
            .Where(l => l.Contains("AgreedActions") || System.Text.RegularExpressions.Regex.IsMatch(l, @"^SEARCH a\d* ")).ToList();
        Assert.NotEmpty(actions);
        Assert.All(actions, l => Assert.Contains("USING COVERING INDEX IX_AgreedActions_PanelMeetingId_Source", l));
    }

    /// <summary>
    /// An area's breaches are read in the list's order from the clocks' indexes and stopped at the page; the counts by
    /// step come from the index alone. One OR over "the area's own children, or those placed in it" and "open, or done
    /// late" made SQLite read and sort every clock of the area (120 ms a page at 100,000 children).
    /// </summary>
    [Theory]
    // The counts, whether any child placed in the area has a breach (none here), the page; and with a filter, its count.
    [InlineData("/MyWork/Breaches", 3)]
    [InlineData("/MyWork/Breaches?Step=ReferralDecision&Standing=Overdue&MineOnly=true", 4)]
    public async Task An_areas_breaches_are_read_in_the_lists_order_without_sorting(string url, int clockQueries)
    {
        using var client = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        var plans = (await PlansAsync(client, url)).Where(p => p.Sql.Contains("\"StatutoryClocks\"")).ToList();
        Assert.Equal(clockQueries, plans.Count);
        foreach (var (sql, plan) in plans)
        {
            // Grouping a handful of steps is cheap; sorting the area's breaches is what must not happen.
            var built = plan.Where(l => l.StartsWith("CO-ROUTINE ")).Select(l => l.Split(' ')[1]).ToHashSet();
            // (An EXISTS is asked of one constant row: not a table.)
            Assert.DoesNotContain(plan, l => (l.StartsWith("SCAN ") && l != "SCAN CONSTANT ROW" && !built.Contains(l.Split(' ')[1])) || l.Contains("TEMP B-TREE FOR ORDER BY"));
            Assert.All(plan.Where(l => l.StartsWith("SEARCH ") && l.Contains("StatutoryClocks")), l => Assert.Contains("BreachAfter<?", l));
        }
    }

    /// <summary>
    /// The risk lists read what a person sees from the risk positions' own indexes: an area's figures come from an index
    /// alone (grouping by level with the by-level list's index looked up every child's row: 100 ms for 60,000
    /// children), and no command tests the access rule on every child's record.
    /// </summary>
    [Theory]
    [InlineData("social.worker@beacon.test", "/RiskAssessment", true)]
    [InlineData("social.worker@beacon.test", "/RiskAssessment?Sort=MostSerious", true)]
    [InlineData("social.worker@beacon.test", "/RiskAssessment/Panel", true)]
    // A police force sees the children it works with in its areas: those are found through its involvements, and their
    // rows read; it has no part read by area alone.
    [InlineData("police.officer@beacon.test", "/RiskAssessment", false)]
    public async Task The_risk_lists_read_an_areas_children_from_the_positions_indexes(string login, string url, bool seesAreas)
    {
        using var client = await BeaconClient.SignedInAsync(Factory, login);
        var plans = await PlansAsync(client, url);
        Assert.Contains(plans, p => p.Sql.Contains("\"ChildRiskPositions\""));
        foreach (var (sql, plan) in plans.Where(p => p.Sql.Contains("\"ChildRiskPositions\"")))
        {
            Assert.DoesNotContain(plan, l => l.StartsWith("SCAN ") && System.Text.RegularExpressions.Regex.IsMatch(sql, $@"""(ChildRiskPositions|Children)"" AS ""{l.Split(' ')[1]}"""));
            if (seesAreas && (sql.Contains("GROUP BY") || sql.Contains("COUNT(*)")))
                Assert.All(plan.Where(l => l.StartsWith("SEARCH ") && l.Contains("(ResponsibleAreaId=?")), l => Assert.Contains("COVERING INDEX", l));
        }
    }

    /// <summary>
    /// The last page of a long risk list skips the children before it in an index that holds every column the list
    /// filters on, so SQLite never reads those children's rows: ordering an area's children by name through an index
    /// without them read 30,000 rows for the last page (85 ms at a borough's volume), and wrapping the one part in a
    /// union copied and sorted them all. (Page 100,000 is clamped to the last page.)
    /// </summary>
    [Theory]
    [InlineData("/RiskAssessment?DuePage=100000")]
    [InlineData("/RiskAssessment?Sort=MostSerious&DuePage=100000")]
    [InlineData("/RiskAssessment?Sort=Name&DuePage=100000")]
    [InlineData("/RiskAssessment?LookedAfterPage=100000")]
    [InlineData("/RiskAssessment/Panel?PageNumber=100000")]
    public async Task A_deep_page_of_a_risk_list_skips_children_in_an_index_that_holds_its_filters(string url)
    {
        using var client = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var paged = (await PlansAsync(client, url)).Where(p => p.Sql.Contains("\"ChildRiskPositions\"") && p.Sql.Contains("OFFSET")).ToList();
        Assert.NotEmpty(paged);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(await WithoutStatisticsAsync());
        await connection.OpenAsync();
        foreach (var (sql, plan) in paged)
        {
            Assert.DoesNotContain(plan, l => l.Contains("TEMP B-TREE") || l.StartsWith("MATERIALIZE ") || l.StartsWith("CO-ROUTINE "));
            foreach (var line in plan.Where(l => l.StartsWith("SEARCH ") && l.Contains(" USING INDEX ")))
            {
                var alias = line.Split(' ')[1];
                var index = System.Text.RegularExpressions.Regex.Match(line, @"USING INDEX (\w+)").Groups[1].Value;
                var held = new HashSet<string>();
                await using (var info = connection.CreateCommand())
                {
                    info.CommandText = $"SELECT name FROM pragma_index_info('{index}')";
                    await using var reader = await info.ExecuteReaderAsync();
                    while (await reader.ReadAsync()) held.Add(reader.GetString(0));
                }
                await using (var filter = connection.CreateCommand())
                {
                    filter.CommandText = "SELECT sql FROM sqlite_master WHERE name = $name";
                    filter.Parameters.AddWithValue("$name", index);
                    var definition = (string?)await filter.ExecuteScalarAsync() ?? "";
                    var where = definition.IndexOf(" WHERE ", StringComparison.Ordinal);
                    if (where >= 0)
                        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(definition[where..], @"""(\w+)"""))
                            held.Add(m.Groups[1].Value);
                }
                var whereClause = sql[sql.IndexOf("WHERE", StringComparison.Ordinal)..sql.IndexOf("ORDER BY", StringComparison.Ordinal)];
                var filtered = System.Text.RegularExpressions.Regex.Matches(whereClause, $@"""{alias}""\.""(\w+)""").Select(m => m.Groups[1].Value).Distinct();
                Assert.All(filtered, column => Assert.True(held.Contains(column), $"{index} does not hold {column}, so each skipped child's row is read: {sql}"));
            }
        }
    }

    private static readonly SemaphoreSlim CopyLock = new(1, 1);
    private static string? _copy;

    /// <summary>
    /// A copy of the database without the planner's statistics, so SQLite plans as if every table were large (as at a
    /// borough's volume) rather than for the few hundred rows here, where reading a small table whole is rightly cheaper.
    /// </summary>
    private async Task<string> WithoutStatisticsAsync()
    {
        await CopyLock.WaitAsync();
        try
        {
            if (_copy is not null) return _copy;
            var file = Path.Combine(Path.GetTempPath(), $"beacon-plans-{Guid.NewGuid():N}.db");
            var source = await Factory.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<BeaconDbContext>().Database.GetConnectionString()!));
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(source))
            {
                await connection.OpenAsync();
                await using var copy = connection.CreateCommand();
                copy.CommandText = $"VACUUM INTO '{file}'";
                await copy.ExecuteNonQueryAsync();
            }
            var copied = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(copied))
            {
                await connection.OpenAsync();
                await using var forget = connection.CreateCommand();
                forget.CommandText = "DROP TABLE IF EXISTS sqlite_stat1; DROP TABLE IF EXISTS sqlite_stat4;";
                await forget.ExecuteNonQueryAsync();
            }
            return _copy = copied;
        }
        finally { CopyLock.Release(); }
    }

    /// <summary>Tables of a few rows whatever the borough's size, which SQLite rightly reads whole.</summary>
    private static readonly HashSet<string> ReferenceTables = ["Areas", "Organisations", "OrganisationAreas", "AspNetRoles"];

    /// <summary>Each table scan in the plans of the commands one request ran, with the SQL that did it.</summary>
    private async Task<List<string>> ScansAsync(BeaconClient client, string url, bool byKeyOnly = false)
    {
        var scans = new List<string>();
        foreach (var (sql, plan) in await PlansAsync(client, url))
        {
            // A subquery the plan builds first (CO-ROUTINE x, MATERIALIZE x) is then read whole: that is not a table scan.
            var built = plan.Where(l => l.StartsWith("CO-ROUTINE ") || l.StartsWith("MATERIALIZE ")).Select(l => l.Split(' ')[1]).ToHashSet();
            // Reading the newest row in key order (the audit chain's head: no WHERE, LIMIT 1) stops at the first row.
            if (!sql.Contains("WHERE") && sql.TrimEnd().EndsWith("LIMIT 1")) continue;
            // With byKeyOnly, a range over a borough-wide index (Level>?, ReceivedAtUtc>?) counts too: one child's page
            // reads rows found by equality on something of theirs.
            string TableOf(string line) => System.Text.RegularExpressions.Regex.Match(sql, $@"""(\w+)"" AS ""{line.Split(' ')[1]}""").Groups[1].Value;
            // A child's audit entries are mostly views (every look at the record): a page reading what was changed asks
            // the index for the actions it wants, not every view of the child since the record began.
            bool Unkeyed(string l) => l.StartsWith("SCAN ")
                || (byKeyOnly && l.StartsWith("SEARCH ") && (!l.Contains("=?") || (TableOf(l) == "AuditEntries" && !l.Contains("Action"))));
            foreach (var line in plan.Where(l => Unkeyed(l) && !built.Contains(l.Split(' ')[1])))
            {
                var table = TableOf(line);
                if (ReferenceTables.Contains(table)) continue;
                scans.Add($"{line} ({table}) in: {sql.ReplaceLineEndings(" ")[..Math.Min(400, sql.Length)]}");
            }
        }
        return scans;
    }

    /// <summary>The query plan of each SELECT one request ran, planned as at a borough's volume.</summary>
    private async Task<List<(string Sql, List<string> Plan)>> PlansAsync(BeaconClient client, string url)
    {
        using var counter = new CommandCounter(Factory.Database.ConnectionString);
        await counter.CountAsync(() => client.GetAsync(url));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(await WithoutStatisticsAsync());
        await connection.OpenAsync();
        var plans = new List<(string, List<string>)>();
        foreach (var command in counter.Seen.Where(c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)))
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
            foreach (var (name, value) in command.Parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
                while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
            plans.Add((command.Sql, plan));
        }
        return plans;
    }
}
public sealed class PostgresVolumeTests(PostgresVolumeBeacon beacon) : VolumeTests(beacon), IClassFixture<PostgresVolumeBeacon>;
