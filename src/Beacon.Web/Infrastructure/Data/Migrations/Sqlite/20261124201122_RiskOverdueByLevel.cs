using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RiskOverdueByLevel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Area_Overdue_Level",
                table: "ChildRiskPositions",
                columns: new[] { "ResponsibleAreaId", "Level", "DueAtUtc", "SortName", "ChildId" },
                descending: new[] { false, true, false, false, false },
                filter: "\"DueReason\" <> 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_Area_Overdue_Level",
                table: "ChildRiskPositions");
        }
    }
}
