using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    SourcesJson = table.Column<string>(type: "text", nullable: false),
                    LinkProbability = table.Column<double>(type: "double precision", nullable: false),
                    Threshold = table.Column<double>(type: "double precision", nullable: false),
                    BootstrapSamples = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<int>(type: "integer", nullable: false),
                    Records = table.Column<int>(type: "integer", nullable: false),
                    People = table.Column<int>(type: "integer", nullable: false),
                    ComparedPairs = table.Column<long>(type: "bigint", nullable: false),
                    BorderlineJson = table.Column<string>(type: "text", nullable: false),
                    EstimatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EstimatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecisionsApplied = table.Column<int>(type: "integer", nullable: false),
                    CaptureHistories = table.Column<string>(type: "text", nullable: true),
                    Observed = table.Column<long>(type: "bigint", nullable: true),
                    Estimate = table.Column<double>(type: "double precision", nullable: true),
                    Lower = table.Column<double>(type: "double precision", nullable: true),
                    Upper = table.Column<double>(type: "double precision", nullable: true),
                    ResultJson = table.Column<string>(type: "text", nullable: true),
                    Refusal = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    HeldBy = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CoversFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    CoversTo = table.Column<DateOnly>(type: "date", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Entries = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ImportedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LeftKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RightKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SamePerson = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecidedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ImportedListId = table.Column<Guid>(type: "uuid", nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: false),
                    AgencyRecordId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Surname = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Aliases = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    Sex = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    NhsNumber = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true)
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
            AppendOnlyGuards.RefuseDeletes(migrationBuilder, postgres: true, "EstimationRuns");
            AppendOnlyGuards.RefuseUpdatesAndDeletes(migrationBuilder, postgres: true, "ImportedLists", "ImportedListEntries", "LinkDecisions");
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
