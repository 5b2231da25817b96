using Beacon.Core.Access;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Data.Migrations;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Beacon.Web.Tests.Data;

/// <summary>
/// A database from before organisations (accounts and involvements by agency kind) is carried over by the
/// Organisations migration with no record lost: each kind becomes one organisation in one default area, every
/// account and involvement names it, every child gets the area, and each person still sees what they saw.
/// </summary>
public abstract class OrganisationsMigrationTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (string Id, Agency Agency)[] People =
    [
        ("user-social-worker", Agency.ChildrensSocialCare), ("user-police", Agency.Police), ("user-outreach", Agency.YouthOutreach),
        ("user-health", Agency.Health), ("user-school", Agency.Education), ("user-auditor", Agency.SafeguardingBoard),
    ];

    private static readonly Guid PoliceChild = new("11111111-1111-4111-8111-111111111111");
    private static readonly Guid SchoolChild = new("22222222-2222-4222-8222-222222222222");

    [Fact]
    public async Task Existing_accounts_children_and_involvements_move_to_organisations_with_nothing_lost()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = Context(database))
        {
            await db.GetService<IMigrator>().MigrateAsync(provider == DatabaseProvider.Postgres ? "20261123105032_ClientAssignedKeys" : "20261123105018_ClientAssignedKeys", Ct);
            foreach (var sql in LegacyRows()) await db.Database.ExecuteSqlRawAsync(sql, Ct);
            await db.Database.MigrateAsync(Ct);
        }

        await using var after = Context(database);
        Assert.Empty(await after.Database.GetPendingMigrationsAsync(Ct));
        var area = await after.Areas.SingleAsync(Ct);
        Assert.Equal(OrganisationsCarryOver.DefaultAreaId, area.Id);
        var organisations = await after.Organisations.Include(o => o.Areas).ToListAsync(Ct);
        Assert.Equal(6, organisations.Count);
        Assert.All(organisations, o => Assert.Equal([area.Id], o.AreaIds));

        var users = await after.Users.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(People.Length, users.Count);
        foreach (var (id, agency) in People)
        {
            var organisation = organisations.Single(o => o.Id == users.Single(u => u.Id == id).OrganisationId);
            Assert.Equal(agency, organisation.Kind);
        }

        var children = await after.Children.AsNoTracking().Include(c => c.Involvements).AsSplitQuery().ToListAsync(Ct);
        Assert.Equal(2, children.Count);
        Assert.All(children, c => Assert.Equal(area.Id, c.ResponsibleAreaId));
        var involvements = children.SelectMany(c => c.Involvements).ToList();
        Assert.Equal(4, involvements.Count);
        Assert.All(involvements, i => Assert.Equal(organisations.Single(o => o.Id == i.OrganisationId).Kind, i.Agency));
        Assert.Contains(involvements, i => i.ChildId == SchoolChild && i.Agency == Agency.Education && i.EndedAtUtc is not null);

        // Each person sees what they saw before: police the child the police work with, not the school's.
        Actor As(string id, string role)
        {
            var organisation = organisations.Single(o => o.Id == users.Single(u => u.Id == id).OrganisationId);
            return new Actor(id, id, organisation.Kind, new HashSet<string> { role }, organisation.Id, organisation.AreaIds.ToList());
        }
        async Task<List<Guid>> SeenBy(Actor actor) =>
            await after.Children.AsNoTracking().Where(ChildAccess.VisibleTo(actor)).Select(c => c.Id).OrderBy(c => c).ToListAsync(Ct);
        Assert.Equal([PoliceChild], await SeenBy(As("user-police", BeaconRoles.PoliceOfficer)));
        Assert.Empty(await SeenBy(As("user-school", BeaconRoles.SafeguardingLead))); // its involvement had ended
        Assert.Equal(new[] { PoliceChild, SchoolChild }.Order(), await SeenBy(As("user-social-worker", BeaconRoles.SocialWorker)));
        Assert.Equal(new[] { PoliceChild, SchoolChild }.Order(), await SeenBy(As("user-auditor", BeaconRoles.Auditor)));

        // The delete guard on children survives the table rebuild SQLite needs to add the area's foreign key.
        var triggers = provider == DatabaseProvider.Postgres
            ? await after.Database.SqlQueryRaw<string>("""SELECT tgname AS "Value" FROM pg_trigger WHERE NOT tgisinternal""").ToListAsync(Ct)
            : await after.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'trigger'").ToListAsync(Ct);
        Assert.Contains(provider == DatabaseProvider.Postgres ? "children_no_delete" : "Children_no_delete", triggers);
    }

    [Fact]
    public async Task A_new_empty_database_gets_no_default_area_or_organisations()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        await db.Database.MigrateAsync(Ct);
        Assert.Empty(await db.Areas.ToListAsync(Ct));
        Assert.Empty(await db.Organisations.ToListAsync(Ct));
    }

    private BeaconDbContext Context(TestDatabase database) => provider == DatabaseProvider.Postgres
        ? new PostgresBeaconDbContext(new DbContextOptionsBuilder<PostgresBeaconDbContext>().UseNpgsql(database.ConnectionString).Options)
        : new SqliteBeaconDbContext(new DbContextOptionsBuilder<SqliteBeaconDbContext>().UseSqlite(database.ConnectionString).Options);

    /// <summary>Rows as the old schema held them, written as SQL so nothing of today's model is involved.</summary>
    private IEnumerable<string> LegacyRows()
    {
        var postgres = provider == DatabaseProvider.Postgres;
        string Id(Guid id) => postgres ? $"'{id}'" : $"'{id.ToString().ToUpperInvariant()}'";
        string Bool(bool b) => postgres ? (b ? "TRUE" : "FALSE") : (b ? "1" : "0");
        const string when = "'2025-01-02 10:00:00'";
        foreach (var (id, agency) in People)
            yield return $"""
                INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash",
                    "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount",
                    "DisplayName", "Agency", "Team")
                VALUES ('{id}', '{id}@beacon.test', '{id.ToUpperInvariant()}@BEACON.TEST', '{id}@beacon.test', '{id.ToUpperInvariant()}@BEACON.TEST', {Bool(true)}, NULL,
                    'stamp', 'concurrency', {Bool(false)}, {Bool(false)}, {Bool(true)}, 0, 'Fictional {id}', {(int)agency}, 'Team');
                """;
        foreach (var (child, last) in new[] { (PoliceChild, "Policechild"), (SchoolChild, "Schoolchild") })
            yield return $"""
                INSERT INTO "Children" ("Id", "Version", "FirstName", "LastName", "DateOfBirth", "Gender", "Ethnicity", "IsLookedAfter",
                    "PlacedOutOfArea", "IsRestricted", "CreatedAtUtc", "CreatedByUserId")
                VALUES ({Id(child)}, 0, 'Fictional', '{last}', '2012-03-14', 1, 1, {Bool(false)}, {Bool(false)}, {Bool(false)}, {when}, 'user-social-worker');
                """;
        var rows = new[]
        {
            (new Guid("a1111111-1111-4111-8111-111111111111"), PoliceChild, Agency.ChildrensSocialCare, false),
            (new Guid("a2222222-2222-4222-8222-222222222222"), PoliceChild, Agency.Police, false),
            (new Guid("a3333333-3333-4333-8333-333333333333"), SchoolChild, Agency.ChildrensSocialCare, false),
            (new Guid("a4444444-4444-4444-8444-444444444444"), SchoolChild, Agency.Education, true),
        };
        foreach (var (id, child, agency, ended) in rows)
            yield return $"""
                INSERT INTO "AgencyInvolvements" ("Id", "ChildId", "Agency", "StartedAtUtc", "EndedAtUtc")
                VALUES ({Id(id)}, {Id(child)}, {(int)agency}, {when}, {(ended ? "'2025-02-02 10:00:00'" : "NULL")});
                """;
    }
}

public sealed class SqliteOrganisationsMigrationTests() : OrganisationsMigrationTests(DatabaseProvider.Sqlite);
public sealed class PostgresOrganisationsMigrationTests() : OrganisationsMigrationTests(DatabaseProvider.Postgres);
