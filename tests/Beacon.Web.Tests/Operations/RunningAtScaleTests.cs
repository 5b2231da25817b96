using System.Net;
using AngleSharp.Html.Parser;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Web;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Tests.Operations;

/// <summary>
/// Two web instances against one PostgreSQL, as behind a load balancer: a person signed in on one is signed in on the
/// other, a form from one posts to the other, and each sees the other's changes at once.
/// </summary>
public sealed class TwoInstancesTests
{
    [Fact]
    public async Task Two_instances_on_one_database_serve_the_same_people_as_one()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var first = new BeaconFactory(database);
        first.StartServer();
        await using var second = new BeaconFactory(database) { OwnsDatabase = false };
        second.StartServer();

        // Signed in on the first instance.
        using var person = await BeaconClient.SignedInAsync(first, "social.worker@beacon.test");
        var childId = await first.WithScopeAsync(sp => sp.GetRequiredService<BeaconDbContext>().Children.OrderBy(c => c.LastName).Select(c => c.Id).FirstAsync());
        var onFirst = await person.GetAsync($"/Children/{childId}");
        Assert.Equal(HttpStatusCode.OK, onFirst.Status);

        // The same cookies on the second instance: still signed in (the keys that protect cookies are shared).
        using var toSecond = second.CreateDefaultClient();
        async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content = null)
        {
            using var request = new HttpRequestMessage(method, url) { Content = content };
            request.Headers.Add("Cookie", person.CookieHeader);
            return await toSecond.SendAsync(request);
        }
        using (var myWork = await SendAsync(HttpMethod.Get, "/MyWork"))
            Assert.Equal(HttpStatusCode.OK, myWork.StatusCode);

        // A form served by the first instance is accepted by the second (antiforgery tokens are shared too).
        var form = onFirst.Document.QuerySelectorAll("form").First(f => (f.GetAttribute("action") ?? "").Contains("handler=AddAlias"));
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var posted = await SendAsync(HttpMethod.Post, form.GetAttribute("action")!, new FormUrlEncodedContent(new Dictionary<string, string>
               {
                   ["NewAlias"] = "Kestrel", ["__RequestVerificationToken"] = token,
               })))
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        // The change made through the second is on the first at once.
        var again = await person.GetAsync($"/Children/{childId}");
        Assert.Contains("Kestrel", again.Document.Body!.TextContent);

        // Both instances append to one audit chain at the same time: every view is recorded and the chain holds.
        using var onSecond = BeaconClient.For(second);
        Assert.Equal(HttpStatusCode.Redirect, (await onSecond.SignInAsync("team.manager@beacon.test")).Status);
        var views = Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? person : onSecond).GetAsync($"/Children/{childId}/Chronology"));
        Assert.All(await Task.WhenAll(views), v => Assert.Equal(HttpStatusCode.OK, v.Status));
        var chain = await first.WithScopeAsync(async sp => await sp.GetRequiredService<BeaconDbContext>().AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
        var verified = Beacon.Core.Audit.AuditChain.Verify(chain, []);
        Assert.True(verified.IsIntact, verified.Message);

        // Signing out on one ends the session on both.
        var signOut = await person.SubmitAsync("/MyWork", "form[action='/Account/Logout']", []);
        Assert.Equal(HttpStatusCode.Redirect, signOut.Status);
        using var afterSignOut = await SendAsync(HttpMethod.Get, "/MyWork");
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
    }
}

