using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Infrastructure.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Chooses the database from configuration: Beacon:Database:Provider (Sqlite or Postgres) and
/// ConnectionStrings:Beacon. Both provider contexts are registered and the choice is read when a context
/// is first needed, so configuration added by a host (tests, environment) is always honoured.
/// </summary>
public static class DatabaseRegistration
{
    public const string DefaultSqlite = "Data Source=beacon.db";

    public static void AddBeaconDatabase(this IServiceCollection services, string contentRoot)
    {
        services.AddScoped<Auditing.AuditingInterceptor>();
        services.AddDbContext<PostgresBeaconDbContext>((sp, options) => options
            .UseNpgsql(RequiredConnectionString(sp.GetRequiredService<IConfiguration>()))
            .AddInterceptors(sp.GetRequiredService<Auditing.AuditingInterceptor>()));
        services.AddDbContext<SqliteBeaconDbContext>((sp, options) => options
            .UseSqlite(SqliteConnectionString(sp.GetRequiredService<IConfiguration>(), contentRoot))
            .AddInterceptors(sp.GetRequiredService<Auditing.AuditingInterceptor>()));
        services.AddScoped<BeaconDbContext>(sp => ProviderOf(sp.GetRequiredService<IConfiguration>()) == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresBeaconDbContext>()
            : sp.GetRequiredService<SqliteBeaconDbContext>());
    }

    public static DatabaseProvider ProviderOf(IConfiguration configuration) =>
        configuration.GetValue("Beacon:Database:Provider", DatabaseProvider.Sqlite);

    private static string RequiredConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Beacon");
        if (string.IsNullOrWhiteSpace(connectionString) || connectionString == DefaultSqlite)
            throw new InvalidOperationException("Beacon:Database:Provider is Postgres: set ConnectionStrings:Beacon to a PostgreSQL connection string.");
        return connectionString;
    }

    private static string SqliteConnectionString(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Beacon");
        var sqlite = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultSqlite : configured);
        // A relative file sits beside the app, not wherever the shell happened to be.
        if (sqlite.DataSource != ":memory:" && !Path.IsPathRooted(sqlite.DataSource))
            sqlite.DataSource = Path.Combine(contentRoot, sqlite.DataSource);
        return sqlite.ToString();
    }
}
