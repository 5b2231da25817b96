using System.Data.Common;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Data;

/// <summary>Records are closed, withdrawn or redacted, never deleted: EF refuses, and so does the database.</summary>
public abstract class NoHardDeleteTests(BeaconFixture fixture) : DataTestBase(fixture)
{
    [Fact]
    public async Task Removing_a_child_through_EF_is_refused_and_nothing_changes()
    {
        var child = NewChild(Unique("Nodelete"));
        child.AddAlias("Nodel", DateTime.UtcNow);
        var id = await AddChildAsync(child);
        var before = await SnapshotAsync(id);

        await using (var scope = Scope())
        {
            var db = Db(scope);
            var loaded = await db.Children.Include(c => c.Aliases).Include(c => c.Involvements).Include(c => c.Addresses).SingleAsync(c => c.Id == id, Ct);
            db.Children.Remove(loaded);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
            Assert.Contains("never deleted", refused.Message);
        }

        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Fact]
    public async Task Removing_an_alias_through_EF_is_refused_and_nothing_changes()
    {
        var child = NewChild(Unique("Aliasnodelete"));
        var alias = child.AddAlias("Shortname", DateTime.UtcNow);
        var id = await AddChildAsync(child);
        var before = await SnapshotAsync(id);

        await using (var scope = Scope())
        {
            var db = Db(scope);
            db.ChildAliases.Remove(await db.ChildAliases.SingleAsync(a => a.Id == alias.Id, Ct));
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
            Assert.Contains("ChildAlias records are never deleted", refused.Message);
        }

        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Fact]
    public async Task A_wrong_alias_is_withdrawn_with_a_reason_and_stays_on_file()
    {
        var child = NewChild(Unique("Withdraw"));
        var alias = child.AddAlias("Wrongname", DateTime.UtcNow);
        var id = await AddChildAsync(child);

        await using (var scope = Scope())
        {
            var db = Db(scope);
            var loaded = await db.Children.Include(c => c.Aliases).SingleAsync(c => c.Id == id, Ct);
            loaded.WithdrawAlias(alias.Id, "Recorded against the wrong child", DateTime.UtcNow);
            await db.SaveChangesAsync(Ct);
        }

        var kept = await InScopeAsync(db => db.ChildAliases.AsNoTracking().SingleAsync(a => a.Id == alias.Id, Ct));
        Assert.NotNull(kept.WithdrawnAtUtc);
        Assert.Equal("Recorded against the wrong child", kept.WithdrawnReason);
    }

    [Fact]
    public async Task Raw_SQL_delete_of_children_is_refused_by_the_database()
    {
        var lastName = Unique("Sqldelete");
        var id = await AddChildAsync(NewChild(lastName));
        var before = await SnapshotAsync(id);
        var total = await InScopeAsync(db => db.Children.CountAsync(Ct));

        var one = await Assert.ThrowsAnyAsync<DbException>(() => RawSqlAsync($"""DELETE FROM "Children" WHERE "LastName" = '{lastName}'"""));
        AssertGuardMessage(one, "Children");
        // A whole-table delete fails as one statement: not even the first row goes.
        var all = await Assert.ThrowsAnyAsync<DbException>(() => RawSqlAsync("""DELETE FROM "Children" """));
        AssertGuardMessage(all, "Children");

        Assert.Equal(before, await SnapshotAsync(id));
        Assert.Equal(total, await InScopeAsync(db => db.Children.CountAsync(Ct)));
    }

    /// <summary>
    /// Tables whose rows may go: Identity's links (a role removed, a key reset), the data protection key ring (the
    /// library's own), and the read models, which are not records but worked out from them and replaced as they change.
    /// </summary>
    private static readonly string[] DeletableTables =
        ["AspNetRoles", "AspNetRoleClaims", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserRoles", "AspNetUserTokens",
         "DataProtectionKeys", "StatutoryClocks", "ChildRiskPositions", "ChildNameTokens", "WorkListCounts", "OutsideAreaInvolvements", "AreaRiskFigures"];

