using Beacon.Web.Features.MyWork;
using Beacon.Web.Features.Timescales;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Features.MyWork;

/// <summary>
/// An area's breaches come from two ranges: its own children's, and those of children of other areas placed in it. With
/// both holding breaches, the page puts the two together in the list's order: the same rows, in the same order, as the
/// whole list downloaded.
/// </summary>
public abstract class BreachPagingTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();

    [Fact]
    public async Task The_breaches_of_children_placed_in_the_area_join_its_own_in_the_lists_order()
    {
        var northgate = DemoWorld.Northgate;
        await Factory.WithScopeAsync(async sp =>
        {
            // Some of Northgate's breaches become those of Southvale children placed in Northgate (the clocks carry each
            // child's areas): the person's own range and the placed-here range then both hold breaches.
            var db = sp.GetRequiredService<BeaconDbContext>();
            var today = Core.Timescales.UkTime.ToUkDate(DateTime.UtcNow);
            var breaching = await db.Set<StatutoryClock>().Where(k => k.AreaId == northgate && k.BreachAfter < today).OrderBy(k => k.RecordId).ToListAsync();
            Assert.True(breaching.Count >= 2, $"the demo has {breaching.Count} breaches in Northgate");
            foreach (var clock in breaching.Where((_, n) => n % 2 == 0)) { clock.AreaId = DemoWorld.Southvale; clock.HostAreaId = northgate; }
            return await db.SaveChangesAsync();
        });
        await Factory.WithScopeAsync(async sp =>
        {
            var actor = await BeaconFactory.ActorAsync(sp, "social.worker@beacon.test");
            var workload = sp.GetRequiredService<Workload>();
            var total = (await workload.BreachCountsAsync(actor, default)).Sum(c => c.Overdue + c.Late);
            var whole = new List<Workload.Breach>();
            await foreach (var breach in workload.AllBreachesAsync(actor, null, default)) whole.Add(breach);
            Assert.Equal(total, whole.Count);
            var paged = new List<Workload.Breach>();
            for (var page = 1; paged.Count < total; page++)
            {
                var items = (await workload.BreachesAsync(actor, page, total, default)).Items;
                Assert.NotEmpty(items);
                paged.AddRange(items);
            }
            Assert.Equal(whole.Select(b => (b.Link, b.Timescale.DueOn, b.Responsible)), paged.Select(b => (b.Link, b.Timescale.DueOn, b.Responsible)));
            Assert.Contains(paged, b => b.Link.Length > 0);
            return 0;
        });
    }
}

public sealed class SqliteBreachPagingTests(SqliteBeacon beacon) : BreachPagingTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresBreachPagingTests(PostgresBeacon beacon) : BreachPagingTests(beacon), IClassFixture<PostgresBeacon>;
