using Microsoft.AspNetCore.DataProtection;
using Beacon.Core.Access;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Email;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Beacon.Web;

/// <summary>How Beacon is put together. Program.cs, the CLI and the tests all build the app through here.</summary>
public static class BeaconApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // No "Server: Kestrel" header: nothing about the stack is told to strangers.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        // Port 5080 unless --urls or ASPNETCORE_URLS says otherwise (set here, not in appsettings.json, where it
        // would override ASPNETCORE_URLS).
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls("http://localhost:5080");
        configure?.Invoke(builder);
        AddServices(builder.Services, builder.Configuration, builder.Environment.ContentRootPath);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, HttpCurrentActor>();
        services.AddBeaconDatabase(contentRoot);
        // Keys live in the database, so every web instance behind a load balancer reads the others' cookies and forms.
        services.AddDataProtection().SetApplicationName("Beacon").PersistKeysToDbContext<BeaconDbContext>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton<AuditAppender>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditAppender>());
        services.AddScoped<Infrastructure.Web.StoredFileDownload>();
        services.AddAuditCheckpoints();
        services.AddScoped<DatabaseSetup>();
        services.AddScoped<DemoData>();
        services.AddScoped<Features.Children.ChildRecords>();
        services.AddScoped<Features.Children.ChildOrganisations>();
        services.AddScoped<IReadModelProjector, Features.Children.ChildNameIndexProjector>();
        services.AddScoped<IReadModelProjector, Features.Children.ChildSortNameProjector>();
        services.AddScoped<IReadModelProjector, Features.Children.OutsideAreaInvolvementProjector>();
        services.AddScoped<AccountActors>();
        services.AddScoped<Features.Missing.MissingEpisodeRecords>();
        services.AddScoped<Features.CaseNotes.CaseNoteRecords>();
        services.AddScoped<Features.Account.PasswordEmails>();
        services.AddScoped<Features.Admin.Accounts.AccountAdministration>();
        services.AddBeaconEmail(configuration);
        Features.Chronology.ChronologyServices.Add(services);
        Features.Children.ChildRecordServices.Add(services);
        Features.Cases.CaseServices.Add(services);
        Features.Panel.PanelServices.Add(services);
        Features.Reports.ReportServices.Add(services);
        services.AddScoped<Features.ScaleEstimation.ScaleEstimations>();
        Features.Concerns.ConcernServices.Add(services, configuration);
        Features.RiskAssessment.RiskAssessmentServices.Add(services, configuration);
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));

        services.AddIdentity<BeaconUser, IdentityRole>(options =>
            {
                // Length beats complexity (NCSC guidance), but a digit and mixed case keep out the commonest choices.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.Name;
            })
            .AddEntityFrameworkStores<BeaconDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.Name)
            .AddSignInManager<BeaconSignInManager>()
            .AddErrorDescriber<BeaconIdentityErrors>()
            .AddClaimsPrincipalFactory<BeaconClaimsPrincipalFactory>();
        // Emailed set-password and reset links (Identity's default token provider) work for a day, once.
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromHours(24));
        // Every request checks the cookie's security stamp against the account, so disabling an account, changing
        // its roles or its password ends its other sessions at once (SessionStampValidator: one small compiled query
        // per request). The interval is for Identity's own validator of the two-factor sign-in cookie.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.AddScoped<ISecurityStampValidator, SessionStampValidator>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            
            options.Cookie.Name = "beacon";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            SessionSecurity.ConfigureCookie(options);
            // A signed-in person refused a page gets a real 403 and the "no access" page, not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddSingleton<SignInThrottle>();
        Infrastructure.Web.RequestLimits.Add(services, configuration);

        services.AddAuthorization(options =>
        {
            // Nothing is open unless a page says so: a forgotten attribute fails closed.
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            // Every named policy is one rule from Beacon.Core's Capabilities, read from the person's organisation and roles.
            foreach (var (name, rule) in Policies.Rules)
                options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireAssertion(context => rule(context.User.ToActor())));
        });
        services.AddSingleton<IAuthorizationHandler, ChildAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, ReferralAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, CaseAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, RiskAssessmentAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, MissingEpisodeAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, CaseNoteAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, AgreedActionAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, PanelAuthorizationHandler>();

        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";
            options.Conventions.AllowAnonymousToPage("/Account/Login");
            options.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
            options.Conventions.AllowAnonymousToPage("/Account/LoginWithRecoveryCode");
            options.Conventions.AllowAnonymousToPage("/Account/ForgotPassword");
            options.Conventions.AllowAnonymousToPage("/Account/ResetPassword");
            // Every administration page, whatever its own attribute says.
            options.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.ConfigureFilter(new Infrastructure.Web.UnknownHandlerFilter());
            options.Conventions.ConfigureFilter(new Infrastructure.Web.UnofferedValueFilter());
        }).AddMvcOptions(options => Infrastructure.Web.UnofferedValueFilter.Use(options.ModelBindingMessageProvider));
    }

    private static void UsePipeline(WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.Use(SecurityHeaders);
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRequestTimeouts();
        app.UseAuthentication();
        app.UseMiddleware<TwoFactorRequirement>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapRazorPages();
    }

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Frame-Options"] = "DENY";
        headers["Content-Security-Policy"] =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";
        // Children's records must not linger in shared browser caches. Static files are the same for everyone: a
        // file named with its content hash (asp-append-version) never changes, so it is cached for a year; other
        // static files (fonts, images the stylesheet names) for an hour.
        // Records say exactly what antiforgery would (no-cache, no-store; Pragma no-cache), so a page with a form
        // is not logged as having its cache headers overridden, once per request.
        var path = context.Request.Path;
        var isStatic = path.StartsWithSegments("/lib") || path.StartsWithSegments("/js");
        headers.CacheControl = !isStatic ? "no-cache, no-store"
            : context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable"
            : "public, max-age=3600";
        if (!isStatic) headers.Pragma = "no-cache";
        return next();
    }
}

