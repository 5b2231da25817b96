using Beacon.Core.Access;
using Beacon.Core.Children;
using Beacon.Core.Organisations;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Org = Beacon.Web.Infrastructure.Data.DemoData.Org;

namespace Beacon.Web.Tests.Data;

/// <summary>
/// ChildAccess.VisibleTo is the one statement of who may see a record: translated to SQL for search on each
/// provider, it must pick exactly the children ChildAccess.Allows(View) passes on the loaded entities, for every
/// demo organisation and role — two areas, one police force across both, two schools, an out-of-area placement.
/// </summary>
public abstract class ChildAccessQueryTests(BeaconFixture fixture) : DataTestBase(fixture)
{
    private const string Named = "named-person";
    private const string Stranger = "restricting-manager";
    private const string FarArea = "Farshire (test area no demo organisation serves)";

    public static TheoryData<string, string> Actors()
    {
        var data = new TheoryData<string, string>();
        foreach (var organisation in new[] { Org.NorthgateSocialCare, Org.SouthvaleSocialCare, Org.Police, Org.YouthProject, Org.HealthTrust,
                     Org.GpPractice, Org.NorthgateAcademy, Org.SouthvaleHigh, Org.Board })
            foreach (var role in BeaconRoles.All)
                data.Add(organisation, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(Actors))]
    public async Task The_SQL_filter_agrees_with_the_rule_on_loaded_records(string organisation, string role)
    {
        await EnsureEdgeCasesAsync();
        foreach (var actor in new[] { await PersonAsync("someone", role, organisation), await PersonAsync(Named, role, organisation) })
        {
            await using var scope = Scope();
            var db = Db(scope);
            var bySql = await db.Children.AsNoTracking().Where(ChildAccess.VisibleTo(actor)).Select(c => c.Id).ToListAsync(Ct);
            var all = await db.Children.AsNoTracking().Include(c => c.Involvements).Include(c => c.AccessGrants).AsSplitQuery().ToListAsync(Ct);
            var byRule = all.Where(c => ChildAccess.Allows(actor, ChildOperation.View, c)).Select(c => c.Id).ToList();
            Assert.Equal(byRule.Order(), bySql.Order());
        }
    }

    [Fact]
    public async Task A_search_with_the_filter_finds_only_what_each_organisation_may_see()
    {
        var marker = await EnsureEdgeCasesAsync();
        await using var scope = Scope();
        var db = Db(scope);

        async Task<List<string>> SearchAsync(string role, string organisation, string userId = "someone") => (await db.Children.AsNoTracking()
            .Where(ChildAccess.VisibleTo(await PersonAsync(userId, role, organisation)))
            .Where(c => c.LastName.StartsWith(marker))
            .Select(c => c.FirstName)
            .ToListAsync(Ct)).Order(StringComparer.Ordinal).ToList();

        // The force serves both areas but not Farshire; it sees only children it is involved with.
        Assert.Equal(["Northpupil", "Placed", "Southchild"], await SearchAsync(BeaconRoles.PoliceOfficer, Org.Police));
        // Each school sees its own pupils, never the other school's.
        Assert.Equal(["Northpupil"], await SearchAsync(BeaconRoles.SafeguardingLead, Org.NorthgateAcademy));
        Assert.Equal(["Southchild"], await SearchAsync(BeaconRoles.SafeguardingLead, Org.SouthvaleHigh));
        Assert.Equal(["Farchild"], await SearchAsync(BeaconRoles.SafeguardingLead, Org.HealthTrust));
        Assert.Empty(await SearchAsync(BeaconRoles.SafeguardingLead, Org.GpPractice));
        // Each local authority sees its area's children, and the host authority the child placed there.
        Assert.Equal(["Ended", "Northpupil", "Placed"], await SearchAsync(BeaconRoles.SocialWorker, Org.NorthgateSocialCare));
        Assert.Equal(["Placed", "Southchild"], await SearchAsync(BeaconRoles.SocialWorker, Org.SouthvaleSocialCare));
        Assert.Equal(["Ended", "Northpupil", "Placed", "Restrictednamed"], await SearchAsync(BeaconRoles.SocialWorker, Org.NorthgateSocialCare, Named));
        // The board's auditors see both its areas; nobody's board sees Farshire's child.
        Assert.Equal(["Ended", "Northpupil", "Placed", "Southchild"], await SearchAsync(BeaconRoles.Auditor, Org.Board));
        Assert.Empty(await SearchAsync(BeaconRoles.BoardMember, Org.Board));
        Assert.Empty(await SearchAsync(BeaconRoles.Administrator, Org.Board));
    }

