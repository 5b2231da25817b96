using Beacon.Core.Access;
using Beacon.Core.Children;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Data;

/// <summary>
/// ChildAccess.VisibleTo is the one statement of who may see a record: translated to SQL for search on each
/// provider, it must pick exactly the children ChildAccess.Allows(View) passes on the loaded entities.
/// </summary>
public abstract class ChildAccessQueryTests(BeaconFixture fixture) : DataTestBase(fixture)
{
    private const string Named = "named-person";
    private const string Stranger = "restricting-manager";

    public static TheoryData<string, Agency> Actors()
    {
        var data = new TheoryData<string, Agency>();
        foreach (var role in BeaconRoles.All)
            foreach (var agency in Enum.GetValues<Agency>())
                data.Add(role, agency);
        return data;
    }

    [Theory]
    [MemberData(nameof(Actors))]
    public async Task The_SQL_filter_agrees_with_the_rule_on_loaded_records(string role, Agency agency)
    {
        await EnsureEdgeCasesAsync();
        foreach (var actor in new[] { Person("someone", role, agency), Person(Named, role, agency) })
        {
            await using var scope = Scope();
            var db = Db(scope);
            var bySql = await db.Children.AsNoTracking().Where(ChildAccess.VisibleTo(actor)).Select(c => c.Id).ToListAsync(Ct);
            var all = await db.Children.AsNoTracking().Include(c => c.Agencies).Include(c => c.AccessGrants).AsSplitQuery().ToListAsync(Ct);
            var byRule = all.Where(c => ChildAccess.Allows(actor, ChildOperation.View, c)).Select(c => c.Id).ToList();
            Assert.Equal(byRule.Order(), bySql.Order());
        }
    }

    [Fact]
    public async Task A_search_with_the_filter_runs_and_finds_only_what_may_be_seen()
    {
        var marker = await EnsureEdgeCasesAsync();
        await using var scope = Scope();
        var db = Db(scope);

        async Task<List<string>> SearchAsync(Actor actor) => (await db.Children.AsNoTracking()
            .Where(ChildAccess.VisibleTo(actor))
            .Where(c => c.LastName.StartsWith(marker) || c.Aliases.Any(a => a.WithdrawnAtUtc == null && a.Name.StartsWith(marker)))
            .OrderBy(c => c.LastName)
            .Select(c => c.FirstName)
            .ToListAsync(Ct)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["Ended", "Open", "Police"], await SearchAsync(Person("p", BeaconRoles.PoliceOfficer, Agency.Police)));
        Assert.Equal(["Open"], await SearchAsync(Person("h", BeaconRoles.SafeguardingLead, Agency.Health)));
        Assert.Empty(await SearchAsync(Person("e", BeaconRoles.SafeguardingLead, Agency.Education)));
        Assert.Equal(["Ended", "Open", "Police"], await SearchAsync(Person("s", BeaconRoles.SocialWorker, Agency.ChildrensSocialCare)));
        Assert.Equal(["Ended", "Open", "Police", "Restrictednamed"], await SearchAsync(Person(Named, BeaconRoles.SocialWorker, Agency.ChildrensSocialCare)));
        Assert.Equal(["Ended", "Open", "Police"], await SearchAsync(Person("a", BeaconRoles.Auditor, Agency.SafeguardingBoard)));
        Assert.Empty(await SearchAsync(Person("b", BeaconRoles.BoardMember, Agency.SafeguardingBoard)));
        Assert.Empty(await SearchAsync(Person("x", BeaconRoles.Administrator, Agency.SafeguardingBoard)));
    }

    private static Actor Person(string userId, string role, Agency agency) => new(userId, userId, agency, new HashSet<string> { role });

    private string? _marker;

    /// <summary>Adds the awkward records once per fixture: restricted (named, not named, revoked) and ended involvement.</summary>
    private async Task<string> EnsureEdgeCasesAsync()
    {
        if (_marker is not null) return _marker;
        const string marker = "Zzaccess";
        await using var scope = Scope();
        var db = Db(scope);
        if (!await db.Children.AnyAsync(c => c.LastName.StartsWith(marker), Ct))
        {
            var now = DateTime.UtcNow;
            Child Make(string first, Agency creator) => Child.Create(
                new ChildDetails(first, marker + first, new DateOnly(2011, 5, 6), Gender.Male, Ethnicity.Refused), creator, "maker", Today, now);
            var open = Make("Open", Agency.Police); open.Involve(Agency.Health, now);
            var police = Make("Police", Agency.Police);
            var ended = Make("Ended", Agency.Police); ended.Involve(Agency.Education, now); ended.EndInvolvement(Agency.Education, now);
            var restrictedNamed = Make("Restrictednamed", Agency.Police); restrictedNamed.Restrict(Stranger, now); restrictedNamed.GrantAccess(Named, Stranger, now);
            var restrictedOther = Make("Restrictedother", Agency.Police); restrictedOther.Restrict(Stranger, now);
            var revoked = Make("Revoked", Agency.Police); revoked.Restrict(Stranger, now); revoked.GrantAccess(Named, Stranger, now); revoked.RevokeAccess(Named, now);
            db.Children.AddRange(open, police, ended, restrictedNamed, restrictedOther, revoked);
            await db.SaveChangesAsync(Ct);
        }
        return _marker = marker;
    }
}

public sealed class SqliteChildAccessQueryTests(SqliteBeacon fixture) : ChildAccessQueryTests(fixture), IClassFixture<SqliteBeacon>;
public sealed class PostgresChildAccessQueryTests(PostgresBeacon fixture) : ChildAccessQueryTests(fixture), IClassFixture<PostgresBeacon>;
