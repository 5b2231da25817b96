using Beacon.Core.Access;
using Beacon.Core.Actions;
using Beacon.Core.Panel;
using Beacon.Core.Timescales;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Panel;

/// <summary>
/// The panel's figures for the board, with no child named: per meeting, children discussed and actions set, done on
/// time, done late and overdue; per month, children removed from the list by reason. Counted in the database, over
/// the meetings and children of the person's areas.
/// </summary>
public sealed class PanelFigures(BeaconDbContext db, TimeProvider clock)
{
    public const int Meetings = 12;

    public sealed record MeetingCounts(Guid Id, DateTime StartsAtUtc, bool Quorate, int Discussed, int ActionsSet, int DoneOnTime, int DoneLate, int Overdue);
    public sealed record RemovalCounts(int Year, int Month, RemovalCategory Category, int Count);
    public sealed record Figures(IReadOnlyList<MeetingCounts> PerMeeting, IReadOnlyList<RemovalCounts> Removals, int OnListByChair);

    public async Task<Figures> ForAsync(Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkTime.ToUkDate(now);
        var areas = actor.AreaIds.ToList();
        var organisations = db.OrganisationAreas.Where(a => areas.Contains(a.AreaId)).Select(a => a.OrganisationId);
        var actions = db.Set<AgreedAction>().Where(a => a.Source == ActionSource.Panel);
        // The last meetings are chosen first, so the counts are worked out for those alone (a sorted select would count
        // every meeting of five years before keeping twelve).
        var latest = db.Set<PanelMeeting>().Where(m => organisations.Contains(m.OrganisationId))
            .OrderByDescending(m => m.StartsAtUtc).Select(m => m.Id).Take(Meetings);
        var perMeeting = await db.Set<PanelMeeting>().AsNoTracking()
            .Where(m => latest.Contains(m.Id))
            .OrderByDescending(m => m.StartsAtUtc)
            .Select(m => new MeetingCounts(m.Id, m.StartsAtUtc,
                m.Attendees.Any(a => a.Agency == Agency.Police) && m.Attendees.Any(a => a.Agency == Agency.ChildrensSocialCare),
                m.Items.Count(i => i.RecordedAtUtc != null),
                actions.Count(a => a.PanelMeetingId == m.Id),
                actions.Count(a => a.PanelMeetingId == m.Id && a.DoneOn != null && a.DoneOn <= a.DueOn),
                actions.Count(a => a.PanelMeetingId == m.Id && a.DoneOn != null && a.DoneOn > a.DueOn),
                actions.Count(a => a.PanelMeetingId == m.Id && a.DoneOn == null && a.DueOn < today)))
            .ToListAsync(ct);
        // Each listing's child looked up by its key (not the set of every child in the areas, which is a borough's worth).
        var since = now.AddMonths(-12);
        var children = db.Children;
        var removals = (await db.Set<PanelListing>().AsNoTracking()
                .Where(l => l.Status == ListingStatus.Removed && l.RemovedAtUtc >= since && children.Any(c => c.Id == l.ChildId && areas.Contains(c.ResponsibleAreaId)))
                .GroupBy(l => new { l.RemovedAtUtc!.Value.Year, l.RemovedAtUtc!.Value.Month, l.RemovalCategory })
                .Select(g => new { g.Key.Year, g.Key.Month, g.Key.RemovalCategory, Count = g.Count() })
                .ToListAsync(ct))
            .Select(r => new RemovalCounts(r.Year, r.Month, r.RemovalCategory!.Value, r.Count))
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Month).ThenBy(r => r.Category).ToList();
        var byChair = await db.Set<PanelListing>().CountAsync(l => l.Status != ListingStatus.Removed && l.Reason == ListingReason.AddedByChair
            && children.Any(c => c.Id == l.ChildId && areas.Contains(c.ResponsibleAreaId)), ct);
        return new(perMeeting, removals, byChair);
    }

    /// <summary>The meetings' figures over time, oldest first, for the page and the board's PDF.</summary>
    public static ReportChart Chart(IReadOnlyList<MeetingCounts> perMeeting)
    {
        var meetings = perMeeting.OrderBy(m => m.StartsAtUtc).ToList();
        return new ReportChart("Panel meetings: children and actions",
            meetings.Select(m => UkTime.ToUkDate(m.StartsAtUtc).ToString("d MMM yy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))).ToList(),
            [
                new("Children discussed", meetings.Select(m => (double)m.Discussed).ToList()),
                new("Actions set", meetings.Select(m => (double)m.ActionsSet).ToList()),
                new("Done on time", meetings.Select(m => (double)m.DoneOnTime).ToList()),
                new("Overdue now", meetings.Select(m => (double)m.Overdue).ToList()),
            ]);
    }
}
