using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Beacon.Web.Tests.Browser;

/// <summary>
/// One Beacon on a real Kestrel port and one headless Debian Chromium, shared by the tests of a class.
/// Each test opens its own browser context (its own cookies), so people never share a session.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "BEACON_TEST_CHROMIUM";
    /// <summary>Set to a folder to keep a full-page screenshot of every page the accessibility tests check.</summary>
    public const string ScreenshotsVariable = "BEACON_TEST_SCREENSHOTS";

    private BeaconFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BeaconFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not started");
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Fixture not started");
    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable);
        if (string.IsNullOrWhiteSpace(chromium)) chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium not found at {chromium}: run the tests through ./test.sh (it installs Debian's chromium), or set {ChromiumVariable}.");

        _factory = await BeaconFactory.StartAsync(DatabaseProvider.Sqlite, kestrel: true);
        BaseUrl = _factory.ServerAddress.TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // The closed network refuses Google's hosts: keep Chromium from trying to reach them.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        Assertions.SetDefaultExpectTimeout(10_000);
    }

    /// <summary>
    /// A fresh browser (own cookies) on Beacon. <paramref name="bypassCsp"/> is only for injecting axe-core:
    /// journeys run under Beacon's real Content-Security-Policy so a violation would show as a console error.
    /// </summary>
    public async Task<BrowserSession> NewSessionAsync(bool javaScript = true, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            JavaScriptEnabled = javaScript,
            BypassCSP = bypassCsp,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page);
    }

    /// <summary>A browser in which <paramref name="email"/> has signed in through the sign-in page.</summary>
    public async Task<BrowserSession> SignedInAsync(string email, bool javaScript = true, bool bypassCsp = false)
    {
        var session = await NewSessionAsync(javaScript, bypassCsp);
        await session.SignInAsync(email);
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
    }
}

/// <summary>One person's browser: a context with a page, noting any script error or console error it shows.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _problems = [];

    public BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) => { if (message.Type == "error") lock (_problems) _problems.Add($"console: {message.Text} ({page.Url})"); };
        page.PageError += (_, error) => { lock (_problems) _problems.Add($"script error: {error} ({page.Url})"); };
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    /// <summary>Console errors and uncaught script errors so far (a CSP refusal shows up here).</summary>
    public IReadOnlyList<string> Problems { get { lock (_problems) return [.. _problems]; } }

    /// <summary>
    /// Console errors other than the expected 403/404 resource messages Chromium prints when a test
    /// deliberately opens a refused or missing page.
    /// </summary>
    public IReadOnlyList<string> UnexpectedProblems =>
        Problems.Where(p => !p.Contains("Failed to load resource: the server responded with a status of 40", StringComparison.Ordinal)).ToList();

    public async Task SignInAsync(string email, string password = DemoData.Password)
    {
        await Page.GotoAsync("/");
        // Signed-out people land on the sign-in page.
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Beacon" })).ToBeVisibleAsync();
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>The name Beacon shows for the signed-in person ("Signed in as ...").</summary>
    public async Task<string> SignedInNameAsync() =>
        (await Page.Locator("form[action='/Account/Logout'] strong").First.InnerTextAsync()).Trim();

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
