using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using System.Net;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Tests.Performance;

/// <summary>
/// Every page issues a small, bounded number of SQL commands whatever the data size: an N+1 (a query per row)
/// fails here on the demo data, not in front of a user at a borough's volume. Commands are counted from EF Core's
/// own diagnostic events while one request runs.
/// </summary>
public sealed class QueryBudgetTests(SqliteBeacon beacon) : IClassFixture<SqliteBeacon>, IDisposable
{
    /// <summary>
    /// The most commands any page may issue: the per-request session check (one query for the security stamp), the
    /// page's own queries and the view audit. Measured on the demo: 1 for the home page, 10–12 for My work, 14 for a
    /// child's record. A manager's My work is the most at volume (21): each "waiting for you" group reads its first few
    /// and counts the rest only when there are more, so it is at most two queries a group, whatever the data size.
    /// </summary>
    public const int Budget = 24;

    /// <summary>
    /// The chronology page's own commands besides one per source: the session check, the child in two queries (what
    /// access asks, then aliases and addresses), the menu's count of new work, the people who recorded entries, the view
    /// audit, and the child's record source's own lookups (measured: 9; 14 when each of the child's lists was a query).
    /// </summary>
    public const int ChronologyBudget = 9;

    /// <summary>
    /// The record page's own commands besides its sections': the session check, the child (two queries), its details'
    /// names, the menu's count of new work, the view audit (measured with the sections: 18 commands; 21 when each of the
    /// child's lists was a query and the panel's section asked the whole list's union).
    /// </summary>
    public const int RecordBudget = 6;

    // Only this class's Beacon is counted: other test classes run at the same time, against databases of their own.
    private readonly CommandCounter _counter = new(beacon.Require().Database.ConnectionString);

    public static TheoryData<string, string> Pages() => new()
    {
        { "social.worker@beacon.test", "/" },
        { "social.worker@beacon.test", "/Children" },
        { "social.worker@beacon.test", "/Children?Name=a" },
        { "social.worker@beacon.test", "/MyWork" },
        { "social.worker@beacon.test", "/MyWork/Breaches" },
        { "social.worker@beacon.test", "/Referrals/Queue" },
        { "social.worker@beacon.test", "/Referrals" },
        { "social.worker@beacon.test", "/RiskAssessment" },
        { "social.worker@beacon.test", "/RiskAssessment/Panel" },
        { "social.worker@beacon.test", "/Missing/ReturnHomeInterviews" },
        { "team.manager@beacon.test", "/MyWork" },
        { "team.manager@beacon.test", "/MyWork?CaseOrder=MostOverdue" },
        { "social.worker@beacon.test", "/Referrals/Queue?Sort=ChildName" },
        { "social.worker@beacon.test", "/Children?Name=R-00000-00000" },
        { "analyst@beacon.test", "/ScaleEstimation" },
        { "board.member@beacon.test", "/ScaleEstimation" },
        { "police.officer@beacon.test", "/Children" },
        { "auditor@beacon.test", "/Children" },
        { "admin@beacon.test", "/Admin/Accounts" },
        { "admin@beacon.test", "/Admin/Organisations" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_list_or_work_page_stays_within_its_query_budget(string login, string url)
    {
        using var client = await BeaconClient.SignedInAsync(beacon.Require(), login);
        var commands = await CountAsync(() => client.GetAsync(url));
        Assert.True(commands <= Budget, $"{url} as {login} issued {commands} SQL commands (budget {Budget})");
    }

    [Fact]
    public async Task Each_page_of_a_childs_record_stays_within_its_query_budget()
    {
        using var client = await BeaconClient.SignedInAsync(beacon.Require(), "social.worker@beacon.test");
        // The demo child with the most history: cases, referrals, assessments and missing episodes.
        var childId = await Features.Referrals.ReferralSteps.WithDbAsync(beacon.Require(), db => db.MissingEpisodes
            .GroupBy(e => e.ChildId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());
        // The chronology asks each source once (one query each, whatever the child's history): its budget grows with the
        // kinds of record Beacon keeps, never with the number of records.
        var sources = beacon.Require().Services.CreateScope().ServiceProvider.GetServices<Beacon.Web.Features.Chronology.IChronologySource>().Count();
        // Likewise the record itself: each capability's section may take up to two queries of its own.
        var sections = beacon.Require().Services.CreateScope().ServiceProvider.GetServices<Beacon.Web.Features.Children.IChildRecordSection>().Count();
        foreach (var page in new[] { "", "/Chronology", "/Missing", "/RiskAssessments", "/Edit", "/Notes" })
        {
            var budget = page switch { "/Chronology" => ChronologyBudget + sources, "" => RecordBudget + 2 * sections, _ => Budget };
            var commands = await CountAsync(() => client.GetAsync($"/Children/{childId}{page}"));
            Assert.True(commands <= budget, $"/Children/{{id}}{page} issued {commands} SQL commands (budget {budget})");
        }
    }

    private Task<int> CountAsync(Func<Task<BeaconClient.PageResponse>> request) => _counter.CountAsync(request);

    public void Dispose() => _counter.Dispose();
}

/// <summary>Counts EF Core's "command executing" events against one database, between resets.</summary>
internal sealed class CommandCounter(string connectionString) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];

    /// <summary>The SQL commands one request issued; the request must succeed.</summary>
    public async Task<int> CountAsync(Func<Task<BeaconClient.PageResponse>> request)
    {
        Start();
        Reset();
        var page = await request();
        Assert.Equal(HttpStatusCode.OK, page.Status);
        // Every signed-in page reads the database at least to check the session: zero means nothing was counted.
        Assert.True(Count > 0, "No SQL commands were counted: the diagnostic listener is not attached");
        return Count;
    }
    private int _count;

    /// <summary>A command as it ran: its SQL and its parameters' values (to ask the database how it ran it).</summary>
    public sealed record SeenCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);
    private readonly List<SeenCommand> _seen = [];

    /// <summary>The commands since the last reset, in order.</summary>
    public IReadOnlyList<SeenCommand> Seen { get { lock (_seen) return _seen.ToList(); } }

    private IDisposable? _all;
    public void Start() => _all ??= DiagnosticListener.AllListeners.Subscribe(this);
    public int Count => Volatile.Read(ref _count);
    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        lock (_seen) _seen.Clear();
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
            lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> e)
    {
        if (e.Key == Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuting.Name
            && e.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData data
            && data.Context?.Database.GetConnectionString() is { } used && Matches(used))
        {
            Interlocked.Increment(ref _count);
            var parameters = data.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList();
            lock (_seen) _seen.Add(new SeenCommand(data.Command.CommandText, parameters));
        }
    }

    // The app adds its own settings (SQLite's file made absolute, PostgreSQL's pool): compare the database it points at.
    private bool Matches(string used) => used == connectionString || DatabaseOf(used) == DatabaseOf(connectionString);

    private static string? DatabaseOf(string connection)
    {
        var keys = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection };
        return keys.TryGetValue("Database", out var database) ? $"postgres:{database}"
            : keys.TryGetValue("Data Source", out var file) ? $"sqlite:{Path.GetFileName(file.ToString())}" : null;
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }

    public void Dispose()
    {
        _all?.Dispose();
        lock (_subscriptions) _subscriptions.ForEach(s => s.Dispose());
    }
}
