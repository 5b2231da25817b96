using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PanelActionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AgreedActions_PanelMeetingId_DoneOn_DueOn",
                table: "AgreedActions",
                columns: new[] { "PanelMeetingId", "DoneOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActions_Source_DoneOn_DueOn",
                table: "AgreedActions",
                columns: new[] { "Source", "DoneOn", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AgreedActions_PanelMeetingId_DoneOn_DueOn",
                table: "AgreedActions");

            migrationBuilder.DropIndex(
                name: "IX_AgreedActions_Source_DoneOn_DueOn",
                table: "AgreedActions");
        }
    }
}
