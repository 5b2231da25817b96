using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PanelListAndFiguresIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_OnPanelList",
                table: "ChildRiskPositions");

            migrationBuilder.DropIndex(
                name: "IX_AgreedActions_PanelMeetingId_DoneOn_DueOn",
                table: "AgreedActions");

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Area_OnPanelList_Level",
                table: "ChildRiskPositions",
                columns: new[] { "ResponsibleAreaId", "Level", "SortName", "ChildId", "IsRestricted", "HostAreaId", "OnPanelListSinceUtc" },
                descending: new[] { false, true, false, false, false, false, false },
                filter: "\"OnPanelListSinceUtc\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Area_OnPanelList_Name",
                table: "ChildRiskPositions",
                columns: new[] { "ResponsibleAreaId", "SortName", "ChildId", "IsRestricted", "OnPanelListSinceUtc", "Level" },
                filter: "\"OnPanelListSinceUtc\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Area_OnPanelList_Since",
                table: "ChildRiskPositions",
                columns: new[] { "ResponsibleAreaId", "OnPanelListSinceUtc", "ChildId", "IsRestricted", "SortName", "Level" },
                filter: "\"OnPanelListSinceUtc\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActions_PanelMeetingId_Source_DoneOn_DueOn",
                table: "AgreedActions",
                columns: new[] { "PanelMeetingId", "Source", "DoneOn", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_Area_OnPanelList_Level",
                table: "ChildRiskPositions");

            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_Area_OnPanelList_Name",
                table: "ChildRiskPositions");

            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_Area_OnPanelList_Since",
                table: "ChildRiskPositions");

            migrationBuilder.DropIndex(
                name: "IX_AgreedActions_PanelMeetingId_Source_DoneOn_DueOn",
                table: "AgreedActions");

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_OnPanelList",
                table: "ChildRiskPositions",
                columns: new[] { "OnPanelListSinceUtc", "IsRestricted", "ResponsibleAreaId", "HostAreaId", "Level", "SortName", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActions_PanelMeetingId_DoneOn_DueOn",
                table: "AgreedActions",
                columns: new[] { "PanelMeetingId", "DoneOn", "DueOn" });
        }
    }
}
