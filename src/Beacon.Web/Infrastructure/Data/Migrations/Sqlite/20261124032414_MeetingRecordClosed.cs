using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeetingRecordClosed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PanelAgendaItems_PanelMeetingId",
                table: "PanelAgendaItems");

            migrationBuilder.AddColumn<DateTime>(
                name: "MinutesIssuedAtUtc",
                table: "PanelMeetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "PanelMeetingId",
                table: "PanelAgendaItems",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelAgendaItems_PanelMeetingId_ChildId",
                table: "PanelAgendaItems",
                columns: new[] { "PanelMeetingId", "ChildId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PanelAgendaItems_PanelMeetingId_ChildId",
                table: "PanelAgendaItems");

            migrationBuilder.DropColumn(
                name: "MinutesIssuedAtUtc",
                table: "PanelMeetings");

            migrationBuilder.AlterColumn<Guid>(
                name: "PanelMeetingId",
                table: "PanelAgendaItems",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.CreateIndex(
                name: "IX_PanelAgendaItems_PanelMeetingId",
                table: "PanelAgendaItems",
                column: "PanelMeetingId");
        }
    }
}
