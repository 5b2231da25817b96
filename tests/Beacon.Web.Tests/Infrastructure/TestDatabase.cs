using Beacon.Web.Infrastructure.Data;
using Npgsql;

namespace Beacon.Web.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test fixture: a temporary SQLite file, or a new database on the
/// throwaway PostgreSQL cluster that test.sh starts (BEACON_TEST_POSTGRES).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "BEACON_TEST_POSTGRES";

    private TestDatabase(DatabaseProvider provider, string connectionString, Func<ValueTask> cleanUp)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _cleanUp = cleanUp;
    }

    private readonly Func<ValueTask> _cleanUp;
    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"beacon-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(provider, $"Data Source={file}", () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
                return ValueTask.CompletedTask;
            });
        }

        var server = PostgresServer();
        var name = $"beacon_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return new TestDatabase(provider, connection, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }

    /// <summary>
    /// The PostgreSQL server to use. Outside CI a missing server skips the PostgreSQL tests; in CI it is
    /// a failure, so the PostgreSQL path can never go untested by accident.
    /// </summary>
    public static string PostgresServer()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(server)) return server;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{PostgresVariable} is not set in CI: run the tests through ./test.sh.");
        Assert.Skip($"PostgreSQL tests need {PostgresVariable} (./test.sh starts a throwaway server and sets it).");
        return "";
    }

    public ValueTask DisposeAsync() => _cleanUp();
}
