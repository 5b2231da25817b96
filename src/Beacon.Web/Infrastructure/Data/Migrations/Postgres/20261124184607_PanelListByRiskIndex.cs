using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PanelListByRiskIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_OnPanelListSinceUtc",
                table: "ChildRiskPositions");

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_OnPanelList",
                table: "ChildRiskPositions",
                columns: new[] { "OnPanelListSinceUtc", "IsRestricted", "ResponsibleAreaId", "HostAreaId", "Level", "SortName", "ChildId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_OnPanelList",
                table: "ChildRiskPositions");

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_OnPanelListSinceUtc",
                table: "ChildRiskPositions",
                column: "OnPanelListSinceUtc");
        }
    }
}
