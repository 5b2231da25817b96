using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PanelList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PanelListings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    AddedBecause = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ListedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RemovalCategory = table.Column<int>(type: "INTEGER", nullable: true),
                    RemovalRationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RemovalProposedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RemovalProposedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RemovalApprovedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RemovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LevelAtRemoval = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelListings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelListings_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PanelListings_ChildId_Current",
                table: "PanelListings",
                column: "ChildId",
                unique: true,
                filter: "\"Status\" <> 3");

            migrationBuilder.CreateIndex(
                name: "IX_PanelListings_ChildId_RemovedAtUtc",
                table: "PanelListings",
                columns: new[] { "ChildId", "RemovedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PanelListings_Status_RemovedAtUtc",
                table: "PanelListings",
                columns: new[] { "Status", "RemovedAtUtc" });

            // The list never shrinks silently: a listing, and its removal, stay for good.
            AppendOnlyGuards.RefuseDeletes(migrationBuilder, postgres: false, "PanelListings");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PanelListings");
        }
    }
}
