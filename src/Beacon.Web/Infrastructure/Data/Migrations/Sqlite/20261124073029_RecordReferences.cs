using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecordReferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "Referrals",
                type: "TEXT",
                maxLength: 13,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "Cases",
                type: "TEXT",
                maxLength: 13,
                nullable: false,
                defaultValue: "");

            // Records made before references: the same reference the domain gives (RecordReference), from the id.
            migrationBuilder.Sql("UPDATE \"Referrals\" SET \"Reference\" = 'R-' || substr(upper(\"Id\"), 1, 5) || '-' || substr(upper(\"Id\"), 6, 3) || substr(upper(\"Id\"), 10, 2);");
            migrationBuilder.Sql("UPDATE \"Cases\" SET \"Reference\" = 'C-' || substr(upper(\"Id\"), 1, 5) || '-' || substr(upper(\"Id\"), 6, 3) || substr(upper(\"Id\"), 10, 2);");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Reference",
                table: "Referrals",
                column: "Reference");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Reference",
                table: "Cases",
                column: "Reference");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_Reference",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Reference",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "Cases");
        }
    }
}
