using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RiskPositionsKeyWorkerByArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_KeyWorkerUserId",
                table: "ChildRiskPositions");

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_KeyWorkerUserId_ResponsibleAreaId_Level",
                table: "ChildRiskPositions",
                columns: new[] { "KeyWorkerUserId", "ResponsibleAreaId", "Level" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_KeyWorkerUserId_ResponsibleAreaId_Level",
                table: "ChildRiskPositions");

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_KeyWorkerUserId",
                table: "ChildRiskPositions",
                column: "KeyWorkerUserId");
        }
    }
}
