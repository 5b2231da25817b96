using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;

// The load run: signs in as a demo user, finds real pages (a child on the caseload, a common surname), then drives
// each page with wrk at each number of connections and prints one table, with every page's throughput as a share
// of the sign-in page's measured in the same run. Usage (Beacon already running):
//   dotnet run -c Release --project bench/Beacon.Load -- [--url http://localhost:5080] [--duration 10] [--connections 1,10,100]
//        [--user social.worker@beacon.test] [--password Beacon-Demo-2026] [--pages name,name] [--warmup 3]
// bench/load.sh starts Beacon against a database for you and runs this.

var options = Options.Parse(args);
if (!File.Exists(Options.Wrk))
{
    Console.Error.WriteLine("wrk is not installed: sudo apt-get install -y wrk (bench/load.sh does this).");
    return 2;
}

var cookies = new CookieContainer();
using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = options.Url };
await SignInAsync(http, options);
var pages = await DiscoverPagesAsync(http, options);
var cookieHeader = cookies.GetCookieHeader(options.Url);

var script = Path.Combine(Path.GetTempPath(), $"beacon-load-{Environment.ProcessId}.lua");
await File.WriteAllTextAsync(script, WrkScript);
var results = new List<Result>();
try
{
    // Each page is first driven briefly and not measured: a page's first seconds run code the runtime has not yet
    // optimised (tiered compilation), so whichever page came first, usually the sign-in reference, measured slow.
    if (options.Warmup > 0)
        foreach (var page in pages)
            await RunWrkAsync(page, 10, options.Warmup, page.Anonymous ? null : cookieHeader, script);
    foreach (var connections in options.Connections)
        foreach (var page in pages)
        {
            // Each measurement starts from a quiet app: requests left running by the last one (wrk stops, the app
            // finishes what it started, up to the request time limit) would otherwise be counted against this page.
            await SettleAsync(http);
            var result = await RunWrkAsync(page, connections, options.Duration, page.Anonymous ? null : cookieHeader, script);
            results.Add(result);
            Console.Error.WriteLine($"  {page.Name,-34} {connections,4} conn  {result.RequestsPerSecond,9:N1} req/s  p95 {result.P95Ms,8:N1} ms  errors {result.Errors}");
        }
}
finally
{
    File.Delete(script);
}

Console.WriteLine();
Console.WriteLine($"Beacon load run: {options.Url} as {options.User}, {options.Duration} s per page and level, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine();
Console.WriteLine("| page | connections | req/s | p50 ms | p95 ms | p99 ms | errors | vs sign-in |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var page in pages)
    foreach (var r in results.Where(r => r.Page == page))
    {
        var signIn = results.Single(x => x.Page.Name == "sign-in page (reference)" && x.Connections == r.Connections);
        var ratio = signIn.RequestsPerSecond > 0 ? r.RequestsPerSecond / signIn.RequestsPerSecond : 0;
        Console.WriteLine(r.Requests == 0
            ? $"| {page.Name} | {r.Connections} | none completed in {options.Duration} s | | | | {r.Errors} | 0 % |"
            : string.Create(CultureInfo.InvariantCulture,
                $"| {page.Name} | {r.Connections} | {r.RequestsPerSecond:N1} | {r.P50Ms:N1} | {r.P95Ms:N1} | {r.P99Ms:N1} | {r.Errors} | {ratio:P0} |"));
    }
var failed = results.Where(r => r.Errors > 0 || r.Requests == 0).ToList();
return failed.Count == 0 ? 0 : 1;

/// <summary>Waits (up to a minute) until the sign-in page answers in under 20 ms three times running.</summary>
static async Task SettleAsync(HttpClient http)
{
    var quick = 0;
    var watch = Stopwatch.StartNew();
    while (quick < 3 && watch.Elapsed < TimeSpan.FromMinutes(1))
    {
        var one = Stopwatch.StartNew();
        using (var response = await http.GetAsync("/Account/Login")) { }
        quick = one.ElapsedMilliseconds < 20 ? quick + 1 : 0;
        if (quick < 3) await Task.Delay(200);
    }
}

static async Task SignInAsync(HttpClient http, Options options)
{
    var form = await http.GetStringAsync("/Account/Login");
    var token = new HtmlParser().ParseDocument(form).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The sign-in page has no antiforgery token: is this Beacon?");
    using var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Input.Email"] = options.User,
        ["Input.Password"] = options.Password,
        ["__RequestVerificationToken"] = token,
    }));
    if (response.StatusCode != HttpStatusCode.Redirect)
        throw new InvalidOperationException($"Signing in as {options.User} did not succeed ({(int)response.StatusCode}); is the password right and two-factor off?");
}

