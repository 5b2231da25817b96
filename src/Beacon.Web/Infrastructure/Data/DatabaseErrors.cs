using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Infrastructure.Data;

/// <summary>What a refused save means, read the same way from SQLite and PostgreSQL.</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// A unique index refused the save: an "at most one open …" rule held against someone else's save made at the
    /// same moment (a double submit, two people at once).
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException error) => error.InnerException switch
    {
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
