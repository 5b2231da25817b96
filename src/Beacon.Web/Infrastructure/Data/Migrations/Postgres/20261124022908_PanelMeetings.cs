using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PanelMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PanelMeetingId",
                table: "AgreedActions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PanelMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ScheduledByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ScheduledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AttendanceTakenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PanelAgendaItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Discussion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Decisions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PanelMeetingId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelAgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelAgendaItems_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PanelAgendaItems_PanelMeetings_PanelMeetingId",
                        column: x => x.PanelMeetingId,
                        principalTable: "PanelMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PanelMeetingAttendees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Agency = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    PanelMeetingId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelMeetingAttendees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelMeetingAttendees_PanelMeetings_PanelMeetingId",
                        column: x => x.PanelMeetingId,
                        principalTable: "PanelMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PanelAgendaItems_ChildId_RecordedAtUtc",
                table: "PanelAgendaItems",
                columns: new[] { "ChildId", "RecordedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PanelAgendaItems_PanelMeetingId",
                table: "PanelAgendaItems",
                column: "PanelMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelMeetingAttendees_PanelMeetingId",
                table: "PanelMeetingAttendees",
                column: "PanelMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelMeetings_OrganisationId_StartsAtUtc",
                table: "PanelMeetings",
                columns: new[] { "OrganisationId", "StartsAtUtc" });

            // Meetings, their agendas and attendance are kept for good.
            AppendOnlyGuards.RefuseDeletes(migrationBuilder, postgres: true, "PanelMeetings", "PanelAgendaItems", "PanelMeetingAttendees");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PanelAgendaItems");

            migrationBuilder.DropTable(
                name: "PanelMeetingAttendees");

            migrationBuilder.DropTable(
                name: "PanelMeetings");

            migrationBuilder.DropColumn(
                name: "PanelMeetingId",
                table: "AgreedActions");
        }
    }
}