    [Fact]
    public async Task Every_table_of_records_has_a_delete_guard_in_the_database()
    {
        var (tables, triggers) = await InScopeAsync(async db =>
        {
            var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
            var triggers = Provider == DatabaseProvider.Postgres
                ? await db.Database.SqlQueryRaw<string>("""SELECT c.relname AS "Value" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal""").ToListAsync(Ct)
                : await db.Database.SqlQueryRaw<string>("SELECT tbl_name AS Value FROM sqlite_master WHERE type = 'trigger'").ToListAsync(Ct);
            return (tables, triggers);
        });
        // A new table is guarded unless it is named here as one whose rows may be deleted.
        Assert.All(tables.Except(DeletableTables), table => Assert.Contains(table, triggers));
        Assert.Subset(tables.ToHashSet(), Beacon.Web.Infrastructure.Data.Migrations.AppendOnlyGuards.RecordTables.ToHashSet());
    }

    [Theory]
    [InlineData("Referrals")]
    [InlineData("MissingEpisodes")]
    [InlineData("Involvements")]
    [InlineData("ChildAliases")]
    [InlineData("Organisations")]
    [InlineData("CaseStageChanges")]
    [InlineData("AspNetUsers")]
    public async Task Raw_SQL_delete_of_records_is_refused_by_the_database(string table)
    {
        var before = await InScopeAsync(db => db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync(Ct));
        Assert.True(before > 0, $"The demo data has no {table} to try deleting");
        var refused = await Assert.ThrowsAnyAsync<DbException>(() => RawSqlAsync($"""DELETE FROM "{table}" """));
        Assert.Contains(Provider == DatabaseProvider.Postgres ? $"on {table} is not allowed" : $"{table} records are never deleted", refused.Message);
        Assert.Equal(before, await InScopeAsync(db => db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync(Ct)));
    }

    [Fact]
    public async Task Raw_SQL_update_or_delete_of_audit_entries_is_refused_by_the_database()
    {
        await AddChildAsync(NewChild(Unique("Auditguard")));
        var log = await AuditLogAsync();
        var first = log[0];

        var update = await Assert.ThrowsAnyAsync<DbException>(() => RawSqlAsync("""UPDATE "AuditEntries" SET "Summary" = 'nothing to see' WHERE "Sequence" = 1"""));
        AssertGuardMessage(update, "AuditEntries");
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => RawSqlAsync($"""DELETE FROM "AuditEntries" WHERE "Sequence" = {log[^1].Sequence}"""));
        AssertGuardMessage(delete, "AuditEntries");

        var after = await AuditLogAsync();
        Assert.Equal(log.Count, after.Count);
        Assert.Equal(first.Summary, after[0].Summary);
        Assert.Equal(first.Hash, after[0].Hash);
    }

    [Fact]
    public async Task EF_refuses_to_change_or_delete_an_audit_entry()
    {
        await AddChildAsync(NewChild(Unique("Auditef")));
        await using var scope = Scope();
        var db = Db(scope);
        var entry = await db.AuditEntries.OrderBy(e => e.Sequence).FirstAsync(Ct);
        db.Entry(entry).Property(e => e.Summary).CurrentValue = "rewritten";
        var altered = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        Assert.Contains("append-only", altered.Message);

        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.OrderBy(e => e.Sequence).FirstAsync(Ct));
        var removed = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        Assert.Contains("never deleted", removed.Message);
    }

    private void AssertGuardMessage(DbException error, string table) =>
        Assert.Contains(Provider == DatabaseProvider.Postgres
            ? $"on {table} is not allowed"
            : table == "Children" ? "Children's records are never deleted" : "The audit log is append-only", error.Message);

    private Task<string> SnapshotAsync(Guid id) => InScopeAsync(async db =>
    {
        var c = await db.Children.AsNoTracking().Include(x => x.Aliases).Include(x => x.Involvements).Include(x => x.Addresses)
            .AsSplitQuery().SingleAsync(x => x.Id == id, Ct);
        return $"{c.Version}|{c.FullName}|{c.School}|aliases:{string.Join(",", c.Aliases.Select(a => a.Name + a.WithdrawnAtUtc).Order())}"
            + $"|agencies:{string.Join(",", c.Involvements.Select(a => a.Agency).Order())}|addresses:{c.Addresses.Count}"
            + $"|children:{await db.Children.CountAsync(Ct)}|aliases:{await db.ChildAliases.CountAsync(Ct)}";
    });
}

public sealed class SqliteNoHardDeleteTests(SqliteBeacon fixture) : NoHardDeleteTests(fixture), IClassFixture<SqliteBeacon>;
public sealed class PostgresNoHardDeleteTests(PostgresBeacon fixture) : NoHardDeleteTests(fixture), IClassFixture<PostgresBeacon>;
