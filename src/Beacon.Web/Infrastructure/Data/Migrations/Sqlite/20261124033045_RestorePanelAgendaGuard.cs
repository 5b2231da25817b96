using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RestorePanelAgendaGuard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The migration before rebuilt PanelAgendaItems (SQLite recreates a table to change its keys and indexes, at
            // the migration's end), which drops the table's triggers: the delete guard goes back on here.
            AppendOnlyGuards.RefuseDeletes(migrationBuilder, postgres: false, "PanelAgendaItems");


        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
