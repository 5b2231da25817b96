using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Outcome",
                table: "ReviewConferences",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AbuseCategory",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CoreGroup",
                table: "Cases",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InitialConferenceOutcome",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlanOutcomes",
                table: "Cases",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgreedActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AgreedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AgreedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DoneRecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
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
            AppendOnlyGuards.RefuseDeletes(migrationBuilder, postgres: false, "AgreedActions");
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
