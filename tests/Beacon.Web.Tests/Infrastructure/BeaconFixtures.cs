using Beacon.Web.Infrastructure.Data;

namespace Beacon.Web.Tests.Infrastructure;

/// <summary>One running Beacon shared by the tests of a class (each class gets its own database).</summary>
public class BeaconFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private BeaconFactory? _factory;
    public BeaconFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not started");
    public DatabaseProvider Provider => provider;

    public async ValueTask InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable))
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            return; // each test then skips through TestDatabase.PostgresServer()
        _factory = await BeaconFactory.StartAsync(provider);
    }

    /// <summary>The factory, or a skip when PostgreSQL is not available outside CI.</summary>
    public BeaconFactory Require()
    {
        if (_factory is null) TestDatabase.PostgresServer();
        return Factory;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
    }
}

public sealed class SqliteBeacon() : BeaconFixture(DatabaseProvider.Sqlite);
public sealed class PostgresBeacon() : BeaconFixture(DatabaseProvider.Postgres);
