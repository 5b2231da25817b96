using Microsoft.EntityFrameworkCore.Migrations;

namespace Beacon.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Database triggers that refuse UPDATE and DELETE on the audit log and DELETE on children's records,
/// so even a direct SQL session cannot quietly rewrite history without first dropping a guard
/// (and the hash chain still exposes what it changed).
/// </summary>
internal static class AppendOnlyGuards
{
    public static void AddSqlite(MigrationBuilder migration)
    {
        migration.Sql("CREATE TRIGGER AuditEntries_no_update BEFORE UPDATE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;");
        migration.Sql("CREATE TRIGGER AuditEntries_no_delete BEFORE DELETE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;");
        migration.Sql("CREATE TRIGGER Children_no_delete BEFORE DELETE ON Children BEGIN SELECT RAISE(ABORT, 'Children''s records are never deleted'); END;");
    }

    /// <summary>
    /// SQLite rebuilds a table to add a foreign key, and dropping the old table drops its triggers: the migration
    /// after one that rebuilds Children calls this to put the guard back (EF runs rebuilds at a migration's end).
    /// </summary>
    public static void RestoreChildrenGuardSqlite(MigrationBuilder migration) =>
        migration.Sql("CREATE TRIGGER IF NOT EXISTS Children_no_delete BEFORE DELETE ON Children BEGIN SELECT RAISE(ABORT, 'Children''s records are never deleted'); END;");

    public static void AddPostgres(MigrationBuilder migration)
    {
        migration.Sql("""
            CREATE FUNCTION beacon_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '% on % is not allowed: Beacon records are append-only', TG_OP, TG_TABLE_NAME; END $$;
            """);
        migration.Sql("""CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION beacon_refuse_change();""");
        migration.Sql("""CREATE TRIGGER children_no_delete BEFORE DELETE ON "Children" FOR EACH ROW EXECUTE FUNCTION beacon_refuse_change();""");
    }

    /// <summary>
    /// Every table of records besides Children (guarded since the first migration) and the audit log. Identity's
    /// link tables (roles held, tokens) are left out: a role removed or a key reset is a deleted row there, and
    /// the audit log records the change.
    /// </summary>
    public static readonly IReadOnlyList<string> RecordTables =
    [
        "ChildAliases", "ChildAddresses", "Involvements", "ChildAccessGrants", "Referrals", "Cases", "StrategyDiscussions",
        "StrategyDiscussionAttendees", "ReviewConferences", "CaseStageChanges", "RiskAssessments", "RiskAssessmentIndicators",
        "MissingEpisodes", "Areas", "Organisations", "OrganisationAreas", "WorkNotifications", "OutboxEmails", "AspNetUsers",
    ];

    public static void RefuseDeletes(MigrationBuilder migration, bool postgres) => RefuseDeletes(migration, postgres, RecordTables.ToArray());

    /// <summary>Guards tables a later migration adds; each migration names its own, so what it does never changes.</summary>
    public static void RefuseDeletes(MigrationBuilder migration, bool postgres, params string[] tables)
    {
        foreach (var table in tables)
            migration.Sql(postgres
                ? $"""CREATE TRIGGER "{table}_no_delete" BEFORE DELETE ON "{table}" FOR EACH ROW EXECUTE FUNCTION beacon_refuse_change();"""
                : $"""CREATE TRIGGER IF NOT EXISTS "{table}_no_delete" BEFORE DELETE ON "{table}" BEGIN SELECT RAISE(ABORT, '{table} records are never deleted'); END;""");
    }

    /// <summary>
    /// Tables whose rows are written once and never changed or deleted (a note is corrected by another note, a file
    /// replaced by another file). Each migration that adds such a table names it here, so the list a migration uses
    /// never changes after it has run.
    /// </summary>
    public static void RefuseUpdatesAndDeletes(MigrationBuilder migration, bool postgres, params string[] tables)
    {
        foreach (var table in tables)
            migration.Sql(postgres
                ? $"""CREATE TRIGGER "{table}_append_only" BEFORE UPDATE OR DELETE ON "{table}" FOR EACH ROW EXECUTE FUNCTION beacon_refuse_change();"""
                : $"""
                   CREATE TRIGGER IF NOT EXISTS "{table}_no_delete" BEFORE DELETE ON "{table}" BEGIN SELECT RAISE(ABORT, '{table} records are never deleted'); END;
                   CREATE TRIGGER IF NOT EXISTS "{table}_no_update" BEFORE UPDATE ON "{table}" BEGIN SELECT RAISE(ABORT, '{table} records are never changed'); END;
                   """);
    }
}
