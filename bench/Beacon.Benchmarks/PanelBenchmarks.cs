using Beacon.Core.Access;
using Beacon.Core.Panel;
using Beacon.Web;
using Beacon.Web.Features.Panel;
using Beacon.Web.Infrastructure.Identity;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Benchmarks;

/// <summary>
/// The panel's agenda and figures over a generated database: what a chair waits for when building an agenda, and the
/// board for the figures. Point BEACON_BENCH_DB at a database made by
/// `generate --children 100000` (which adds five years of fortnightly meetings and 100,000 panel actions), e.g.
/// BEACON_BENCH_DB="Data Source=/tmp/volume.db"; add BEACON_BENCH_PROVIDER=Postgres for PostgreSQL.
/// </summary>
public class PanelBenchmarks
{
    private WebApplication _app = default!;
    private Actor _chair = default!;

    [GlobalSetup]
    public void Setup()
    {
        var database = Environment.GetEnvironmentVariable("BEACON_BENCH_DB")
            ?? throw new InvalidOperationException("Set BEACON_BENCH_DB to the connection string of a generated database (see the README's Performance section).");
        _app = BeaconApp.Build([$"--ConnectionStrings:Beacon={database}", "--Beacon:DemoData=false", "--Beacon:Notifications:CheckMinutes=0",
            $"--Beacon:Database:Provider={Environment.GetEnvironmentVariable("BEACON_BENCH_PROVIDER") ?? "Sqlite"}"]);
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BeaconUser>>();
        var chairId = users.FindByEmailAsync("panel.chair@beacon.test").GetAwaiter().GetResult()?.Id
            ?? throw new InvalidOperationException("The database has no demo panel chair: make it with the generate verb.");
        _chair = scope.ServiceProvider.GetRequiredService<AccountActors>().ActorAsync(chairId, CancellationToken.None).GetAwaiter().GetResult()!;
    }

    [GlobalCleanup]
    public void Cleanup() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The agenda of next week's meeting, worked out from the list (nothing is saved).</summary>
    [Benchmark(Description = "Build the next meeting's agenda")]
    public async Task<int> BuildAgenda()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var now = DateTime.UtcNow;
        var meeting = PanelMeeting.Schedule(_chair.OrganisationId, now.AddDays(7), "Benchmark", _chair.UserId, now);
        return await scope.ServiceProvider.GetRequiredService<PanelMeetings>().BuildAgendaAsync(meeting, _chair, CancellationToken.None);
    }

    [Benchmark(Description = "The panel's figures for the board")]
    public async Task<int> Figures()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var figures = await scope.ServiceProvider.GetRequiredService<PanelFigures>().ForAsync(_chair, CancellationToken.None);
        return figures.PerMeeting.Count;
    }
}
