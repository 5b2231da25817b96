using Beacon.Core.Audit;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Data;

/// <summary>A save based on a stale version is refused; the newer value is kept and nothing is half-written.</summary>
public abstract class ConcurrencyTests(BeaconFixture fixture) : DataTestBase(fixture)
{
    [Fact]
    public async Task The_second_of_two_saves_from_the_same_version_is_refused_and_the_first_kept()
    {
        var id = await AddChildAsync(NewChild(Unique("Race")));
        var startVersion = await InScopeAsync(db => db.Children.Where(c => c.Id == id).Select(c => c.Version).SingleAsync(Ct));

        await using var first = Scope();
        await using var second = Scope();
        var firstDb = Db(first);
        var secondDb = Db(second);
        var firstCopy = await firstDb.Children.SingleAsync(c => c.Id == id, Ct);
        var secondCopy = await secondDb.Children.SingleAsync(c => c.Id == id, Ct);
        Assert.Equal(startVersion, secondCopy.Version);

        firstCopy.UpdateDetails(DetailsOf(firstCopy, "First Academy (fictional)"), Today);
        await firstDb.SaveChangesAsync(Ct);
        Assert.Equal(startVersion + 1, firstCopy.Version);
        var auditAfterFirst = (await AuditLogAsync()).Count;

        secondCopy.UpdateDetails(DetailsOf(secondCopy, "Second College (fictional)"), Today);
        var conflict = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync(Ct));
        Assert.Contains(conflict.Entries, e => e.Entity == secondCopy);

        var stored = await InScopeAsync(db => db.Children.AsNoTracking().SingleAsync(c => c.Id == id, Ct));
        Assert.Equal("First Academy (fictional)", stored.School);
        Assert.Equal(startVersion + 1, stored.Version);
        // The refused save wrote no audit entries either: they share its transaction.
        var log = await AuditLogAsync();
        Assert.Equal(auditAfterFirst, log.Count);
        Assert.True(AuditChain.Verify(log).IsIntact);

        // The conflict released the audit append lock: a save elsewhere goes through while the loser's scope is still open.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        await using (var third = Scope())
        {
            var db = Db(third);
            var copy = await db.Children.SingleAsync(c => c.Id == id, timeout.Token);
            copy.UpdateDetails(DetailsOf(copy, "Third School (fictional)"), Today);
            await db.SaveChangesAsync(timeout.Token);
        }

        // Reloading the newer version and reapplying the change is the way forward for the loser.
        var entry = conflict.Entries.Single();
        await entry.ReloadAsync(Ct);
        Assert.Equal("Third School (fictional)", secondCopy.School);
        Assert.Equal(startVersion + 2, secondCopy.Version);
        secondCopy.UpdateDetails(DetailsOf(secondCopy, "Second College (fictional)"), Today);
        await secondDb.SaveChangesAsync(Ct);
        Assert.Equal(startVersion + 3, (await InScopeAsync(db => db.Children.AsNoTracking().SingleAsync(c => c.Id == id, Ct))).Version);
    }

    [Fact]
    public async Task Version_moves_on_with_every_save_of_the_child()
    {
        var id = await AddChildAsync(NewChild(Unique("Versioned")));
        var versions = new List<int> { await InScopeAsync(db => db.Children.Where(c => c.Id == id).Select(c => c.Version).SingleAsync(Ct)) };
        foreach (var school in new[] { "A School (fictional)", "B School (fictional)", "C School (fictional)" })
        {
            await using var scope = Scope();
            var db = Db(scope);
            var child = await db.Children.SingleAsync(c => c.Id == id, Ct);
            child.UpdateDetails(DetailsOf(child, school), Today);
            await db.SaveChangesAsync(Ct);
            versions.Add(await InScopeAsync(d => d.Children.Where(c => c.Id == id).Select(c => c.Version).SingleAsync(Ct)));
        }
        Assert.Equal(Enumerable.Range(versions[0], 4), versions);
    }

    [Fact]
    public async Task A_save_carrying_an_old_version_number_is_refused()
    {
        // The web form posts back the version it showed; a detached save with that number must not win.
        var id = await AddChildAsync(NewChild(Unique("Stale")));
        await using (var scope = Scope())
        {
            var db = Db(scope);
            var child = await db.Children.SingleAsync(c => c.Id == id, Ct);
            child.UpdateDetails(DetailsOf(child, "Newer (fictional)"), Today);
            await db.SaveChangesAsync(Ct);
        }

        await using (var scope = Scope())
        {
            var db = Db(scope);
            var child = await db.Children.SingleAsync(c => c.Id == id, Ct);
            db.Entry(child).Property(c => c.Version).OriginalValue = child.Version - 1;
            child.UpdateDetails(DetailsOf(child, "Stale (fictional)"), Today);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Ct));
        }
        Assert.Equal("Newer (fictional)", await InScopeAsync(db => db.Children.Where(c => c.Id == id).Select(c => c.School).SingleAsync(Ct)));
    }
}

public sealed class SqliteConcurrencyTests(SqliteBeacon fixture) : ConcurrencyTests(fixture), IClassFixture<SqliteBeacon>;
public sealed class PostgresConcurrencyTests(PostgresBeacon fixture) : ConcurrencyTests(fixture), IClassFixture<PostgresBeacon>;
