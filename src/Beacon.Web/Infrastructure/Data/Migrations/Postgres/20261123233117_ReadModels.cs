using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Postgres
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
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    Token = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildNameTokens", x => new { x.ChildId, x.Token });
                });

            migrationBuilder.CreateTable(
                name: "ChildRiskPositions",
                columns: table => new
                {
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    CurrentAssessmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: true),
                    SignedOffAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: true),
                    DueReason = table.Column<int>(type: "integer", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TriggerKind = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildRiskPositions", x => x.ChildId);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatutoryClocks",
                columns: table => new
                {
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    Slot = table.Column<int>(type: "integer", nullable: false),
                    Record = table.Column<int>(type: "integer", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    HostAreaId = table.Column<Guid>(type: "uuid", nullable: true),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    Unit = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MetOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Late = table.Column<bool>(type: "boolean", nullable: false),
                    ResponsibleUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
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
