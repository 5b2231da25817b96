using Beacon.Web;
using Beacon.Web.Cli;

// `beacon <verb>` runs a command-line verb (see BeaconCli); anything else starts the web app.
if (BeaconCli.IsVerb(args))
    return await BeaconCli.RunAsync(args);

var app = BeaconApp.Build(args);
await app.InitialiseDatabaseAsync();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();
return 0;

/// <summary>Lets the test host find the app's entry point.</summary>
public partial class Program;
