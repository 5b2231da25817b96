using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PositionAccessSortName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_Child_Access",
                table: "ChildRiskPositions");

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Child_Access",
                table: "ChildRiskPositions",
                columns: new[] { "ChildId", "IsRestricted", "ResponsibleAreaId", "HostAreaId", "SortName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_Child_Access",
                table: "ChildRiskPositions");

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Child_Access",
                table: "ChildRiskPositions",
                columns: new[] { "ChildId", "IsRestricted", "ResponsibleAreaId", "HostAreaId" });
        }
    }
}
