using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RiskPositionsCarryAccessFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "HostAreaId",
                table: "ChildRiskPositions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsLookedAfter",
                table: "ChildRiskPositions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsRestricted",
                table: "ChildRiskPositions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "KeyWorkerUserId",
                table: "ChildRiskPositions",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ResponsibleAreaId",
                table: "ChildRiskPositions",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "SortName",
                table: "ChildRiskPositions",
                type: "TEXT",
                maxLength: 201,
                nullable: false,
                defaultValue: "");

            // Every position takes its child's facts as they stand.
            migrationBuilder.Sql("""
                UPDATE "ChildRiskPositions" SET "ResponsibleAreaId" = c."ResponsibleAreaId", "HostAreaId" = c."HostAreaId",
                    "IsRestricted" = c."IsRestricted", "IsLookedAfter" = c."IsLookedAfter", "SortName" = c."SortName", "KeyWorkerUserId" = c."KeyWorkerUserId"
                FROM "Children" AS c WHERE c."Id" = "ChildRiskPositions"."ChildId";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Area_Figures",
                table: "ChildRiskPositions",
                columns: new[] { "ResponsibleAreaId", "IsRestricted", "Level", "DueReason", "DueAtUtc", "IsLookedAfter" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Area_Name",
                table: "ChildRiskPositions",
                columns: new[] { "ResponsibleAreaId", "IsRestricted", "SortName", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_HostAreaId",
                table: "ChildRiskPositions",
                column: "HostAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_KeyWorkerUserId",
                table: "ChildRiskPositions",
                column: "KeyWorkerUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_Area_Figures",
                table: "ChildRiskPositions");

            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_Area_Name",
                table: "ChildRiskPositions");

            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_HostAreaId",
                table: "ChildRiskPositions");

            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_KeyWorkerUserId",
                table: "ChildRiskPositions");

            migrationBuilder.DropColumn(
                name: "HostAreaId",
                table: "ChildRiskPositions");

            migrationBuilder.DropColumn(
                name: "IsLookedAfter",
                table: "ChildRiskPositions");

            migrationBuilder.DropColumn(
                name: "IsRestricted",
                table: "ChildRiskPositions");

            migrationBuilder.DropColumn(
                name: "KeyWorkerUserId",
                table: "ChildRiskPositions");

            migrationBuilder.DropColumn(
                name: "ResponsibleAreaId",
                table: "ChildRiskPositions");

            migrationBuilder.DropColumn(
                name: "SortName",
                table: "ChildRiskPositions");
        }
    }
}
