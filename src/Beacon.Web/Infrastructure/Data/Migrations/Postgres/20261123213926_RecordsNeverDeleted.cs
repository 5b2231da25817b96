using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RecordsNeverDeleted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Two reports of the same absence made at one moment (the race this index now prevents) become one:
            // the later report is closed at the moment it was made, marked as a duplicate, and kept.
            migrationBuilder.Sql("""
                UPDATE "MissingEpisodes" SET "ReturnedAtUtc" = "ReportedMissingAtUtc", "ReturnRecordedByUserId" = 'duplicate-report'
                WHERE "ReturnedAtUtc" IS NULL AND EXISTS (
                    SELECT 1 FROM "MissingEpisodes" AS earlier
                    WHERE earlier."ChildId" = "MissingEpisodes"."ChildId" AND earlier."ReturnedAtUtc" IS NULL
                      AND (earlier."ReportedMissingAtUtc" < "MissingEpisodes"."ReportedMissingAtUtc"
                           OR (earlier."ReportedMissingAtUtc" = "MissingEpisodes"."ReportedMissingAtUtc" AND earlier."Id" < "MissingEpisodes"."Id")));
                """);
            AppendOnlyGuards.RefuseDeletes(migrationBuilder, postgres: true);

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_ChildId_Open",
                table: "MissingEpisodes",
                column: "ChildId",
                unique: true,
                filter: "\"ReturnedAtUtc\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in AppendOnlyGuards.RecordTables)
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_no_delete" ON "{table}";""");

            migrationBuilder.DropIndex(
                name: "IX_MissingEpisodes_ChildId_Open",
                table: "MissingEpisodes");
        }
    }
}
