using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportsAndRecommendations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    BoardOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Authors = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CommissionedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChallengeReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ChallengedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ChallengedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reports_Organisations_BoardOrganisationId",
                        column: x => x.BoardOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TargetOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AcceptedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AcceptedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AddedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recommendations_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportDocuments_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportRecipients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SentByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstOpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportRecipients_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportDocumentContents",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDocumentContents", x => x.DocumentId);
                    table.ForeignKey(
                        name: "FK_ReportDocumentContents_ReportDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "ReportDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_OwnerUserId_Status_TargetOn",
                table: "Recommendations",
                columns: new[] { "OwnerUserId", "Status", "TargetOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_ReportId_Number",
                table: "Recommendations",
                columns: new[] { "ReportId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_Status_TargetOn",
                table: "Recommendations",
                columns: new[] { "Status", "TargetOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportDocuments_ReportId_VersionNumber",
                table: "ReportDocuments",
                columns: new[] { "ReportId", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportRecipients_AcknowledgedAtUtc_SentAtUtc",
                table: "ReportRecipients",
                columns: new[] { "AcknowledgedAtUtc", "SentAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportRecipients_ReportId_UserId",
                table: "ReportRecipients",
                columns: new[] { "ReportId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportRecipients_UserId_AcknowledgedAtUtc",
                table: "ReportRecipients",
                columns: new[] { "UserId", "AcknowledgedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_BoardOrganisationId_PublishedOn",
                table: "Reports",
                columns: new[] { "BoardOrganisationId", "PublishedOn" });

            // Reports, who received them and their recommendations are never deleted; a document version is never changed either.
            AppendOnlyGuards.RefuseDeletes(migrationBuilder, postgres: false, "Reports", "ReportRecipients", "Recommendations");
            AppendOnlyGuards.RefuseUpdatesAndDeletes(migrationBuilder, postgres: false, "ReportDocuments", "ReportDocumentContents");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Recommendations");

            migrationBuilder.DropTable(
                name: "ReportDocumentContents");

            migrationBuilder.DropTable(
                name: "ReportRecipients");

            migrationBuilder.DropTable(
                name: "ReportDocuments");

            migrationBuilder.DropTable(
                name: "Reports");
        }
    }
}
