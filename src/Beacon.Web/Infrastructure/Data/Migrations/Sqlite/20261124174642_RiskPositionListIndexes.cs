using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RiskPositionListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Involvements_OrganisationId_ChildId",
                table: "Involvements");

            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_Area_Name",
                table: "ChildRiskPositions");

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_OrganisationId_ChildId_EndedAtUtc",
                table: "Involvements",
                columns: new[] { "OrganisationId", "ChildId", "EndedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Area_Level",
                table: "ChildRiskPositions",
                columns: new[] { "ResponsibleAreaId", "Level", "SortName", "ChildId" },
                descending: new[] { false, true, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Area_Name",
                table: "ChildRiskPositions",
                columns: new[] { "ResponsibleAreaId", "SortName", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Area_Overdue",
                table: "ChildRiskPositions",
                columns: new[] { "ResponsibleAreaId", "DueAtUtc", "SortName", "ChildId" },
                filter: "\"DueReason\" <> 1");

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Child_Access",
                table: "ChildRiskPositions",
                columns: new[] { "ChildId", "IsRestricted", "ResponsibleAreaId", "HostAreaId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Involvements_OrganisationId_ChildId_EndedAtUtc",
                table: "Involvements");

            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_Area_Level",
                table: "ChildRiskPositions");

            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_Area_Name",
                table: "ChildRiskPositions");

            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_Area_Overdue",
                table: "ChildRiskPositions");

            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_Child_Access",
                table: "ChildRiskPositions");

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_OrganisationId_ChildId",
                table: "Involvements",
                columns: new[] { "OrganisationId", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Area_Name",
                table: "ChildRiskPositions",
                columns: new[] { "ResponsibleAreaId", "IsRestricted", "SortName", "ChildId" });
        }
    }
}
