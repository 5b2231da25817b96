using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Data;

namespace Beacon.Web;

internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine("Beacon is running.");
        foreach (var address in addresses) Console.WriteLine($"  Open {address}");
        if (app.Configuration.GetValue("Beacon:DemoData", false))
        {
            Console.WriteLine($"  Demo logins (all fictional; password {DemoData.Password}):");
            foreach (var login in DemoData.Logins)
                Console.WriteLine($"    {login.Email,-28} {login.Description}");
        }
        var checkpoints = app.Services.GetRequiredService<AuditCheckpointSettings>();
        Console.WriteLine(checkpoints.Key is null
            ? "  The audit log is not anchored: set Beacon:Audit:CheckpointKey to write signed checkpoints (see README)."
            : $"  Audit checkpoints: {checkpoints.FilePath}");
        Console.WriteLine("  Press Ctrl+C to stop.");
        Console.WriteLine();
    }
}

public static class DatabaseStartup
{
    public static async Task InitialiseDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().InitialiseAsync(ct);
    }
}
