using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RiskFiguresIndexInGroupOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_Area_Figures",
                table: "ChildRiskPositions");

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Area_Figures",
                table: "ChildRiskPositions",
                columns: new[] { "ResponsibleAreaId", "Level", "IsRestricted", "DueReason", "DueAtUtc", "IsLookedAfter" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_Area_Figures",
                table: "ChildRiskPositions");

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Area_Figures",
                table: "ChildRiskPositions",
                columns: new[] { "ResponsibleAreaId", "IsRestricted", "Level", "DueReason", "DueAtUtc", "IsLookedAfter" });
        }
    }
}