/// <summary>The fixed mix: three references, then the pages people use all day and the lists behind them.</summary>
static async Task<List<Page>> DiscoverPagesAsync(HttpClient http, Options options)
{
    var parser = new HtmlParser();
    var myWork = parser.ParseDocument(await http.GetStringAsync("/MyWork"));
    var childLink = myWork.QuerySelectorAll("a[href^='/Children/']").Select(a => a.GetAttribute("href")!)
        .FirstOrDefault(h => Guid.TryParse(h.Split('/')[2], out _))
        ?? parser.ParseDocument(await http.GetStringAsync("/Children?Name=a")).QuerySelectorAll("a[href^='/Children/']")
            .Select(a => a.GetAttribute("href")!).First(h => h.Split('/').Length == 3 && Guid.TryParse(h.Split('/')[2], out _));
    var childId = childLink.Split('/')[2];
    var surname = options.Surname;

    var stylesheet = parser.ParseDocument(await http.GetStringAsync("/Account/Login")).QuerySelector("link[rel=stylesheet]")?.GetAttribute("href") ?? "/favicon.ico";
    var all = new List<Page>
    {
        new("static file (reference)", stylesheet, Anonymous: true),
        new("sign-in page (reference)", "/Account/Login", Anonymous: true),
        // What any signed-in page costs before its own work (the session's check against the account, the menu): the
        // most a page showing records could reach.
        new("signed-in start page (reference)", "/"),
        new("child's record", $"/Children/{childId}"),
        new("chronology", $"/Children/{childId}/Chronology"),
        new("My work", "/MyWork"),
        new("front-door queue", "/Referrals/Queue"),
        new("children search by name", $"/Children?Name={Uri.EscapeDataString(surname)}"),
        new("timescale breaches", "/MyWork/Breaches"),
        new("risk overview", "/RiskAssessment"),
        new("significant or serious risk list", "/RiskAssessment/Panel"),
        new("exploitation panel list", "/Panel"),
        new("panel removals register", "/Panel/Register"),
        new("panel figures", "/Panel/Counts"),
        new("case notes", $"/Children/{childId}/Notes"),
        new("return home interviews", "/Missing/ReturnHomeInterviews"),
        new("referrals", "/Referrals"),
        new("audit log", "/Audit"),
    };
    var wanted = options.Pages is null ? all : all.Where(p => p.Name.StartsWith("sign-in") || options.Pages.Any(n => p.Name.Contains(n, StringComparison.OrdinalIgnoreCase))).ToList();
    // A page this user may not open (403, 404) is left out rather than measured as a refusal; a failing page is
    // measured, so its errors show in the table.
    var usable = new List<Page>();
    foreach (var page in wanted)
    {
        using var response = await http.GetAsync(page.Path);
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            Console.Error.WriteLine($"  leaving out {page.Name} ({page.Path}): {(int)response.StatusCode}");
        else usable.Add(page);
    }
    return usable;
}

static async Task<Result> RunWrkAsync(Page page, int connections, int duration, string? cookieHeader, string script)
{
    var start = new ProcessStartInfo(Options.Wrk) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var a in new[] { "-t", Math.Min(2, connections).ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
        "-d", $"{duration}s", "--timeout", "20s", "-s", script })
        start.ArgumentList.Add(a);
    if (cookieHeader is { Length: > 0 })
    {
        start.ArgumentList.Add("-H");
        start.ArgumentList.Add("Cookie: " + cookieHeader);
    }
    start.ArgumentList.Add(new Uri(Options.Current.Url, page.Path).ToString());
    using var wrk = Process.Start(start)!;
    var output = await wrk.StandardOutput.ReadToEndAsync();
    await wrk.WaitForExitAsync();
    var json = output.Split('\n').LastOrDefault(l => l.StartsWith("{\"requests\"", StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"wrk gave no result for {page.Path}:\n{output}\n{await wrk.StandardError.ReadToEndAsync()}");
    var r = JsonDocument.Parse(json).RootElement;
    double Ms(string name) => r.GetProperty(name).GetDouble() / 1000.0;
    return new Result(page, connections, r.GetProperty("requests").GetInt64(), r.GetProperty("rps").GetDouble(), Ms("p50"), Ms("p95"), Ms("p99"), r.GetProperty("errors").GetInt64());
}

sealed record Page(string Name, string Path, bool Anonymous = false);

sealed record Result(Page Page, int Connections, long Requests, double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms, long Errors);

sealed record Options(Uri Url, int Duration, int[] Connections, string User, string Password, string Surname, string[]? Pages, int Warmup)
{
    public const string Wrk = "/usr/bin/wrk";
    public static Options Current { get; private set; } = null!;

    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        Current = new Options(
            new Uri(Value("--url") ?? "http://localhost:5080"),
            int.Parse(Value("--duration") ?? "10", CultureInfo.InvariantCulture),
            (Value("--connections") ?? "1,10,100").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray(),
            Value("--user") ?? "social.worker@beacon.test",
            Value("--password") ?? "Beacon-Demo-2026",
            Value("--surname") ?? "Smith",
            Value("--pages")?.Split(','),
            int.Parse(Value("--warmup") ?? "3", CultureInfo.InvariantCulture));
        return Current;
    }
}

public partial class Program
{
    // Non-2xx answers count as errors, as do socket errors and timeouts; latencies are in microseconds.
    private const string WrkScript = """
        done = function(summary, latency, requests)
          local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
          io.write(string.format('{"requests":%d,"rps":%.3f,"p50":%d,"p95":%d,"p99":%d,"errors":%d}\n',
            summary.requests, summary.requests / (summary.duration / 1e6),
            latency:percentile(50), latency:percentile(95), latency:percentile(99), errors))
        end
        """;
}
