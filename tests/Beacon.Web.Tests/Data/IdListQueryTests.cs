using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Data;

/// <summary>
/// Queries with a list of ids in them, through the app's own query compiler: the rows are the ones the list names, and
/// the SQL is written once and kept for a few ids (a parameter each); a page of them is still found exactly.
/// </summary>
public abstract class IdListQueryTests(BeaconFixture fixture) : DataTestBase(fixture)
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(25)]
    public async Task A_list_of_ids_finds_exactly_the_records_it_names_and_a_short_ones_SQL_is_written_once(int count)
    {
        for (var i = await InScopeAsync(db => db.Children.CountAsync(Ct)); i < 30; i++) await AddChildAsync(NewChild(Unique("Listed")));
        var all = await InScopeAsync(db => db.Children.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(Ct));
        using var commands = new Performance.CommandCounter(Factory.Database.ConnectionString);
        commands.Start();
        var seen = new List<Performance.CommandCounter.SeenCommand>();
        // Two requests naming different records, as two pages of a list would.
        foreach (var ids in new[] { all.Take(count).ToList(), all.Skip(count).Take(count).ToList() })
        {
            commands.Reset();
            await using var scope = Scope();
            var found = await Db(scope).Children.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(Ct);
            Assert.Equal(ids.Order(), found.Order());
            seen.Add(Assert.Single(commands.Seen));
        }
        if (count <= IdListParameters.MostIds) Assert.Same(seen[0].Sql, seen[1].Sql);
    }
}

public sealed class SqliteIdListQueryTests(SqliteBeacon fixture) : IdListQueryTests(fixture), IClassFixture<SqliteBeacon>;
public sealed class PostgresIdListQueryTests(PostgresBeacon fixture) : IdListQueryTests(fixture), IClassFixture<PostgresBeacon>;
