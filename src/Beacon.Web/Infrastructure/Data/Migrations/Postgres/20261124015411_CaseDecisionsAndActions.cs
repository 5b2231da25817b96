using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseDecisionsAndActions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Decisions",
                table: "StrategyDiscussions",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Outcome",
                table: "ReviewConferences",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AbuseCategory",
                table: "Cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CoreGroup",
                table: "Cases",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InitialConferenceOutcome",
                table: "Cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlanOutcomes",
                table: "Cases",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgreedActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AgreedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AgreedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DoneRecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreedActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreedActions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgreedActions_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActions_CaseId",
                table: "AgreedActions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActions_ChildId_CaseId",
                table: "AgreedActions",
                columns: new[] { "ChildId", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActions_OwnerUserId_DoneOn_DueOn",
                table: "AgreedActions",
                columns: new[] { "OwnerUserId", "DoneOn", "DueOn" });

            // Agreed actions are kept once agreed: done is recorded on them, never a deletion.
            AppendOnlyGuards.RefuseDeletes(migrationBuilder, postgres: true, "AgreedActions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreedActions");

            migrationBuilder.DropColumn(
                name: "Decisions",
                table: "StrategyDiscussions");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "ReviewConferences");

            migrationBuilder.DropColumn(
                name: "AbuseCategory",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CoreGroup",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "InitialConferenceOutcome",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PlanOutcomes",
                table: "Cases");
        }
    }
}