    /// <summary>
    /// The rule for one person is written as SQL once and kept: each area is a parameter of its own, so the SQL does not
    /// depend on the list's contents and EF Core reuses it (the same text, not written again) on the next request.
    /// Passed as a list, the areas made EF Core write the whole query's SQL again on every run.
    /// </summary>
    [Theory]
    [InlineData(BeaconRoles.SocialWorker, Org.NorthgateSocialCare)]
    [InlineData(BeaconRoles.PoliceOfficer, Org.Police)]
    public async Task The_filter_for_a_person_is_written_as_SQL_once_and_kept(string role, string organisation)
    {
        var actor = await PersonAsync("someone", role, organisation);
        Assert.NotEmpty(actor.AreaIds);
        using var commands = new Performance.CommandCounter(Factory.Database.ConnectionString);
        commands.Start();
        var seen = new List<Performance.CommandCounter.SeenCommand>();
        for (var request = 0; request < 2; request++)
        {
            commands.Reset();
            await using var scope = Scope();
            await Db(scope).Children.AsNoTracking().Where(ChildAccess.VisibleTo(actor)).Select(c => c.Id).ToListAsync(Ct);
            seen.Add(Assert.Single(commands.Seen));
        }

        Assert.Same(seen[0].Sql, seen[1].Sql);
        // One parameter for each of the person's areas (compared with the responsible and the host area), none a list.
        var areaValues = seen[1].Parameters.Where(p => p.Value is Guid id && actor.AreaIds.Contains(id)).ToList();
        Assert.Equal(2 * actor.AreaIds.Count, areaValues.Count);
    }

    private async Task<Actor> PersonAsync(string userId, string role, string organisationName)
    {
        var organisation = await InScopeAsync(db => db.Organisations.AsNoTracking().Include(o => o.Areas).SingleAsync(o => o.Name == organisationName, Ct));
        return new Actor(userId, userId, organisation.Kind, new HashSet<string> { role }, organisation.Id, organisation.AreaIds.ToList());
    }

    private string? _marker;

    /// <summary>Adds the awkward records once per fixture, each recorded by a demo organisation.</summary>
    private async Task<string> EnsureEdgeCasesAsync()
    {
        if (_marker is not null) return _marker;
        const string marker = "Zzaccess";
        await using var scope = Scope();
        var db = Db(scope);
        if (!await db.Children.AnyAsync(c => c.LastName.StartsWith(marker), Ct))
        {
            var now = DateTime.UtcNow;
            var organisations = await db.Organisations.Include(o => o.Areas).ToDictionaryAsync(o => o.Name, Ct);
            var far = Area.Create(FarArea);
            db.Areas.Add(far);
            Actor By(string name) => new("maker", "Maker", organisations[name].Kind, new HashSet<string> { BeaconRoles.SafeguardingLead },
                organisations[name].Id, organisations[name].AreaIds.ToList());
            Child Make(string first, Guid area, string by, Guid? host = null) => Child.Create(
                new ChildDetails(first, marker + first, new DateOnly(2011, 5, 6), Gender.Male, Ethnicity.Refused,
                    IsLookedAfter: host is not null, PlacedOutOfArea: host is not null, HostAreaId: host), area, By(by), Today, now);

            var northPupil = Make("Northpupil", DemoWorld.Northgate, Org.NorthgateAcademy); northPupil.Involve(organisations[Org.Police], now);
            var southChild = Make("Southchild", DemoWorld.Southvale, Org.SouthvaleHigh); southChild.Involve(organisations[Org.Police], now);
            var placed = Make("Placed", DemoWorld.Northgate, Org.YouthProject, host: DemoWorld.Southvale);
            placed.InvolveHostAreaServices(organisations.Values, now);
            var farChild = Make("Farchild", far.Id, Org.HealthTrust); farChild.Involve(organisations[Org.Police], now);
            var ended = Make("Ended", DemoWorld.Northgate, Org.NorthgateAcademy); ended.EndInvolvement(organisations[Org.NorthgateAcademy].Id, now);
            var restrictedNamed = Make("Restrictednamed", DemoWorld.Northgate, Org.Police); restrictedNamed.Restrict(Stranger, now); restrictedNamed.GrantAccess(new Actor(Named, Named, Agency.ChildrensSocialCare, new HashSet<string> { BeaconRoles.SocialWorker }), Stranger, now);
            var restrictedOther = Make("Restrictedother", DemoWorld.Northgate, Org.Police); restrictedOther.Restrict(Stranger, now);
            var revoked = Make("Revoked", DemoWorld.Northgate, Org.Police); revoked.Restrict(Stranger, now); revoked.GrantAccess(new Actor(Named, Named, Agency.ChildrensSocialCare, new HashSet<string> { BeaconRoles.SocialWorker }), Stranger, now); revoked.RevokeAccess(Named, now);
            db.Children.AddRange(northPupil, southChild, placed, farChild, ended, restrictedNamed, restrictedOther, revoked);
            await db.SaveChangesAsync(Ct);
        }
        return _marker = marker;
    }
}

public sealed class SqliteChildAccessQueryTests(SqliteBeacon fixture) : ChildAccessQueryTests(fixture), IClassFixture<SqliteBeacon>;
public sealed class PostgresChildAccessQueryTests(PostgresBeacon fixture) : ChildAccessQueryTests(fixture), IClassFixture<PostgresBeacon>;
