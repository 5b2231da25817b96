using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DecisionsInTheOpen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "RiskAssessments",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawalRequestedAtUtc",
                table: "RiskAssessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalRequestedByUserId",
                table: "RiskAssessments",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAtUtc",
                table: "RiskAssessments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnByUserId",
                table: "RiskAssessments",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "CaseStageChanges",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "RiskAssessments");

            migrationBuilder.DropColumn(
                name: "WithdrawalRequestedAtUtc",
                table: "RiskAssessments");

            migrationBuilder.DropColumn(
                name: "WithdrawalRequestedByUserId",
                table: "RiskAssessments");

            migrationBuilder.DropColumn(
                name: "WithdrawnAtUtc",
                table: "RiskAssessments");

            migrationBuilder.DropColumn(
                name: "WithdrawnByUserId",
                table: "RiskAssessments");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "CaseStageChanges");
        }
    }
}
