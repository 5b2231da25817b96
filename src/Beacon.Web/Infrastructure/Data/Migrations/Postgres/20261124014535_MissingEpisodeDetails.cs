using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MissingEpisodeDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InterviewFindings",
                table: "MissingEpisodes",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InterviewRaisedConcern",
                table: "MissingEpisodes",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PoliceReference",
                table: "MissingEpisodes",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PoliceRiskGrading",
                table: "MissingEpisodes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WhereFound",
                table: "MissingEpisodes",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WhoReported",
                table: "MissingEpisodes",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InterviewFindings",
                table: "MissingEpisodes");

            migrationBuilder.DropColumn(
                name: "InterviewRaisedConcern",
                table: "MissingEpisodes");

            migrationBuilder.DropColumn(
                name: "PoliceReference",
                table: "MissingEpisodes");

            migrationBuilder.DropColumn(
                name: "PoliceRiskGrading",
                table: "MissingEpisodes");

            migrationBuilder.DropColumn(
                name: "WhereFound",
                table: "MissingEpisodes");

            migrationBuilder.DropColumn(
                name: "WhoReported",
                table: "MissingEpisodes");
        }
    }
}
