using Beacon.Core.Access;
using Beacon.Core.Notifications;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Email;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace Beacon.Web.Features.MyWork;

/// <summary>Beacon:Notifications: how often work lists are checked for new items, and where emails send people.</summary>
public sealed class WorkItemAlertOptions
{
    public const string Section = "Beacon:Notifications";
    /// <summary>Minutes between checks of everyone's work list; 0 turns the background check off (run `notify` from cron instead).</summary>
    public int CheckMinutes { get; set; } = 5;
    /// <summary>Email people about new work (through the same sender as account emails). No child's details are ever put in an email.</summary>
    public bool Email { get; set; } = true;
    /// <summary>Beacon's address as people reach it (e.g. https://beacon.example.gov.uk), for the link in emails.</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>
/// Tells people when new work reaches their work list: for each account, the lists of <see cref="WaitingForYou"/>
/// are counted as the person would see them, compared with the counts last time (<see cref="WorkListChanges"/>),
/// and growth becomes an alert in Beacon and, when on, one email. Approvals others ask for, clocks that go
/// overdue while nobody acts: all reach the person the same way, without every page that creates work having to
/// remember to tell someone.
/// </summary>
public sealed class WorkItemAlerts(BeaconDbContext db, AccountActors actors, WaitingForYou waiting, IBeaconEmail email,
    IOptionsMonitor<WorkItemAlertOptions> options, TimeProvider clock, ILogger<WorkItemAlerts> logger)
{
    /// <summary>Stored for an account once it has been looked at, so a first look only remembers the counts.</summary>
    public const string Looked = "(looked)";

    public const int Shown = 20;

    /// <summary>Checks every active account once; returns how many alerts were raised.</summary>
    public async Task<int> CheckEveryoneAsync(CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().Where(u => !u.IsDisabled).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        var raised = 0;
        foreach (var id in accounts)
        {
            try
            {
                raised += await CheckAsync(id, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One account's problem must not stop everyone else being told.
                logger.LogError(e, "Checking the work list of account {UserId} for new items failed", id);
            }
            db.ChangeTracker.Clear();
        }
        return raised;
    }

    /// <summary>Checks one account's work list; returns how many alerts were raised.</summary>
    public async Task<int> CheckAsync(string userId, CancellationToken ct)
    {
        var actor = await actors.ActorAsync(userId, ct);
        // Practitioners, and board members for the board's escalations (reports unacknowledged, recommendations overdue).
        if (actor is null || !(actor.IsPractitioner || Capabilities.IsPanelChair(actor) || Core.Reports.ReportAccess.MayManage(actor))) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var groups = await waiting.ForAsync(actor, ct);
        var stored = await db.Set<WorkListCount>().Where(c => c.UserId == userId).ToListAsync(ct);
        var previous = stored.Count == 0 ? null : stored.ToDictionary(c => c.Kind, c => c.Count);
        var growth = WorkListChanges.Growth(previous, groups.Select(g => new WorkListChanges.Current(g.Id, g.Title, g.Count, g.AllLink ?? "/MyWork")));

        // Remember today's counts: every list shown, the ones now empty, and that the account has been looked at.
        var counts = groups.ToDictionary(g => g.Id, g => g.Count);
        counts[Looked] = 0;
        foreach (var row in stored.Where(r => !counts.ContainsKey(r.Kind))) { row.Count = 0; row.CheckedAtUtc = now; }
        foreach (var (kind, count) in counts)
        {
            var row = stored.SingleOrDefault(r => r.Kind == kind);
            if (row is null) db.Add(new WorkListCount { UserId = userId, Kind = kind, Count = count, CheckedAtUtc = now });
            else { row.Count = count; row.CheckedAtUtc = now; }
        }
        foreach (var g in growth) db.Add(WorkItemAlert.For(userId, g, now));
        await db.SaveChangesAsync(ct);

        if (growth.Count > 0 && options.CurrentValue.Email)
        {
            var address = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct);
            if (!string.IsNullOrWhiteSpace(address)) await email.SendAsync(address, "New work is waiting for you in Beacon", EmailBody(growth, actor.IsPractitioner), ct);
        }
        return growth.Count;
    }

    /// <summary>
    /// What the email says: how much, of what kind, and where. Never a child's name or details: email leaves Beacon.
    /// Practitioners are sent to My work; others (the board, for its escalations) to the page that lists the new item,
    /// since My work is not theirs to open.
    /// </summary>
    public string EmailBody(IReadOnlyList<WorkListGrowth> growth, bool worksFromMyWork)
    {
        var page = worksFromMyWork ? "/MyWork" : growth[0].Link;
        var where = options.CurrentValue.PublicUrl is { Length: > 0 } url ? $"{url.TrimEnd('/')}{page}"
            : worksFromMyWork ? "My work in Beacon" : $"{page} in Beacon";
        return "New work is waiting for you:\n\n" + string.Join("\n", growth.Select(g => $"- {g.Describe()}")) +
               $"\n\nSign in to see it: {where}\n\nThis email does not name any child. Do not reply to it.";
    }

    public sealed record Item(Guid Id, string Message, string Link, DateTime CreatedAtUtc);

    public async Task<IReadOnlyList<Item>> UnseenAsync(string userId, CancellationToken ct) =>
        await db.Set<WorkItemAlert>().AsNoTracking().Where(a => a.UserId == userId && a.SeenAtUtc == null)
            .OrderByDescending(a => a.CreatedAtUtc).Take(Shown)
            .Select(a => new Item(a.Id, a.Message, a.Link, a.CreatedAtUtc)).ToListAsync(ct);

    public Task<int> UnseenCountAsync(string userId, CancellationToken ct) => UnseenCount.For(db)(db, userId, ct);

    // Compiled: every page's menu asks it.
    private static readonly CompiledQuery<Func<BeaconDbContext, string, CancellationToken, Task<int>>> UnseenCount = new(() => EF.CompileAsyncQuery(
        (BeaconDbContext db, string userId, CancellationToken ct) => db.Set<WorkItemAlert>().Count(a => a.UserId == userId && a.SeenAtUtc == null)));

    /// <summary>Marks one of the person's own alerts seen; false if there is no such alert of theirs.</summary>
    public async Task<bool> MarkSeenAsync(string userId, Guid id, CancellationToken ct)
    {
        var alert = await db.Set<WorkItemAlert>().SingleOrDefaultAsync(a => a.Id == id && a.UserId == userId, ct);
        if (alert is null) return false;
        alert.MarkSeen(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }
}

/// <summary>Checks everyone's work list every <see cref="WorkItemAlertOptions.CheckMinutes"/> while Beacon runs.</summary>
public sealed class WorkItemAlertService(IServiceScopeFactory scopes, IOptions<WorkItemAlertOptions> options, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<WorkItemAlertService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.CheckMinutes <= 0)
        {
            logger.LogInformation("Background work-list checks are off (Beacon:Notifications:CheckMinutes is 0); run `notify` to tell people of new work.");
            return;
        }
        // Wait until the database has been initialised and the app has started.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled()))
            try { await started.Task; } catch (TaskCanceledException) { return; }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.CheckMinutes), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var raised = await scope.ServiceProvider.GetRequiredService<WorkItemAlerts>().CheckEveryoneAsync(stoppingToken);
                if (raised > 0) logger.LogInformation("Told people of new work: {Alerts} alerts", raised);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                logger.LogError(e, "Checking work lists for new items failed; trying again at the next tick");
            }
        } while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }
}