/// <summary>What one request may cost: a time limit, heavy reports a few at a time, a connection pool sized for the database.</summary>
public sealed class RequestLimitsTests(SqliteBeacon beacon) : IClassFixture<SqliteBeacon>
{
    [Fact]
    public void Every_request_has_a_time_limit()
    {
        var options = beacon.Require().Services.GetRequiredService<IOptions<RequestTimeoutOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(30), options.DefaultPolicy?.Timeout);
    }

    [Theory]
    [InlineData("/MyWork/Breaches")]
    [InlineData("/RiskAssessment/Index")]
    [InlineData("/Audit/Index")]
    public void Heavy_reports_run_a_few_at_a_time(string page)
    {
        // An index page answers at two routes (/X and /X/Index): both are limited.
        var endpoints = beacon.Require().Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>()?.ViewEnginePath == page).ToList();
        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.Equal(RequestLimits.HeavyReport, e.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName));
    }

    [Theory]
    [InlineData("Host=db;Database=beacon", null, 30, 15, 30)]
    [InlineData("Host=db;Database=beacon", "12", 12, 15, 30)]
    [InlineData("Host=db;Database=beacon;Maximum Pool Size=50;Timeout=5;Command Timeout=60", "12", 50, 5, 60)]
    [InlineData("Host=db;Database=beacon;MaxPoolSize=7;Options=-c statement_timeout=60000", null, 7, 15, 30)]
    public void The_postgres_pool_is_sized_for_one_instance_unless_the_connection_string_says(string connection, string? maxPool, int pool, int timeout, int commandTimeout)
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Beacon"] = connection };
        if (maxPool is not null) settings["Beacon:Database:MaxPoolSize"] = maxPool;
        var built = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseRegistration.PostgresConnectionString(
            new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
        Assert.Equal((pool, timeout, commandTimeout), (built.MaxPoolSize, built.Timeout, built.CommandTimeout));
        Assert.Contains("jit=off", built.Options);
        Assert.Contains("random_page_cost=1.1", built.Options);
        // A query a connection has run twice is not parsed again there, and no session reset runs before each.
        Assert.Equal((true, 100, 2), (built.NoResetOnClose, built.MaxAutoPrepare, built.AutoPrepareMinUsages));
    }

    [Fact]
    public void A_postgres_connection_string_that_names_its_own_session_settings_keeps_them()
    {
        var built = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseRegistration.PostgresConnectionString(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Beacon"] = "Host=db;Database=beacon;No Reset On Close=false;Max Auto Prepare=0" }).Build()));
        Assert.Equal((false, 0), (built.NoResetOnClose, built.MaxAutoPrepare));
    }

    /// <summary>
    /// The audit chain's lock is taken on a connection pooled apart from the requests' (Npgsql pools by connection
    /// string), so a failed unlock can discard that connection, and its session's lock, without touching the requests' pool.
    /// </summary>
    [Fact]
    public void The_audit_chain_lock_has_a_pool_of_its_own_on_the_same_database()
    {
        var main = DatabaseRegistration.PostgresConnectionString(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Beacon"] = "Host=db;Database=beacon;Username=beacon" }).Build());
        var chainLock = Beacon.Web.Infrastructure.Auditing.AuditingInterceptor.ChainLockConnectionString(main);
        Assert.NotEqual(main, chainLock);
        var (a, b) = (new Npgsql.NpgsqlConnectionStringBuilder(main), new Npgsql.NpgsqlConnectionStringBuilder(chainLock));
        Assert.Equal((a.Host, a.Database, a.Username, a.Options), (b.Host, b.Database, b.Username, b.Options));
        Assert.Equal(("Beacon audit chain lock", 1), (b.ApplicationName, b.MaxPoolSize));
        // Reused from its pool, its session is reset first (pg_advisory_unlock_all among it), though the requests' pool skips that;
        // it prepares nothing.
        Assert.Equal((true, false, 0), (a.NoResetOnClose, b.NoResetOnClose, b.MaxAutoPrepare));
    }
}

/// <summary>The log says what went wrong, not the same warning once per request.</summary>
public sealed class QuietLogTests(SqliteBeacon beacon) : IClassFixture<SqliteBeacon>
{
    [Fact]
    public async Task Pages_with_forms_and_lists_log_nothing_at_warning_level()
    {
        var factory = beacon.Require();
        using var person = await BeaconClient.SignedInAsync(factory, "social.worker@beacon.test");
        var childId = await factory.WithScopeAsync(sp => sp.GetRequiredService<BeaconDbContext>().Children.OrderBy(c => c.LastName).Select(c => c.Id).FirstAsync());
        factory.Warnings.Clear();
        foreach (var url in new[] { "/Account/Login", $"/Children/{childId}", $"/Children/{childId}/Edit", "/MyWork", "/Referrals/Queue", "/Children?Name=a", "/RiskAssessment" })
            Assert.Equal(HttpStatusCode.OK, (await person.GetAsync(url)).Status);
        using var anonymous = BeaconClient.For(factory);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/Account/Login")).Status);
        Assert.Empty(factory.Warnings);
    }
}
