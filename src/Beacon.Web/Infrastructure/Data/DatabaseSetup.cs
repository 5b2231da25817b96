using Beacon.Core.Access;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Infrastructure.Data;

/// <summary>Brings the database up to date on start: migrations, roles, and demo data on a new database only.</summary>
public sealed class DatabaseSetup(BeaconDbContext db, RoleManager<IdentityRole> roles, DemoData demoData, IConfiguration configuration, IServiceProvider services, ILogger<DatabaseSetup> logger)
{
    public async Task InitialiseAsync(CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        foreach (var role in BeaconRoles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        if (configuration.GetValue("Beacon:DemoData", false) && !await db.Users.AnyAsync(ct))
        {
            logger.LogInformation("New database: adding synthetic demo data");
            // All or nothing: an interrupted first start must not leave half the demo behind.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await demoData.SeedAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await ReadModels.RebuildMissingAsync(services, logger, ct);
        // PostgreSQL's autovacuum analyses tables as they change; SQLite only when asked.
        if (db is not PostgresBeaconDbContext) await RefreshStatisticsAsync(db, ct);
    }

    /// <summary>
    /// Up-to-date table statistics, so the query planner picks the index that fits (SQLite keeps none until asked;
    /// with a sampling limit it takes milliseconds even on a large file). PostgreSQL's autovacuum keeps its own,
    /// but a bulk load (the `generate` verb) should not wait for it.
    /// </summary>
    public static Task RefreshStatisticsAsync(BeaconDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(db is PostgresBeaconDbContext ? "ANALYZE" : "PRAGMA analysis_limit = 1000; ANALYZE;", ct);
}
