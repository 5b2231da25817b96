using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutsideAreaInvolvements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OutsideAreaInvolvements",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutsideAreaInvolvements", x => new { x.OrganisationId, x.ChildId });
                });

            // Every current involvement outside the organisation's areas, as the projector works them out.
            migrationBuilder.Sql("""
                INSERT INTO "OutsideAreaInvolvements" ("OrganisationId", "ChildId")
                SELECT DISTINCT i."OrganisationId", i."ChildId"
                FROM "Involvements" AS i JOIN "Children" AS c ON c."Id" = i."ChildId"
                WHERE i."EndedAtUtc" IS NULL
                  AND NOT EXISTS (SELECT 1 FROM "OrganisationAreas" AS a
                                  WHERE a."OrganisationId" = i."OrganisationId" AND (a."AreaId" = c."ResponsibleAreaId" OR a."AreaId" = c."HostAreaId"));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_OutsideAreaInvolvements_ChildId",
                table: "OutsideAreaInvolvements",
                column: "ChildId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutsideAreaInvolvements");
        }
    }
}
