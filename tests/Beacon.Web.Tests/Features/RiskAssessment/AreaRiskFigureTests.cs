using Beacon.Core.RiskAssessment;
using Beacon.Web.Features.RiskAssessment;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Beacon.Web.Tests.Features.RiskAssessment;

/// <summary>
/// An area's figures kept as rows stay exactly what counting its children's risk positions gives: through every kind of
/// change, through saves at the same moment, and after being counted afresh; and the overview shows the same figures.
/// </summary>
public abstract class AreaRiskFigureTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();

    /// <summary>The stored figures and the figures counted from the positions, area by area and level by level.</summary>
    private Task<(List<string> Stored, List<string> Counted)> BothAsync() => Factory.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<BeaconDbContext>();
        var stored = (await db.Set<AreaRiskFigure>().AsNoTracking().Where(f => f.Children != 0 || f.WithoutAssessment != 0 || f.LookedAfter != 0).ToListAsync())
            .Select(f => $"{f.AreaId} {f.LevelRank}: {f.Children} children, {f.WithoutAssessment} without assessment, {f.LookedAfter} looked after").Order().ToList();
        var counted = (await db.Set<ChildRiskPosition>().AsNoTracking().Where(p => !p.IsRestricted)
                .GroupBy(p => new { p.ResponsibleAreaId, p.Level })
                .Select(g => new { g.Key.ResponsibleAreaId, g.Key.Level, Children = g.Count(), Without = g.Count(p => p.DueReason == ReassessmentReason.NoAssessment), LookedAfter = g.Count(p => p.IsLookedAfter) })
                .ToListAsync())
            .Select(c => $"{c.ResponsibleAreaId} {AreaRiskFigure.RankOf(c.Level)}: {c.Children} children, {c.Without} without assessment, {c.LookedAfter} looked after").Order().ToList();
        return (stored, counted);
    });

    private async Task AssertExactAsync(string after)
    {
        var (stored, counted) = await BothAsync();
        Assert.True(counted.Count > 0, "no children to count");
        Assert.True(stored.SequenceEqual(counted), $"After {after}: stored [{string.Join("; ", stored)}], counted [{string.Join("; ", counted)}]");
    }

    [Fact]
    public async Task The_figures_follow_every_change_that_moves_a_child_between_them()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var childId = await RiskAssessmentSteps.CreateChildAsync(worker, "Wilhelmina", "Figurecount");
        await AssertExactAsync("a new child (never assessed)");
        await RiskAssessmentSteps.SignedOffAsync(worker, childId, "police-sexual-offence");
        await AssertExactAsync("a sign-off at serious risk");
        var edited = await worker.SubmitAsync($"/Children/{childId}/Edit", "main form", new()
        {
            ["Input.IsLookedAfter"] = "true", ["Input.Placement"] = "Foster care", ["Input.PlacedOutOfArea"] = "false", ["Input.HostAreaId"] = "",
        });
        Assert.True(edited.Status == System.Net.HttpStatusCode.Redirect, string.Join("; ", edited.Errors));
        await AssertExactAsync("the child becoming looked after");
        await RiskAssessmentSteps.SignedOffAsync(worker, childId);
        await AssertExactAsync("a lower sign-off");
        using var manager = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await manager.SubmitAsync($"/Children/{childId}/Access", "#restriction-form", [])).Status);
        await AssertExactAsync("a restriction (restricted records are counted through grants, not the area)");
    }

    [Fact]
    public async Task Saves_at_the_same_moment_never_adjust_a_figure_from_the_same_old_value()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var children = new List<Guid>();
        for (var n = 0; n < 6; n++) children.Add(await RiskAssessmentSteps.CreateChildAsync(worker, "Concurrent", $"Figures{n}"));
        // Six sign-offs and six new children at once: each moves the same area's figures.
        var assessments = await Task.WhenAll(children.Select(id => RiskAssessmentSteps.StartAsync(worker, id)));
        foreach (var assessment in assessments)
            Assert.Empty((await RiskAssessmentSteps.TickAsync(worker, assessment, ("police-sexual-offence", "Police", "Seen and recorded"))).Errors);
        await Task.WhenAll(assessments.Select(a => (Task)RiskAssessmentSteps.SignOffAsync(worker, a))
            .Concat(Enumerable.Range(0, 6).Select(n => (Task)RiskAssessmentSteps.CreateChildAsync(worker, "Alongside", $"Figures{n}"))));
        await AssertExactAsync("twelve saves at once");
    }

    [Fact]
    public async Task A_save_from_a_position_read_before_another_save_counts_the_row_it_leaves()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var childId = await RiskAssessmentSteps.CreateChildAsync(worker, "Interleaved", "Figurecount");
        await Factory.WithScopeAsync(async first =>
        {
            // One save reads the position; another commits a change to a different column; the first then saves its own
            // change. Its update leaves the other save's column as committed, and the figures must count that row.
            var stale = await first.GetRequiredService<BeaconDbContext>().Set<ChildRiskPosition>().SingleAsync(p => p.ChildId == childId);
            await Factory.WithScopeAsync(async second =>
            {
                var db = second.GetRequiredService<BeaconDbContext>();
                (await db.Set<ChildRiskPosition>().SingleAsync(p => p.ChildId == childId)).IsLookedAfter = true;
                return await db.SaveChangesAsync();
            });
            stale.Level = ExploitationRiskLevel.Serious;
            stale.DueReason = ReassessmentReason.Scheduled;
            return await first.GetRequiredService<BeaconDbContext>().SaveChangesAsync();
        });
        await AssertExactAsync("two saves from one reading of a position");
        Assert.True(await Factory.WithScopeAsync(sp => sp.GetRequiredService<BeaconDbContext>().Set<ChildRiskPosition>()
            .AnyAsync(p => p.ChildId == childId && p.IsLookedAfter && p.Level == ExploitationRiskLevel.Serious)));
        // Put back as the records say, for the tests after this one.
        await Factory.WithScopeAsync(async sp => { await ReadModels.RebuildAllAsync(sp, default); return 0; });
        await AssertExactAsync("working the read models out again");
    }

    [Fact]
    public async Task Figures_that_drifted_are_counted_again_at_start()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        await RiskAssessmentSteps.CreateChildAsync(worker, "Drifted", "Figurecount");
        await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BeaconDbContext>();
            // As a save from outside this process's lock could leave them (SQLite, another process).
            await db.Set<AreaRiskFigure>().ExecuteUpdateAsync(f => f.SetProperty(x => x.Children, x => x.Children + 1));
            await ReadModels.RebuildMissingAsync(sp, NullLogger.Instance, default);
            return 0;
        });
        await AssertExactAsync("a start with drifted figures");
    }

    [Fact]
    public async Task Concerns_raised_at_once_about_one_child_leave_their_position_due_from_the_earliest()
    {
        // Each referral after a sign-off makes a reassessment due from when it arrived. Saved at once, each save's projector
        // must see the others already committed (it runs under the lock), or the last to commit would leave the child due
        // from its own, later, arrival.
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var childId = await RiskAssessmentSteps.CreateChildAsync(worker, "Simultaneous", "Figurecount");
        await RiskAssessmentSteps.SignedOffAsync(worker, childId, "police-sexual-offence");
        var sent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Features.Referrals.ReferralSteps.SendConcernAsync(worker, childId, Features.Referrals.ReferralSteps.Concern())));
        Assert.All(sent, page => Assert.Equal(System.Net.HttpStatusCode.Redirect, page.Status));
        await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BeaconDbContext>();
            var signedOff = await db.Set<ChildRiskPosition>().Where(p => p.ChildId == childId).Select(p => p.SignedOffAtUtc).SingleAsync();
            var earliest = await db.Referrals.Where(r => r.ChildId == childId && r.ReceivedAtUtc > signedOff).MinAsync(r => r.ReceivedAtUtc);
            var position = await db.Set<ChildRiskPosition>().AsNoTracking().SingleAsync(p => p.ChildId == childId);
            Assert.Equal(ReassessmentReason.TriggerEvent, position.DueReason);
            Assert.Equal(earliest, position.DueAtUtc);
            return 0;
        });
        await AssertExactAsync("eight concerns at once");
    }

    [Fact]
    public async Task A_database_without_the_figures_counts_them_from_the_positions()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        await RiskAssessmentSteps.CreateChildAsync(worker, "Recounted", "Figurecount");
        await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BeaconDbContext>();
            await db.Set<AreaRiskFigure>().ExecuteDeleteAsync();
            await ReadModels.RebuildMissingAsync(sp, NullLogger.Instance, default);
            return 0;
        });
        await AssertExactAsync("counting afresh");
    }

    [Fact]
    public async Task The_overview_shows_the_figures_counting_the_childrens_positions_gives()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var childId = await RiskAssessmentSteps.CreateChildAsync(worker, "Overviewed", "Figurecount", lookedAfter: true);
        await RiskAssessmentSteps.SignedOffAsync(worker, childId, "police-sexual-offence");
        await Factory.WithScopeAsync(async sp =>
        {
            var principal = await BeaconFactory.PrincipalAsync(sp, "social.worker@beacon.test");
            var overview = sp.GetRequiredService<RiskOverview>();
            var summary = await overview.SummaryAsync(principal, new RiskOverview.Filter(), default);
            var now = summary.AsOfUtc;
            var visible = overview.VisiblePositions(principal);
            Assert.Equal(await visible.CountAsync(), summary.Counts.Sum(c => c.Count));
            foreach (var (level, count) in summary.Counts)
                Assert.Equal(await visible.CountAsync(p => p.Level == level), count);
            Assert.Equal(await visible.CountAsync(p => p.DueReason == ReassessmentReason.NoAssessment || (p.DueAtUtc != null && p.DueAtUtc <= now)), summary.NeedingAssessment);
            foreach (var (level, count) in summary.OverdueByLevel)
                Assert.Equal(await visible.CountAsync(p => p.Level == level && p.DueReason != ReassessmentReason.NoAssessment && p.DueAtUtc != null && p.DueAtUtc <= now), count);
            var lookedAfterSerious = await visible.CountAsync(p => p.IsLookedAfter && p.Level == ExploitationRiskLevel.Serious);
            Assert.True(lookedAfterSerious > 0);
            Assert.Equal(lookedAfterSerious, summary.LookedAfterAtSeriousRisk);
            return 0;
        });
    }
}

public sealed class SqliteAreaRiskFigureTests(SqliteBeacon beacon) : AreaRiskFigureTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresAreaRiskFigureTests(PostgresBeacon beacon) : AreaRiskFigureTests(beacon), IClassFixture<PostgresBeacon>;
