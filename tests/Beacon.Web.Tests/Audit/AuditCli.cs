using Beacon.Web.Cli;
using Beacon.Web.Tests.Infrastructure;

namespace Beacon.Web.Tests.Audit;

/// <summary>`beacon audit …` as typed on the command line, pointed at a test Beacon's database and checkpoint file.</summary>
internal static class AuditCli
{
    /// <summary>The configuration switches an operator would pass to reach this Beacon's database and checkpoints.</summary>
    public static string[] Switches(BeaconFactory factory) =>
    [
        $"--Beacon:Database:Provider={factory.Database.Provider}",
        $"--ConnectionStrings:Beacon={factory.Database.ConnectionString}",
        $"--Beacon:Audit:CheckpointFile={factory.CheckpointFile}",
        $"--Beacon:Audit:CheckpointKey={factory.CheckpointKey}",
    ];

    /// <summary>Runs `audit VERB` with this Beacon's switches, then <paramref name="extra"/> (later switches win).</summary>
    public static async Task<(int Code, string Output)> RunAsync(BeaconFactory factory, string verb, params string[] extra)
    {
        using var output = new StringWriter();
        var code = await BeaconCli.RunAsync(["audit", verb, .. Switches(factory), .. extra], output);
        return (code, output.ToString());
    }
}
