using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Beacon.Web.Infrastructure.Data;

// Used only by `dotnet ef migrations add`, which needs a context per provider without starting the app.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBeaconDbContext>
{
    public SqliteBeaconDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBeaconDbContext>().UseSqlite(DatabaseRegistration.DefaultSqlite).Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBeaconDbContext>
{
    public PostgresBeaconDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBeaconDbContext>().UseNpgsql("Host=localhost;Database=beacon_design").Options);
}
