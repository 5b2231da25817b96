using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConfidentialConcerns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConfidentialConcerns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PassphraseHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PassphraseSalt = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RaisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RaisedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    What = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    About = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedToUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ClosedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConfidentialConcerns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConcernMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromRaiser = table.Column<bool>(type: "INTEGER", nullable: false),
                    HandlerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcernId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConcernMessages_ConfidentialConcerns_ConcernId",
                        column: x => x.ConcernId,
                        principalTable: "ConfidentialConcerns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConcernNamedPeople",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ConcernId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernNamedPeople", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConcernNamedPeople_ConfidentialConcerns_ConcernId",
                        column: x => x.ConcernId,
                        principalTable: "ConfidentialConcerns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConcernMessages_ConcernId",
                table: "ConcernMessages",
                column: "ConcernId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernNamedPeople_ConcernId",
                table: "ConcernNamedPeople",
                column: "ConcernId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernNamedPeople_UserId",
                table: "ConcernNamedPeople",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ConfidentialConcerns_Reference",
                table: "ConfidentialConcerns",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConfidentialConcerns_Status_RaisedAtUtc",
                table: "ConfidentialConcerns",
                columns: new[] { "Status", "RaisedAtUtc" });

            // Concerns and the people they name are never deleted; a message, once sent, is never changed.
            AppendOnlyGuards.RefuseDeletes(migrationBuilder, postgres: false, "ConfidentialConcerns", "ConcernNamedPeople");
            AppendOnlyGuards.RefuseUpdatesAndDeletes(migrationBuilder, postgres: false, "ConcernMessages");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConcernMessages");

            migrationBuilder.DropTable(
                name: "ConcernNamedPeople");

            migrationBuilder.DropTable(
                name: "ConfidentialConcerns");
        }
    }
}
