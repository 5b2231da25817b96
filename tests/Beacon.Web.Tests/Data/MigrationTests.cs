using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Data;

/// <summary>The fixture's database starts empty: starting Beacon migrates it and seeds the demo data, once.</summary>
public abstract class MigrationTests(BeaconFixture fixture) : DataTestBase(fixture)
{
    [Fact]
    public async Task Every_migration_of_the_configured_provider_is_applied()
    {
        await using var scope = Scope();
        var db = Db(scope);
        Assert.IsType(Provider == DatabaseProvider.Postgres ? typeof(PostgresBeaconDbContext) : typeof(SqliteBeaconDbContext), db);
        Assert.Equal(Provider == DatabaseProvider.Postgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);

        var all = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        // The model the code uses is the one the migrations built: nothing left for `migrations add` to do.
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no migration covers");
    }

    [Fact]
    public async Task The_demo_data_is_seeded_on_the_empty_database()
    {
        await using var scope = Scope();
        var db = Db(scope);
        Assert.Equal(DemoData.Logins.Count, await db.Users.CountAsync(Ct));
        Assert.Equal(60, await db.Children.CountAsync(Ct));
        Assert.Equal(Beacon.Core.Access.BeaconRoles.All.Count, await db.Roles.CountAsync(Ct));
        // The seed went through the audited save path like any other change.
        Assert.True(await db.AuditEntries.CountAsync(Ct) >= 60);
    }

    [Fact]
    public async Task Starting_again_does_not_seed_again()
    {
        var before = await CountsAsync();
        for (var i = 0; i < 2; i++)
        {
            await using var scope = Scope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().InitialiseAsync(Ct);
        }
        Assert.Equal(before, await CountsAsync());
    }

    private Task<(int Users, int Children, int Roles, int Audit)> CountsAsync() => InScopeAsync(async db =>
        (await db.Users.CountAsync(Ct), await db.Children.CountAsync(Ct), await db.Roles.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct)));

    [Fact]
    public async Task The_append_only_triggers_exist()
    {
        var names = await InScopeAsync(db => Provider == DatabaseProvider.Postgres
            ? db.Database.SqlQueryRaw<string>("""SELECT tgname AS "Value" FROM pg_trigger WHERE NOT tgisinternal""").ToListAsync(Ct)
            : db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'trigger'").ToListAsync(Ct));
        var expected = Provider == DatabaseProvider.Postgres
            ? new[] { "audit_entries_append_only", "children_no_delete" }
            : ["AuditEntries_no_update", "AuditEntries_no_delete", "Children_no_delete"];
        Assert.All(expected, name => Assert.Contains(name, names));
    }
}

public sealed class SqliteMigrationTests(SqliteBeacon fixture) : MigrationTests(fixture), IClassFixture<SqliteBeacon>;
public sealed class PostgresMigrationTests(PostgresBeacon fixture) : MigrationTests(fixture), IClassFixture<PostgresBeacon>;
