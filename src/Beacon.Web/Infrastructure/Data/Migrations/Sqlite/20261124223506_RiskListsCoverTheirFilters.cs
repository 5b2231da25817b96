using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RiskListsCoverTheirFilters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_ChildRiskPositions_Area_Overdue_Level",
                table: "ChildRiskPositions");

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Area_Level",
                table: "ChildRiskPositions",
                columns: new[] { "ResponsibleAreaId", "Level", "SortName", "ChildId", "IsRestricted", "IsLookedAfter" },
                descending: new[] { false, true, false, false, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Area_Name",
                table: "ChildRiskPositions",
                columns: new[] { "ResponsibleAreaId", "SortName", "ChildId", "IsRestricted", "DueReason", "DueAtUtc", "IsLookedAfter", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Area_Overdue",
                table: "ChildRiskPositions",
                columns: new[] { "ResponsibleAreaId", "DueAtUtc", "SortName", "ChildId", "IsRestricted" },
                filter: "\"DueReason\" <> 1");

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Area_Overdue_Level",
                table: "ChildRiskPositions",
                columns: new[] { "ResponsibleAreaId", "Level", "DueAtUtc", "SortName", "ChildId", "IsRestricted" },
                descending: new[] { false, true, false, false, false, false },
                filter: "\"DueReason\" <> 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_ChildRiskPositions_Area_Overdue_Level",
                table: "ChildRiskPositions");

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
                name: "IX_ChildRiskPositions_Area_Overdue_Level",
                table: "ChildRiskPositions",
                columns: new[] { "ResponsibleAreaId", "Level", "DueAtUtc", "SortName", "ChildId" },
                descending: new[] { false, true, false, false, false },
                filter: "\"DueReason\" <> 1");
        }
    }
}
