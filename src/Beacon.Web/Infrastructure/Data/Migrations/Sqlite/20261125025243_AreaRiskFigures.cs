using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AreaRiskFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_Area_Overdue_Level",
                table: "ChildRiskPositions");

            migrationBuilder.CreateTable(
                name: "AreaRiskFigures",
                columns: table => new
                {
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LevelRank = table.Column<int>(type: "INTEGER", nullable: false),
                    Children = table.Column<int>(type: "INTEGER", nullable: false),
                    WithoutAssessment = table.Column<int>(type: "INTEGER", nullable: false),
                    LookedAfter = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaRiskFigures", x => new { x.AreaId, x.LevelRank });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Area_Overdue_Level",
                table: "ChildRiskPositions",
                columns: new[] { "ResponsibleAreaId", "Level", "DueAtUtc", "SortName", "ChildId", "IsRestricted", "DueReason" },
                descending: new[] { false, true, false, false, false, false, false },
                filter: "\"DueReason\" <> 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AreaRiskFigures");

            migrationBuilder.DropIndex(
                name: "IX_ChildRiskPositions_Area_Overdue_Level",
                table: "ChildRiskPositions");

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskPositions_Area_Overdue_Level",
                table: "ChildRiskPositions",
                columns: new[] { "ResponsibleAreaId", "Level", "DueAtUtc", "SortName", "ChildId", "IsRestricted" },
                descending: new[] { false, true, false, false, false, false },
                filter: "\"DueReason\" <> 1");
        }
    }
}
