using Beacon.Core.Audit;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Data;

/// <summary>Times go in as UTC and come back as UTC, to the microsecond, so audit hashes recompute.</summary>
public abstract class UtcRoundTripTests(BeaconFixture fixture) : DataTestBase(fixture)
{
    // The night the clocks go forward in the UK, with a fraction PostgreSQL can keep (whole microseconds).
    private static readonly DateTime AwkwardUtc = new DateTime(2026, 3, 29, 0, 59, 59, DateTimeKind.Utc).AddTicks(1_234_560);

    [Fact]
    public async Task Child_CreatedAtUtc_comes_back_as_the_same_UTC_time()
    {
        var id = await AddChildAsync(NewChild(Unique("Utc"), nowUtc: AwkwardUtc));
        var stored = await InScopeAsync(db => db.Children.AsNoTracking().SingleAsync(c => c.Id == id, Ct));
        Assert.Equal(DateTimeKind.Utc, stored.CreatedAtUtc.Kind);
        Assert.Equal(AwkwardUtc, stored.CreatedAtUtc);

        var involvement = await InScopeAsync(db => db.Involvements.AsNoTracking().FirstAsync(a => a.ChildId == id, Ct));
        Assert.Equal(DateTimeKind.Utc, involvement.StartedAtUtc.Kind);
        Assert.Equal(AwkwardUtc, involvement.StartedAtUtc);

        // A query comparing against a UTC value finds it too (the stored form sorts and compares as UTC).
        Assert.True(await InScopeAsync(db => db.Children.AnyAsync(c => c.Id == id && c.CreatedAtUtc == AwkwardUtc && c.CreatedAtUtc < AwkwardUtc.AddTicks(10), Ct)));
    }

    [Fact]
    public async Task Audit_times_come_back_as_UTC_and_every_stored_hash_recomputes()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        await AddChildAsync(NewChild(Unique("Utcaudit")));
        var log = await AuditLogAsync();
        Assert.NotEmpty(log);
        Assert.All(log, e =>
        {
            Assert.Equal(DateTimeKind.Utc, e.OccurredAtUtc.Kind);
            Assert.Equal(0, e.OccurredAtUtc.Ticks % 10); // whole microseconds, as hashed
            Assert.True(e.HasValidHash(), $"Entry {e.Sequence} does not recompute to its stored hash");
        });
        var newest = log[^1].OccurredAtUtc;
        Assert.InRange(newest, before, DateTime.UtcNow.AddSeconds(1));
        Assert.True(AuditChain.Verify(log).IsIntact);
    }
}

public sealed class SqliteUtcRoundTripTests(SqliteBeacon fixture) : UtcRoundTripTests(fixture), IClassFixture<SqliteBeacon>;
public sealed class PostgresUtcRoundTripTests(PostgresBeacon fixture) : UtcRoundTripTests(fixture), IClassFixture<PostgresBeacon>;
