using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OverdueAssessmentsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Assessed_DueAtUtc",
                table: "ChildRiskPositions",
                column: "DueAtUtc",
                filter: "\"DueReason\" <> 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_Assessed_DueAtUtc",
                table: "ChildRiskPositions");
        }
    }
}
