using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Postgres
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
                type: "character varying(13)",
                maxLength: 13,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "Cases",
                type: "character varying(13)",
                maxLength: 13,
                nullable: false,
                defaultValue: "");

            // Records made before references: the same reference the domain gives (RecordReference), from the id.
            migrationBuilder.Sql("UPDATE \"Referrals\" SET \"Reference\" = 'R-' || substr(upper(replace(\"Id\"::text, '-', '')), 1, 5) || '-' || substr(upper(replace(\"Id\"::text, '-', '')), 6, 5);");
            migrationBuilder.Sql("UPDATE \"Cases\" SET \"Reference\" = 'C-' || substr(upper(replace(\"Id\"::text, '-', '')), 1, 5) || '-' || substr(upper(replace(\"Id\"::text, '-', '')), 6, 5);");

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
