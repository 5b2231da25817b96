using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<int>(type: "integer", nullable: false),
                    AddedBecause = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ListedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RemovalCategory = table.Column<int>(type: "integer", nullable: true),
                    RemovalRationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RemovalProposedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RemovalProposedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RemovalApprovedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RemovedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LevelAtRemoval = table.Column<int>(type: "integer", nullable: true)
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
            AppendOnlyGuards.RefuseDeletes(migrationBuilder, postgres: true, "PanelListings");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PanelListings");
        }
    }
}
