using Beacon.Core.Access;
using Beacon.Core.Common;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Beacon.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Carries a database from agencies to organisations (migration "Organisations", on both providers): each agency
/// kind becomes one organisation serving one default area, every account joins the organisation of its agency,
/// every child gets that area as responsible area, and every involvement names the organisation of its kind.
/// Nothing is added to a new, empty database.
/// </summary>
internal static class OrganisationsCarryOver
{
    public static readonly Guid DefaultAreaId = new("b3ac0000-0000-4000-8000-000000000001");
    public const string DefaultAreaName = "Local authority area";

    /// <summary>The organisation an agency kind's existing records move to.</summary>
    public static Guid OrganisationFor(Agency kind) => new($"b3ac0000-0000-4000-8000-0000000001{(int)kind:00}");

    /// <summary>Before old columns go: new tables filled, new columns set from the old ones.</summary>
    public static void CarryOver(MigrationBuilder migration, bool postgres)
    {
        string Id(Guid id) => postgres ? $"CAST('{id}' AS uuid)" : $"'{id.ToString().ToUpperInvariant()}'";
        const string hasData = """EXISTS (SELECT 1 FROM "AspNetUsers") OR EXISTS (SELECT 1 FROM "Children")""";
        var kinds = new[] { Agency.ChildrensSocialCare, Agency.Police, Agency.YouthOutreach, Agency.Health, Agency.Education, Agency.SafeguardingBoard };

        migration.Sql($"""INSERT INTO "Areas" ("Id", "Name") SELECT {Id(DefaultAreaId)}, '{DefaultAreaName}' WHERE {hasData};""");
        foreach (var kind in kinds)
        {
            migration.Sql($"""
                INSERT INTO "Organisations" ("Id", "Name", "Kind")
                SELECT {Id(OrganisationFor(kind))}, '{kind.Name().Replace("'", "''")}', {(int)kind}
                WHERE EXISTS (SELECT 1 FROM "Areas" WHERE "Id" = {Id(DefaultAreaId)});
                """);
            migration.Sql($"""
                INSERT INTO "OrganisationAreas" ("OrganisationId", "AreaId")
                SELECT {Id(OrganisationFor(kind))}, {Id(DefaultAreaId)}
                WHERE EXISTS (SELECT 1 FROM "Organisations" WHERE "Id" = {Id(OrganisationFor(kind))});
                """);
        }
        var organisationOfAgency = "CASE \"Agency\" " + string.Join(" ", kinds.Select(k => $"WHEN {(int)k} THEN {Id(OrganisationFor(k))}"))
            + $" ELSE {Id(OrganisationFor(Agency.SafeguardingBoard))} END";
        migration.Sql($"""UPDATE "AspNetUsers" SET "OrganisationId" = {organisationOfAgency};""");
        migration.Sql($"""UPDATE "Children" SET "ResponsibleAreaId" = {Id(DefaultAreaId)};""");
        migration.Sql($"""
            INSERT INTO "Involvements" ("Id", "ChildId", "OrganisationId", "Agency", "StartedAtUtc", "EndedAtUtc")
            SELECT "Id", "ChildId", {organisationOfAgency}, "Agency", "StartedAtUtc", "EndedAtUtc" FROM "AgencyInvolvements";
            """);
    }
}
