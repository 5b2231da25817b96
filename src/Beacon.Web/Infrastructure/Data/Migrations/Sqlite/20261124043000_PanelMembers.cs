using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PanelMembers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PanelMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    PanelOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AddedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    EndedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelMembers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PanelMembers_PanelOrganisationId_UserId",
                table: "PanelMembers",
                columns: new[] { "PanelOrganisationId", "UserId" },
                unique: true,
                filter: "\"EndedAtUtc\" IS NULL");

            // Memberships end on the record; they are never deleted.
            AppendOnlyGuards.RefuseDeletes(migrationBuilder, postgres: false, "PanelMembers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PanelMembers");
        }
    }
}