/// <summary>Named policies for pages: <c>[Authorize(Policy = Policies.SocialCare)]</c>. Never role strings on pages.</summary>
public static class Policies
{
    public const string Practitioner = nameof(Practitioner);
    /// <summary>Lists of children's records: practitioners and the board's auditors.</summary>
    public const string SeesChildRecords = nameof(SeesChildRecords);
    public const string Auditor = nameof(Auditor);
    public const string Administrator = nameof(Administrator);
    /// <summary>Social workers and team managers in a local authority's Children's Social Care.</summary>
    public const string SocialCare = nameof(SocialCare);
    /// <summary>Any team manager (approving lowered risk levels).</summary>
    public const string TeamManager = nameof(TeamManager);
    /// <summary>Statutory timescale breaches.</summary>
    public const string SeesTimescaleBreaches = nameof(SeesTimescaleBreaches);
    /// <summary>Return home interviews still to do.</summary>
    public const string FollowsUpReturnHomeInterviews = nameof(FollowsUpReturnHomeInterviews);
    /// <summary>The panel's removals register: the panel and the board (and its auditors) who hold it to account.</summary>
    public const string SeesPanelRegister = nameof(SeesPanelRegister);
    public const string PanelChair = nameof(PanelChair);

    internal static readonly IReadOnlyList<(string Name, Func<Actor, bool> Rule)> Rules =
    [
        (Practitioner, Capabilities.IsPractitioner),
        (SeesChildRecords, Capabilities.SeesChildRecords),
        (Auditor, Capabilities.IsAuditor),
        (Administrator, Capabilities.IsAdministrator),
        (SocialCare, Capabilities.IsSocialCare),
        (TeamManager, Capabilities.IsTeamManager),
        (SeesTimescaleBreaches, Capabilities.SeesTimescaleBreaches),
        (FollowsUpReturnHomeInterviews, Capabilities.FollowsUpReturnHomeInterviews),
        (SeesPanelRegister, Capabilities.SeesPanelRegister),
        (PanelChair, Capabilities.IsPanelChair),
    ];
}

public sealed class SecurityOptions
{
    public const string Section = "Beacon:Security";
    /// <summary>When true, every account must turn on two-factor sign-in before it can use Beacon.</summary>
    public bool RequireTwoFactor { get; set; }
    /// <summary>However active, a session ends this many hours after signing in.</summary>
    public int AbsoluteSessionHours { get; set; } = 12;
    /// <summary>Failed sign-in and two-factor attempts, and password-reset requests, allowed from one address per 15 minutes.</summary>
    public int FailedSignInsPerQuarterHour { get; set; } = 20;
}
