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
        services.AddScoped<ReadModelInterceptor>();
        services.AddScoped<ReadModelCountsInterceptor>();
        // Worked out once from configuration: the options below are built for every request's context.
        services.AddSingleton(sp => new ConfiguredConnections(sp.GetRequiredService<IConfiguration>(), contentRoot));
        services.AddDbContext<PostgresBeaconDbContext>((sp, options) => Checked(options
            .UseNpgsql(sp.GetRequiredService<ConfiguredConnections>().Postgres.Value, npgsql => npgsql
                // A list in a query (a person's areas, a page's ids) as one parameter each, as on SQLite, not one array:
                // PostgreSQL reads "area = ANY(array)" as a set even for one area, so it could not read an area's children
                // in an index's order and sorted them all (the last page of an area's risk list: 100 ms, 5 ms after).
                .UseParameterizedCollectionMode(ParameterTranslationMode.MultipleParameters))
            .UseIdListParameters()
            .AddInterceptors(sp.GetRequiredService<ReadModelInterceptor>(), sp.GetRequiredService<Auditing.AuditingInterceptor>(), sp.GetRequiredService<ReadModelCountsInterceptor>()), sp));
        services.AddDbContext<SqliteBeaconDbContext>((sp, options) => Checked(options
            .UseSqlite(sp.GetRequiredService<ConfiguredConnections>().Sqlite.Value)
            .UseIdListParameters()
            .AddInterceptors(sp.GetRequiredService<ReadModelInterceptor>(), sp.GetRequiredService<Auditing.AuditingInterceptor>(), sp.GetRequiredService<ReadModelCountsInterceptor>(), new SqlitePragmas()), sp));
        services.AddScoped<BeaconDbContext>(sp => sp.GetRequiredService<ConfiguredConnections>().Provider == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresBeaconDbContext>()
            : sp.GetRequiredService<SqliteBeaconDbContext>());
    }

    /// <summary>
    /// With Beacon:Database:FailOnQueryWarnings (the tests set it), a query EF Core warns about fails instead: EF logs
    /// such a warning once per process, when the query is first compiled, so a log check can miss it; a failure cannot.
    /// </summary>
    private static DbContextOptionsBuilder Checked(DbContextOptionsBuilder options, IServiceProvider sp) =>
        sp.GetRequiredService<ConfiguredConnections>().FailOnQueryWarnings
            ? options.ConfigureWarnings(w => w.Throw(
                Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.FirstWithoutOrderByAndFilterWarning,
                Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning,
                Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.DistinctAfterOrderByWithoutRowLimitingOperatorWarning))
            : options;

    public static DatabaseProvider ProviderOf(IConfiguration configuration) =>
        configuration.GetValue("Beacon:Database:Provider", DatabaseProvider.Sqlite);

    private static string RequiredConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Beacon");
        if (string.IsNullOrWhiteSpace(connectionString) || connectionString == DefaultSqlite)
            throw new InvalidOperationException("Beacon:Database:Provider is Postgres: set ConnectionStrings:Beacon to a PostgreSQL connection string.");
        return connectionString;
    }

    /// <summary>
    /// The configured connection string, with a pool sized for one web instance unless it names its own: Npgsql's
    /// default of 100 per instance is PostgreSQL's whole default max_connections, so a second instance (or a
    /// maintenance session) would be refused "too many clients". Two cores are kept busy by far fewer connections;
    /// a request waiting for one waits at most the connection timeout, then fails cleanly.
    /// </summary>
    internal static string PostgresConnectionString(IConfiguration configuration)
    {
        var configured = RequiredConnectionString(configuration);
        // The generic builder keeps only the keys actually written (Npgsql's knows every keyword).
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        bool Names(params string[] keys) => keys.Any(written.ContainsKey);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (!Names("Maximum Pool Size", "Max Pool Size", "MaxPoolSize")) builder.MaxPoolSize = configuration.GetValue("Beacon:Database:MaxPoolSize", 30);
        if (!Names("Timeout")) builder.Timeout = 15;
        if (!Names("Command Timeout", "CommandTimeout")) builder.CommandTimeout = 30;
        // EF opens and closes the connection around every command, and Npgsql by default resets a connection's session
        // (RESET ALL, DISCARD …) once it has been back in the pool, sent ahead of the next query: more work on the server
        // for every query. Requests set no session state (the audit chain's lock has a pool of its own, which keeps the reset).
        if (!Names("No Reset On Close", "NoResetOnClose")) builder.NoResetOnClose = true;
        // A statement a connection has run twice is kept prepared there: PostgreSQL no longer parses it, and after five
        // runs it may keep one plan for every value (PREPARE's generic plan) rather than plan each run. The child's
        // record runs about twenty small queries whose planning cost more than their reading (100,000 children:
        // 150-170 to 280-350 records a second, one record 19 to 10 ms, with the reset above). A migration that changes a
        // column's type makes each connection's prepared copy fail once: restart the instances after one (README).
        if (!Names("Max Auto Prepare", "MaxAutoPrepare")) builder.MaxAutoPrepare = 100;
        if (!Names("Auto Prepare Min Usages", "AutoPrepareMinUsages")) builder.AutoPrepareMinUsages = 2;
        // PostgreSQL's JIT compiles any query it costs as large, which for Beacon's list and count queries takes
        // longer (a quarter of a second) than running them; it helps long analytic queries Beacon does not run.
        if (!(builder.Options ?? "").Contains("jit", StringComparison.OrdinalIgnoreCase))
            builder.Options = string.Join(' ', new[] { builder.Options, "-c jit=off" }.Where(o => !string.IsNullOrWhiteSpace(o)));
        // PostgreSQL's default costs a random read as four sequential ones (spinning disks). Beacon's data sits in memory
        // or on SSD, where index look-ups are nearly as cheap: with the default, a need-to-know check over a worker's few
        // hundred children hashed all 36,000 of their organisation's involvements first (38 ms on My work, 10 ms after).
        if (!(builder.Options ?? "").Contains("random_page_cost", StringComparison.OrdinalIgnoreCase))
            builder.Options = $"{builder.Options} -c random_page_cost=1.1".Trim();
        return builder.ToString();
    }

    internal static string SqliteConnectionString(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Beacon");
        var sqlite = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultSqlite : configured);
        // A relative file sits beside the app, not wherever the shell happened to be.
        if (sqlite.DataSource != ":memory:" && !Path.IsPathRooted(sqlite.DataSource))
            sqlite.DataSource = Path.Combine(contentRoot, sqlite.DataSource);
        return sqlite.ToString();
    }
}

/// <summary>
/// The connection strings and checks configuration asks for, worked out on first use (so a host's own configuration
/// counts) and kept for the host's life: changing the database or its pool takes a restart, as a pool already open would.
/// </summary>
internal sealed class ConfiguredConnections(IConfiguration configuration, string contentRoot)
{
    public Lazy<string> Postgres { get; } = new(() => DatabaseRegistration.PostgresConnectionString(configuration));
    public Lazy<string> Sqlite { get; } = new(() => DatabaseRegistration.SqliteConnectionString(configuration, contentRoot));
    /// <summary>The audit chain lock's own pool on the same PostgreSQL database.</summary>
    public Lazy<string> PostgresChainLock { get; } = new(() => Auditing.AuditingInterceptor.ChainLockConnectionString(DatabaseRegistration.PostgresConnectionString(configuration)));
    public DatabaseProvider Provider { get; } = DatabaseRegistration.ProviderOf(configuration);
    public bool FailOnQueryWarnings { get; } = configuration.GetValue("Beacon:Database:FailOnQueryWarnings", false);
}
