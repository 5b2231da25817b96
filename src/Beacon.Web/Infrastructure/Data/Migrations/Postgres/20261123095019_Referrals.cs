using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Referrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferrerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ReferrerAgency = table.Column<int>(type: "integer", nullable: false),
                    WhatWasSeen = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SeenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SharingBasis = table.Column<int>(type: "integer", nullable: false),
                    SharingJustification = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ProposedOutcome = table.Column<int>(type: "integer", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DecidedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ManagerReturnReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    JudgedLevel = table.Column<int>(type: "integer", nullable: true),
                    JudgementReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    JudgementByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    JudgementAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LoweringApprovedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    LoweringApprovedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LoweringApprovedFromLevel = table.Column<int>(type: "integer", nullable: true),
                    LoweringApprovedToLevel = table.Column<int>(type: "integer", nullable: true),
                    SignedOffByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SignedOffAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Score = table.Column<int>(type: "integer", nullable: true),
                    ComputedLevel = table.Column<int>(type: "integer", nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: true),
                    ScoreExplanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SupersedesId = table.Column<Guid>(type: "uuid", nullable: true),
                    SupersededById = table.Column<Guid>(type: "uuid", nullable: true),
                    SupersededAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAssessments_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OpenedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AllocatedWorkerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    AssessmentStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AssessmentCompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Section47StartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InitialConferenceOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PlanKind = table.Column<int>(type: "integer", nullable: true),
                    PlanStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosureReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ClosureRequestedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ClosureRequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PanelChairAgreedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    PanelChairAgreedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosureApprovedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cases_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskAssessmentIndicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SourceAgency = table.Column<int>(type: "integer", nullable: false),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    RiskAssessmentId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssessmentIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAssessmentIndicators_RiskAssessments_RiskAssessmentId",
                        column: x => x.RiskAssessmentId,
                        principalTable: "RiskAssessments",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "CaseStageChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<int>(type: "integer", nullable: false),
                    To = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStageChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseStageChanges_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewConferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewConferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewConferences_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StrategyDiscussions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyDiscussions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategyDiscussions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StrategyDiscussionAttendees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Agency = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    StrategyDiscussionId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyDiscussionAttendees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategyDiscussionAttendees_StrategyDiscussions_StrategyDis~",
                        column: x => x.StrategyDiscussionId,
                        principalTable: "StrategyDiscussions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AllocatedWorkerUserId_Stage",
                table: "Cases",
                columns: new[] { "AllocatedWorkerUserId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ChildId_Open",
                table: "Cases",
                column: "ChildId",
                unique: true,
                filter: "\"Stage\" <> 8");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ReferralId",
                table: "Cases",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStageChanges_CaseId",
                table: "CaseStageChanges",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ChildId",
                table: "Referrals",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReferrerUserId",
                table: "Referrals",
                column: "ReferrerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Status_ReceivedAtUtc",
                table: "Referrals",
                columns: new[] { "Status", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewConferences_CaseId",
                table: "ReviewConferences",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessmentIndicators_ChildId",
                table: "RiskAssessmentIndicators",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessmentIndicators_RiskAssessmentId",
                table: "RiskAssessmentIndicators",
                column: "RiskAssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_ChildId_OneDraft",
                table: "RiskAssessments",
                column: "ChildId",
                unique: true,
                filter: "\"Status\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_ChildId_Status",
                table: "RiskAssessments",
                columns: new[] { "ChildId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_Status_Level",
                table: "RiskAssessments",
                columns: new[] { "Status", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussionAttendees_StrategyDiscussionId",
                table: "StrategyDiscussionAttendees",
                column: "StrategyDiscussionId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_CaseId",
                table: "StrategyDiscussions",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseStageChanges");

            migrationBuilder.DropTable(
                name: "ReviewConferences");

            migrationBuilder.DropTable(
                name: "RiskAssessmentIndicators");

            migrationBuilder.DropTable(
                name: "StrategyDiscussionAttendees");

            migrationBuilder.DropTable(
                name: "RiskAssessments");

            migrationBuilder.DropTable(
                name: "StrategyDiscussions");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "Referrals");
        }
    }
}
