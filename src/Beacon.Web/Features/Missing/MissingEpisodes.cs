using Microsoft.AspNetCore.Authorization;
using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Beacon.Core.Access;
using Beacon.Core.Children;
using Beacon.Core.Missing;
using Beacon.Core.Timescales;
using Beacon.Web.Features.Children;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Missing;

/// <summary>
/// Loads a child's missing episodes, checked on the server through <see cref="ChildRecords"/>: an episode is
/// only ever reached through a child the person may see (or change), and an episode of another child is "not found".
/// </summary>
public sealed class MissingEpisodeRecords(ChildRecords records, BeaconDbContext db, IAuthorizationService authorization, TimeProvider clock)
{
    public StatutoryTimescales Timescales => StatutoryTimescales.EnglandAndWales;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<(Child? Child, MissingEpisode? Episode, IActionResult? Refusal)> LoadAsync(
        Guid childId, Guid episodeId, ClaimsPrincipal user, OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var (child, refusal) = await records.LoadAsync(childId, user, ChildOperations.View, ct);
        if (refusal is not null) return (null, null, refusal);
        var episode = await db.MissingEpisodes.SingleOrDefaultAsync(e => e.Id == episodeId && e.ChildId == childId, ct);
        if (episode is null) return (null, null, new NotFoundResult());
        return await MayAsync(user, child!, episode, operation) ? (child, episode, null) : (null, null, new ForbidResult());
    }

    /// <summary>May the user do this to the child's missing episode (null: a new report)?</summary>
    public async Task<bool> MayAsync(ClaimsPrincipal user, Child child, MissingEpisode? episode, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(user, new OnChild<MissingEpisode?>(child, episode), operation)).Succeeded;

    public Task<List<MissingEpisode>> ForChildAsync(Guid childId, CancellationToken ct) =>
        db.MissingEpisodes.AsNoTracking().Where(e => e.ChildId == childId).OrderByDescending(e => e.ReportedMissingAtUtc).ToListAsync(ct);

    public MissingPicture Picture(IReadOnlyList<MissingEpisode> episodes) => MissingPicture.Of(episodes, Timescales, Now);
}

/// <summary>What a practitioner needs to see at once about a child's missing episodes, worked out by the domain rules.</summary>
public sealed record MissingPicture(
    IReadOnlyList<MissingPicture.Row> Episodes,
    bool IsRepeatedlyMissing,
    IReadOnlyList<DateTime>? QualifyingRun,
    MissingEpisode? CurrentlyMissing,
    int EpisodesInLast90Days)
{
    public sealed record Row(MissingEpisode Episode, TimescaleOutcome? Interview);

    public IEnumerable<Row> InterviewsOutstanding => Episodes.Where(r => r.Interview is { IsOutstanding: true });

    public static MissingPicture Of(IReadOnlyList<MissingEpisode> episodes, StatutoryTimescales timescales, DateTime nowUtc)
    {
        var starts = episodes.Select(e => e.ReportedMissingAtUtc).ToList();
        var run = RepeatedlyMissing.FirstQualifyingRun(starts);
        return new MissingPicture(
            episodes.OrderByDescending(e => e.ReportedMissingAtUtc).Select(e => new Row(e, e.ReturnHomeInterviewTimescale(timescales, nowUtc))).ToList(),
            run is not null,
            run,
            episodes.Where(e => e.IsStillMissing).MaxBy(e => e.ReportedMissingAtUtc),
            starts.Count(s => nowUtc - s < RepeatedlyMissing.Window));
    }
}

/// <summary>
/// A moment typed as a GOV.UK date plus a 24-hour time, read as the time on the wall in England (what the
/// practitioner was told) and stored in UTC. A time in the future is refused: these are things that happened.
/// </summary>
public sealed partial class MomentInput
{
    public DateInput Date { get; set; } = new();
    public string? Time { get; set; }

    public static MomentInput From(DateTime utc)
    {
        var local = UkTime.ToUkLocal(utc);
        return new() { Date = DateInput.From(DateOnly.FromDateTime(local)), Time = local.ToString("HH:mm", CultureInfo.InvariantCulture) };
    }

    /// <summary>Reads the moment; problems go into ModelState beside the date or the time.</summary>
    public bool TryRead(ModelStateDictionary modelState, string prefix, string label, DateTime nowUtc, out DateTime utc)
    {
        utc = default;
        var ok = true;
        if (!Date.TryRead($"date {label}", out var date, out var dateError))
        {
            modelState.AddModelError($"{prefix}.Date", dateError);
            ok = false;
        }
        var match = TimePattern().Match(Time ?? "");
        if (string.IsNullOrWhiteSpace(Time))
        {
            modelState.AddModelError($"{prefix}.Time", $"Enter the time {label}");
            ok = false;
        }
        else if (!match.Success || int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) > 23 || int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) > 59)
        {
            modelState.AddModelError($"{prefix}.Time", "Enter the time on the 24-hour clock, for example 14:30");
            ok = false;
        }
        if (!ok) return false;
        var local = date.ToDateTime(new TimeOnly(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)));
        utc = FromUkLocal(local);
        if (utc > nowUtc)
        {
            modelState.AddModelError($"{prefix}.Date", $"The date and time {label} cannot be in the future");
            return false;
        }
        return true;
    }

    /// <summary>The inverse of <see cref="UkTime.ToUkLocal"/>; in the hour the clocks go back, the earlier (BST) instant.</summary>
    public static DateTime FromUkLocal(DateTime local)
    {
        var ifSummer = DateTime.SpecifyKind(local.AddHours(-1), DateTimeKind.Utc);
        if (UkTime.IsBritishSummerTime(ifSummer) && UkTime.ToUkLocal(ifSummer) == DateTime.SpecifyKind(local, DateTimeKind.Utc)) return ifSummer;
        return DateTime.SpecifyKind(local, DateTimeKind.Utc);
    }

    [GeneratedRegex(@"^\s*(\d{1,2})[:.]?(\d{2})\s*$")]
    private static partial Regex TimePattern();
}

public static class UkDisplay
{
    /// <summary>A UTC instant as the time in England, e.g. "3 Mar 2026, 14:30".</summary>
    public static string When(DateTime utc) => UkTime.ToUkLocal(utc).ToString("d MMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>The day in England of a UTC instant, e.g. "3 March 2026".</summary>
    public static string Day(DateTime utc) => UkTime.ToUkDate(utc).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>The tag colour GOV.UK uses for each state of a timescale.</summary>
    public static string TagClass(TimescaleOutcome outcome) => outcome.State switch
    {
        TimescaleState.Overdue => "govuk-tag govuk-tag--red",
        TimescaleState.MetLate => "govuk-tag govuk-tag--orange",
        TimescaleState.MetOnTime => "govuk-tag govuk-tag--green",
        _ => "govuk-tag govuk-tag--yellow",
    };

    public static string Hours(TimeSpan span)
    {
        var hours = (int)Math.Round(span.TotalHours);
        return span.TotalHours < 1 ? "under an hour" : hours == 1 ? "1 hour" : hours < 72 ? $"{hours} hours" : $"{(int)Math.Round(span.TotalDays)} days";
    }
}
