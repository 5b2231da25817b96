using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StatutoryClockBreachAfter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StatutoryClocks_AreaId_Late",
                table: "StatutoryClocks");

            migrationBuilder.DropIndex(
                name: "IX_StatutoryClocks_HostAreaId",
                table: "StatutoryClocks");

            migrationBuilder.AddColumn<DateOnly>(
                name: "BreachAfter",
                table: "StatutoryClocks",
                type: "date",
                nullable: true);

            // Clocks already stored: open (never done) or done late.
            migrationBuilder.Sql("UPDATE \"StatutoryClocks\" SET \"BreachAfter\" = \"DueOn\" WHERE \"MetOn\" IS NULL OR \"Late\";");

            migrationBuilder.CreateIndex(
                name: "IX_StatutoryClocks_AreaId_BreachAfter_RecordId_Slot_Step_Late",
                table: "StatutoryClocks",
                columns: new[] { "AreaId", "BreachAfter", "RecordId", "Slot", "Step", "Late" });

            migrationBuilder.CreateIndex(
                name: "IX_StatutoryClocks_HostAreaId_BreachAfter_RecordId_Slot_Step_L~",
                table: "StatutoryClocks",
                columns: new[] { "HostAreaId", "BreachAfter", "RecordId", "Slot", "Step", "Late" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StatutoryClocks_AreaId_BreachAfter_RecordId_Slot_Step_Late",
                table: "StatutoryClocks");

            migrationBuilder.DropIndex(
                name: "IX_StatutoryClocks_HostAreaId_BreachAfter_RecordId_Slot_Step_L~",
                table: "StatutoryClocks");

            migrationBuilder.DropColumn(
                name: "BreachAfter",
                table: "StatutoryClocks");

            migrationBuilder.CreateIndex(
                name: "IX_StatutoryClocks_AreaId_Late",
                table: "StatutoryClocks",
                columns: new[] { "AreaId", "Late" });

            migrationBuilder.CreateIndex(
                name: "IX_StatutoryClocks_HostAreaId",
                table: "StatutoryClocks",
                column: "HostAreaId");
        }
    }
}
