using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PanelMinutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PanelMinutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IssuedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Pdf = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelMinutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelMinutes_PanelMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "PanelMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PanelMinutesRecipients",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    PanelMinutesId = table.Column<Guid>(type: "uuid", nullable: false),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelMinutesRecipients", x => new { x.PanelMinutesId, x.UserId });
                    table.ForeignKey(
                        name: "FK_PanelMinutesRecipients_PanelMinutes_PanelMinutesId",
                        column: x => x.PanelMinutesId,
                        principalTable: "PanelMinutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PanelMinutes_MeetingId",
                table: "PanelMinutes",
                column: "MeetingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelMinutesRecipients_UserId_AcknowledgedAtUtc",
                table: "PanelMinutesRecipients",
                columns: new[] { "UserId", "AcknowledgedAtUtc" });

            // Issued minutes and who received and acknowledged them are permanent.
            AppendOnlyGuards.RefuseDeletes(migrationBuilder, postgres: true, "PanelMinutes", "PanelMinutesRecipients");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PanelMinutesRecipients");

            migrationBuilder.DropTable(
                name: "PanelMinutes");
        }
    }
}
