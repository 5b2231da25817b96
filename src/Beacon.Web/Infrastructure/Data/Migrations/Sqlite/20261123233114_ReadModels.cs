using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReadModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_ChildId",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_ReferrerUserId",
                table: "Referrals");

            migrationBuilder.CreateTable(
                name: "ChildNameTokens",
                columns: table => new
                {
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildNameTokens", x => new { x.ChildId, x.Token });
                });

            migrationBuilder.CreateTable(
                name: "ChildRiskPositions",
                columns: table => new
                {
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CurrentAssessmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: true),
                    SignedOffAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DraftId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueReason = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TriggerKind = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildRiskPositions", x => x.ChildId);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatutoryClocks",
                columns: table => new
                {
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slot = table.Column<int>(type: "INTEGER", nullable: false),
                    Record = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HostAreaId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MetOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Late = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResponsibleUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatutoryClocks", x => new { x.RecordId, x.Slot });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ChildId_ReceivedAtUtc",
                table: "Referrals",
                columns: new[] { "ChildId", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReferrerUserId_ReceivedAtUtc",
                table: "Referrals",
                columns: new[] { "ReferrerUserId", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildNameTokens_Token_ChildId",
                table: "ChildNameTokens",
                columns: new[] { "Token", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_DueReason_DueAtUtc",
                table: "ChildRiskPositions",
                columns: new[] { "DueReason", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Level_ChildId",
                table: "ChildRiskPositions",
                columns: new[] { "Level", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_StatutoryClocks_AreaId_Late",
                table: "StatutoryClocks",
                columns: new[] { "AreaId", "Late" });

            migrationBuilder.CreateIndex(
                name: "IX_StatutoryClocks_AreaId_MetOn_DueOn",
                table: "StatutoryClocks",
                columns: new[] { "AreaId", "MetOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_StatutoryClocks_ChildId",
                table: "StatutoryClocks",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_StatutoryClocks_HostAreaId",
                table: "StatutoryClocks",
                column: "HostAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_StatutoryClocks_Record_MetOn_DueOn",
                table: "StatutoryClocks",
                columns: new[] { "Record", "MetOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_StatutoryClocks_RecordId_MetOn_DueOn",
                table: "StatutoryClocks",
                columns: new[] { "RecordId", "MetOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_StatutoryClocks_ResponsibleUserId_MetOn_DueOn",
                table: "StatutoryClocks",
                columns: new[] { "ResponsibleUserId", "MetOn", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChildNameTokens");

            migrationBuilder.DropTable(
                name: "ChildRiskPositions");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "StatutoryClocks");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_ChildId_ReceivedAtUtc",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_ReferrerUserId_ReceivedAtUtc",
                table: "Referrals");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ChildId",
                table: "Referrals",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReferrerUserId",
                table: "Referrals",
                column: "ReferrerUserId");
        }
    }
}
