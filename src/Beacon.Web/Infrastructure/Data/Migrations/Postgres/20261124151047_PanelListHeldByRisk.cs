using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PanelListHeldByRisk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "OnPanelListSinceUtc",
                table: "ChildRiskPositions",
                type: "timestamp with time zone",
                nullable: true);

            // Positions already stored: held by their current significant or serious assessment, as the list read them
            // until now (`readmodels rebuild` works the earlier history out exactly).
            migrationBuilder.Sql("UPDATE \"ChildRiskPositions\" SET \"OnPanelListSinceUtc\" = \"SignedOffAtUtc\" WHERE \"Level\" >= 2 AND \"SignedOffAtUtc\" IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_OnPanelListSinceUtc",
                table: "ChildRiskPositions",
                column: "OnPanelListSinceUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_OnPanelListSinceUtc",
                table: "ChildRiskPositions");

            migrationBuilder.DropColumn(
                name: "OnPanelListSinceUtc",
                table: "ChildRiskPositions");
        }
    }
}
