using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MissingEpisodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MissingEpisodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportedMissingAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReportedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ReturnedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnRecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ReturnHomeInterviewDoneAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnHomeInterviewByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MissingEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MissingEpisodes_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_ChildId_ReportedMissingAtUtc",
                table: "MissingEpisodes",
                columns: new[] { "ChildId", "ReportedMissingAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_ReturnHomeInterviewDoneAtUtc_ReturnedAtUtc",
                table: "MissingEpisodes",
                columns: new[] { "ReturnHomeInterviewDoneAtUtc", "ReturnedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MissingEpisodes");
        }
    }
}
