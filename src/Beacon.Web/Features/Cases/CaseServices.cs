using Beacon.Core.Access;
using Beacon.Core.Timescales;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Beacon.Web.Features.Cases;

/// <summary>Referrals, cases and my work: the services their pages share.</summary>
public static class CaseServices
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(StatutoryTimescales.EnglandAndWales);
        services.AddScoped<Infrastructure.Data.IReadModelProjector, Timescales.StatutoryClockProjector>();
        services.AddScoped<CaseRecords>();
        services.AddScoped<Referrals.LikelyDuplicates>();
        services.AddScoped<MyWork.Workload>();
        services.AddScoped<MyWork.Notifications>();
        services.AddScoped<MyWork.WaitingForYou>();
        services.AddScoped<Actions.AgreedActions>();
        services.AddOptions<MyWork.WorkItemAlertOptions>().BindConfiguration(MyWork.WorkItemAlertOptions.Section);
        services.AddScoped<MyWork.WorkItemAlerts>();
        services.AddHostedService<MyWork.WorkItemAlertService>();
    }
}

/// <summary>
/// Dates and times as people type them (England's wall clock) and as Beacon stores them (UTC).
/// </summary>
public static class UkClock
{
    /// <summary>England's local date and time to UTC (the hour skipped in spring reads as the hour after).</summary>
    public static DateTime ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var asIfWinter = DateTime.SpecifyKind(local, DateTimeKind.Utc);
        var summer = DateTime.SpecifyKind(local.AddHours(-1), DateTimeKind.Utc);
        return UkTime.IsBritishSummerTime(summer) ? summer : asIfWinter;
    }

    /// <summary>Reads "14:30" or "9:05" (24-hour clock).</summary>
    public static bool TryReadTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact((text ?? "").Trim(), ["H:mm", "HH:mm"], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out time);

    public static string Show(DateTime utc) => UkTime.ToUkLocal(utc).ToString("d MMM yyyy, HH:mm");
}

/// <summary>Display names for user ids, in one query.</summary>
public static class UserNames
{
    public static async Task<IReadOnlyDictionary<string, string>> ForAsync(BeaconDbContext db, IEnumerable<string?> ids, CancellationToken ct)
    {
        var wanted = ids.Where(i => !string.IsNullOrEmpty(i)).Select(i => i!).Distinct().ToList();
        if (wanted.Count == 0) return new Dictionary<string, string>();
        return await db.Users.Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    public static string Name(this IReadOnlyDictionary<string, string> names, string? id) =>
        id is null ? "" : names.TryGetValue(id, out var name) ? name : "Unknown user";
}
