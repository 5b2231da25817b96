using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Beacon.Web.Infrastructure.Data;

/// <summary>
/// SQLite settings that hold per connection, set as each one opens. The database runs in WAL mode (EF Core makes it
/// so); with synchronous=NORMAL a commit is not flushed to disk on its own, only at checkpoints, which is still safe
/// from corruption and survives the app crashing, but the last moments' commits can be lost if the machine loses
/// power. Without it every save (every audited view) waits for the disk, one at a time.
/// Reads go through a memory map of the file: every connection then shares the operating system's cache of the file
/// instead of copying pages into a 2 MB cache of its own, which a list over an area's tens of thousands of children
/// overflowed on every request. The map covers up to 2 GB (SQLite's own limit in this build): with 256 MB, at 100,000
/// children (a 2.6 GB file) most pages were read by system call, and the front-door queue answered 270-300 a second
/// at 100 connections instead of 500-550, My work 80-86 instead of 111-121. The mapped pages are the operating
/// system's file cache, counted in the process's resident memory though not its own (bench/load.sh shows both).
/// Microsoft.Data.Sqlite pools the underlying connections and EF opens one for every command, so the settings are made
/// once per underlying connection (they last as long as it does), not on every open: twice the commands otherwise.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 2147418112;";
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Set = new();

    private static bool AlreadySet(DbConnection connection) =>
        connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } && Set.TryGetValue(handle, out _);

    // Marked only once the settings are made: a cancelled or failed attempt leaves the connection to be set next time.
    private static void MarkSet(DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle }) Set.AddOrUpdate(handle, handle);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (AlreadySet(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        MarkSet(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (AlreadySet(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkSet(connection);
    }
}
