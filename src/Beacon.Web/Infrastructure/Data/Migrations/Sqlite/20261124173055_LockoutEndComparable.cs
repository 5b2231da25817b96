using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beacon.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LockoutEndComparable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "LockoutEnd",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "TEXT",
                oldNullable: true);
            // This runs before the copy, which turns the number written here into an integer (old text would stay text). A lockout after failed sign-ins lasts minutes, so it is cleared rather than
            // converted, and a disabled account keeps its permanent lockout in the new form.
            var permanent = (long)new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProvider(DateTimeOffset.MaxValue)!;
            migrationBuilder.Sql($"""UPDATE "AspNetUsers" SET "LockoutEnd" = CASE WHEN "IsDisabled" THEN {permanent} ELSE NULL END WHERE "LockoutEnd" IS NOT NULL;""");
            // SQLite changes a column's type by copying the table (after every other step here), which drops its
            // delete guard: the next migration puts it back.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "LockoutEnd",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