internal sealed class WorkItemAlertConfiguration : IEntityTypeConfiguration<WorkItemAlert>
{
    public void Configure(EntityTypeBuilder<WorkItemAlert> alert)
    {
        alert.ToTable("WorkItemAlerts");
        alert.HasKey(a => a.Id);
        alert.Property(a => a.Id).ValueGeneratedNever();
        alert.Property(a => a.UserId).HasMaxLength(450);
        alert.Property(a => a.Kind).HasMaxLength(WorkItemAlert.KindMaxLength);
        alert.Property(a => a.Message).HasMaxLength(WorkItemAlert.MessageMaxLength);
        alert.Property(a => a.Link).HasMaxLength(WorkItemAlert.LinkMaxLength);
        // The person's unseen alerts, newest first (My work, and the count beside it in the menu).
        alert.HasIndex(a => new { a.UserId, a.SeenAtUtc, a.CreatedAtUtc });
    }
}

internal sealed class WorkListCountConfiguration : IEntityTypeConfiguration<WorkListCount>
{
    public void Configure(EntityTypeBuilder<WorkListCount> count)
    {
        count.ToTable("WorkListCounts");
        count.HasKey(c => new { c.UserId, c.Kind });
        count.Property(c => c.UserId).HasMaxLength(450);
        count.Property(c => c.Kind).HasMaxLength(WorkItemAlert.KindMaxLength);
    }
}
