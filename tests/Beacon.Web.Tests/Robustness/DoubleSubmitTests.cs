using System.Net;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Features.Missing;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beacon.Web.Tests.Robustness;

/// <summary>
/// "At most one open …" rules hold in the database, so simultaneous submits (a double click, two people at
/// once) make one record and the rest get a clear message, on SQLite and PostgreSQL.
/// </summary>
public abstract class DoubleSubmitTests(BeaconFixture fixture)
{
    private BeaconFactory Factory => fixture.Require();

    [Fact]
    public async Task Ten_simultaneous_reports_of_one_absence_make_one_open_episode()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var child = await MissingSteps.CreateChildAsync(worker, "Euphemia", $"Doublesubmit{Guid.NewGuid():N}"[..24]);
        var form = await worker.GetAsync($"{child}/Missing/Report");
        var when = MissingSteps.When(MissingSteps.Ago(TimeSpan.FromHours(2)));

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => worker.SubmitAsync(form, "main form", when, $"{child}/Missing/Report")));

        Assert.All(answers, a => Assert.True((int)a.Status < 500, $"A report answered {(int)a.Status}"));
        Assert.Single(answers, a => a.Status == HttpStatusCode.Redirect);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Redirect), a => Assert.NotEmpty(a.Errors));
        var childId = Guid.Parse(child.Split('/').Last());
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeaconDbContext>();
        Assert.Equal(1, await db.MissingEpisodes.CountAsync(e => e.ChildId == childId, TestContext.Current.CancellationToken));
    }
}

public sealed class SqliteDoubleSubmitTests(SqliteBeacon fixture) : DoubleSubmitTests(fixture), IClassFixture<SqliteBeacon>;
public sealed class PostgresDoubleSubmitTests(PostgresBeacon fixture) : DoubleSubmitTests(fixture), IClassFixture<PostgresBeacon>;
