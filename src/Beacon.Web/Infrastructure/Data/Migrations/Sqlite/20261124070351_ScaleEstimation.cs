using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScaleEstimation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EstimationRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SourcesJson = table.Column<string>(type: "TEXT", nullable: false),
                    LinkProbability = table.Column<double>(type: "REAL", nullable: false),
                    Threshold = table.Column<double>(type: "REAL", nullable: false),
                    BootstrapSamples = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    Records = table.Column<int>(type: "INTEGER", nullable: false),
                    People = table.Column<int>(type: "INTEGER", nullable: false),
                    ComparedPairs = table.Column<long>(type: "INTEGER", nullable: false),
                    BorderlineJson = table.Column<string>(type: "TEXT", nullable: false),
                    EstimatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EstimatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecisionsApplied = table.Column<int>(type: "INTEGER", nullable: false),
                    CaptureHistories = table.Column<string>(type: "TEXT", nullable: true),
                    Observed = table.Column<long>(type: "INTEGER", nullable: true),
                    Estimate = table.Column<double>(type: "REAL", nullable: true),
                    Lower = table.Column<double>(type: "REAL", nullable: true),
                    Upper = table.Column<double>(type: "REAL", nullable: true),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: true),
                    Refusal = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EstimationRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EstimationRuns_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImportedLists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    HeldBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CoversFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CoversTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Entries = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedLists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportedLists_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LinkDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeftKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RightKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SamePerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LinkDecisions_EstimationRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "EstimationRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImportedListEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportedListId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyRecordId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Surname = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Aliases = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    NhsNumber = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedListEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportedListEntries_ImportedLists_ImportedListId",
                        column: x => x.ImportedListId,
                        principalTable: "ImportedLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EstimationRuns_OrganisationId_StartedAtUtc",
                table: "EstimationRuns",
                columns: new[] { "OrganisationId", "StartedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_EstimationRuns_StartedAtUtc",
                table: "EstimationRuns",
                column: "StartedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ImportedListEntries_ImportedListId_AgencyRecordId",
                table: "ImportedListEntries",
                columns: new[] { "ImportedListId", "AgencyRecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportedLists_OrganisationId_ImportedAtUtc",
                table: "ImportedLists",
                columns: new[] { "OrganisationId", "ImportedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LinkDecisions_LeftKey_RightKey_DecidedAtUtc",
                table: "LinkDecisions",
                columns: new[] { "LeftKey", "RightKey", "DecidedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LinkDecisions_RunId",
                table: "LinkDecisions",
                column: "RunId");
            AppendOnlyGuards.RefuseDeletes(migrationBuilder, postgres: false, "EstimationRuns");
            AppendOnlyGuards.RefuseUpdatesAndDeletes(migrationBuilder, postgres: false, "ImportedLists", "ImportedListEntries", "LinkDecisions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportedListEntries");

            migrationBuilder.DropTable(
                name: "LinkDecisions");

            migrationBuilder.DropTable(
                name: "ImportedLists");

            migrationBuilder.DropTable(
                name: "EstimationRuns");
        }
    }
}
