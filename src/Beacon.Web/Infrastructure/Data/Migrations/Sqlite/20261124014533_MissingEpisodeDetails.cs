using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InterviewRaisedConcern",
                table: "MissingEpisodes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PoliceReference",
                table: "MissingEpisodes",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PoliceRiskGrading",
                table: "MissingEpisodes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WhereFound",
                table: "MissingEpisodes",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WhoReported",
                table: "MissingEpisodes",
                type: "TEXT",
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
