using Beacon.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;

namespace Beacon.Web.Tests.Data;

/// <summary>
/// SQLite's per-connection settings are made when a connection is first opened and not again each time EF reopens it
/// from the pool (once per command), which doubled the commands every page ran.
/// </summary>
public sealed class SqlitePragmasTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"beacon-pragmas-{Guid.NewGuid():N}.db");
    private readonly SqlitePragmas _pragmas = new();

    private async Task<long> ReadAsync(SqliteConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task OpenAsync(SqliteConnection connection)
    {
        await connection.OpenAsync();
        await _pragmas.ConnectionOpenedAsync(connection, null!);
    }

    [Fact]
    public async Task A_new_connection_gets_the_settings_and_a_reopened_pooled_one_is_not_set_again()
    {
        var pooled = new SqliteConnectionStringBuilder { DataSource = _file, Pooling = true }.ToString();
        await using (var connection = new SqliteConnection(pooled))
        {
            await OpenAsync(connection);
            Assert.Equal(2147418112, await ReadAsync(connection, "mmap_size"));
            Assert.Equal(1, await ReadAsync(connection, "synchronous")); // NORMAL
            // Changed behind the interceptor's back: if opening again set the pragmas again, this would be undone.
            await ReadAsync(connection, "mmap_size = 4096");
        }
        await using (var again = new SqliteConnection(pooled))
        {
            await OpenAsync(again);
            Assert.Equal(4096, await ReadAsync(again, "mmap_size"));
        }
        // A connection the pool has not seen is set up.
        await using var fresh = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _file, Pooling = false }.ToString());
        await OpenAsync(fresh);
        Assert.Equal(2147418112, await ReadAsync(fresh, "mmap_size"));
    }

    [Fact]
    public async Task A_connection_whose_settings_were_cancelled_is_set_up_when_next_opened()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _file, Pooling = true }.ToString());
        await connection.OpenAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _pragmas.ConnectionOpenedAsync(connection, null!, new CancellationToken(canceled: true)));
        Assert.Equal(0, await ReadAsync(connection, "mmap_size"));
        await _pragmas.ConnectionOpenedAsync(connection, null!);
        Assert.Equal(2147418112, await ReadAsync(connection, "mmap_size"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(file);
    }
}
