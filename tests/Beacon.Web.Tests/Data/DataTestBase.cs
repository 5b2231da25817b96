using System.Security.Claims;
using Beacon.Core.Access;
using Beacon.Core.Audit;
using Beacon.Core.Children;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Data;

/// <summary>
/// Base for tests written once and run against both providers: the derived Sqlite/Postgres classes only
/// supply the fixture. Everything goes through the app's own DI container (a scope per unit of work, as a
/// request would have), so the tests see the same context, interceptor and configuration as Beacon does.
/// </summary>
public abstract class DataTestBase(BeaconFixture fixture)
{
    private BeaconFactory? _own;

    /// <summary>The fixture's Beacon, or one a test started for itself with <see cref="Use"/>.</summary>
    protected BeaconFactory Factory => _own ?? fixture.Require();

    /// <summary>Points the helpers at a Beacon (and database) of the test's own, for tests that damage the database.</summary>
    protected BeaconFactory Use(BeaconFactory factory) => _own = factory;
    protected DatabaseProvider Provider => fixture.Provider;
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    protected AsyncServiceScope Scope() => Factory.Services.CreateAsyncScope();

    protected static BeaconDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<BeaconDbContext>();

    /// <summary>
    /// Makes the current async flow act as this person, the way a signed-in request does: the app reads the
    /// actor from IHttpContextAccessor (AsyncLocal), so this must be called from the test method itself.
    /// </summary>
    protected void ActAs(Actor actor)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, actor.UserId),
            new(BeaconClaims.DisplayName, actor.Name),
            new(BeaconClaims.Agency, actor.Agency.ToString()),
            new(BeaconClaims.Organisation, actor.OrganisationId.ToString()),
            new(BeaconClaims.Areas, string.Join(',', actor.AreaIds)),
        };
        claims.AddRange(actor.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        Factory.Services.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, "Test")) };
    }

    protected static Actor TestActor(string userId = "tester-1", string name = "Tess Tester", Agency agency = Agency.YouthOutreach, params string[] roles) =>
        DemoWorld.ActorOf(userId, name, agency, roles.Length == 0 ? [BeaconRoles.OutreachWorker] : roles);

    /// <summary>A Northgate child, recorded by the demo organisation of that kind.</summary>
    protected static Child NewChild(string lastName, Agency agency = Agency.YouthOutreach, DateTime? nowUtc = null) =>
        Child.Create(new ChildDetails("Testchild", lastName, new DateOnly(2012, 3, 14), Gender.Female, Ethnicity.NotRecorded),
            DemoWorld.Northgate, TestActor(agency: agency), Today, nowUtc ?? DateTime.UtcNow);

    protected static ChildDetails DetailsOf(Child c, string? school) =>
        new(c.FirstName, c.LastName, c.DateOfBirth, c.Gender, c.Ethnicity, school, c.IsLookedAfter, c.Placement, c.PlacedOutOfArea, c.KeyWorkerUserId);

    protected static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 12, 60)];

    /// <summary>Adds a child in its own scope and returns its id.</summary>
    protected async Task<Guid> AddChildAsync(Child child)
    {
        await using var scope = Scope();
        var db = Db(scope);
        db.Children.Add(child);
        await db.SaveChangesAsync(Ct);
        return child.Id;
    }

    protected async Task<List<AuditEntry>> AuditLogAsync()
    {
        await using var scope = Scope();
        return await Db(scope).AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(Ct);
    }

    protected async Task<T> InScopeAsync<T>(Func<BeaconDbContext, Task<T>> work)
    {
        await using var scope = Scope();
        return await work(Db(scope));
    }

    /// <summary>Runs SQL on its own connection, outside EF's change tracking, as someone with database access would.</summary>
    protected Task<int> RawSqlAsync(string sql) => InScopeAsync(db => db.Database.ExecuteSqlRawAsync(sql, Ct));

    /// <summary>What an attacker with database access does first: drop the append-only guards.</summary>
    protected Task DropAuditGuardsAsync() => Provider == DatabaseProvider.Postgres
        ? RawSqlAsync("""DROP TRIGGER audit_entries_append_only ON "AuditEntries";""")
        : RawSqlAsync("DROP TRIGGER AuditEntries_no_update; DROP TRIGGER AuditEntries_no_delete;");
}
