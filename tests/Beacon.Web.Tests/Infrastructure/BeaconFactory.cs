using System.Security.Cryptography;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Beacon.Web.Tests.Infrastructure;

/// <summary>
/// Beacon as it really runs (same Program, same pipeline) on its own fresh database with the demo data
/// and demo logins. Optionally on a real Kestrel port for the browser.
/// Audit checkpoints go to a temporary file of its own, signed with a key of its own; the background writer is
/// off unless asked for, so nothing is written behind a test's back.
/// </summary>
public sealed class BeaconFactory(TestDatabase database, bool requireTwoFactor = false, bool auditCheckpoints = false) : WebApplicationFactory<Program>
{
    /// <summary>Sign-in attempts allowed per 15 minutes; set before starting.</summary>
    public int SignInAttempts { get; init; } = 100_000;
    /// <summary>Further configuration for this Beacon only.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    public TestDatabase Database { get; } = database;

    /// <summary>False for a second Beacon on another's database (two web instances): the first one drops it.</summary>
    public bool OwnsDatabase { get; init; } = true;

    /// <summary>Everything this Beacon logs at warning level or above, as "Category: message".</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Warnings { get; } = new();

    /// <summary>This Beacon's audit checkpoint file (Beacon:Audit:CheckpointFile); it may not exist yet.</summary>
    public string CheckpointFile { get; } = Path.Combine(Path.GetTempPath(), $"beacon-test-checkpoints-{Guid.NewGuid():N}.log");

    /// <summary>This Beacon's checkpoint signing key (Beacon:Audit:CheckpointKey), base64.</summary>
    public string CheckpointKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <param name="auditCheckpoints">Run the background checkpoint writer, as Beacon does by default.</param>
    public static async Task<BeaconFactory> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, bool requireTwoFactor = false, bool kestrel = false,
        bool auditCheckpoints = false, int signInAttempts = 100_000, Dictionary<string, string>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var factory = new BeaconFactory(database, requireTwoFactor, auditCheckpoints) { SignInAttempts = signInAttempts, Settings = settings ?? [] };
        if (kestrel) factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    /// <summary>The address Kestrel listens on (only when started with kestrel: true).</summary>
    public string ServerAddress => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Beacon:Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Beacon", Database.ConnectionString);
        builder.UseSetting("Beacon:DemoData", "true");
        builder.UseSetting("Beacon:Database:FailOnQueryWarnings", "true");
        builder.UseSetting("Beacon:Security:RequireTwoFactor", requireTwoFactor ? "true" : "false");
        builder.UseSetting("Beacon:Audit:CheckpointFile", CheckpointFile);
        builder.UseSetting("Beacon:Audit:CheckpointKey", CheckpointKey);
        builder.UseSetting("Beacon:Audit:CheckpointMinutes", auditCheckpoints ? "15" : "0");
        // Tests check work lists for new items when they choose to (WorkItemAlerts.CheckEveryoneAsync).
        builder.UseSetting("Beacon:Notifications:CheckMinutes", "0");
        // Every test signs in from the same (absent) address; the limit itself is tested on its own Beacon.
        builder.UseSetting("Beacon:Security:FailedSignInsPerQuarterHour", SignInAttempts.ToString());
        builder.UseSetting("Beacon:Concerns:PostsPerTenMinutes", "100000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(new WarningCollector(Warnings)));
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        // Ready before the first request, whether or not the entry point has got past Build() yet; initialising twice is harmless.
        using var scope = host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<DatabaseSetup>().InitialiseAsync().GetAwaiter().GetResult();
        return host;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (OwnsDatabase) await Database.DisposeAsync();
        File.Delete(CheckpointFile);
    }

    /// <summary>Runs work with a scoped service provider, as a request would.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>A login as a signed-in request sees them (their claims), for calling a page's services directly in a scope.</summary>
    public static async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(IServiceProvider scope, string email)
    {
        var user = await scope.GetRequiredService<Beacon.Web.Infrastructure.Data.BeaconDbContext>().Users.SingleAsync(u => u.Email == email);
        return await scope.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<Beacon.Web.Infrastructure.Identity.BeaconUser>>().CreateAsync(user);
    }

    /// <summary>The actor a login's requests act as (<see cref="PrincipalAsync"/>).</summary>
    public static async Task<Beacon.Core.Access.Actor> ActorAsync(IServiceProvider scope, string email) =>
        Beacon.Web.Infrastructure.Identity.BeaconClaims.ToActor(await PrincipalAsync(scope, email));
}

/// <summary>Keeps what a Beacon logs at warning level or above, so a test can insist the log stays quiet.</summary>
internal sealed class WarningCollector(System.Collections.Concurrent.ConcurrentQueue<string> warnings) : Microsoft.Extensions.Logging.ILoggerProvider
{
    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(categoryName, warnings);
    public void Dispose() { }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> warnings) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Warning;
        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) warnings.Enqueue($"{category}: {formatter(state, exception)}");
        }
    }
}
