using Beacon.Core.Actions;
using Beacon.Core.Panel;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Panel;

/// <summary>
/// The panel's figures for the board, with no child named: per meeting, children discussed and actions set, done on
/// time, done late and overdue; per month, children removed from the list by reason. Counted in the database.
/// </summary>
[Authorize(Policy = Policies.SeesPanelRegister)]
public sealed class CountsModel(BeaconDbContext db, TimeProvider clock) : PageModel
{
    public const int Meetings = 12;

    public sealed record MeetingCounts(Guid Id, DateTime StartsAtUtc, bool Quorate, int Discussed, int ActionsSet, int DoneOnTime, int DoneLate, int Overdue);
    public sealed record RemovalCounts(int Year, int Month, RemovalCategory Category, int Count);

    public IReadOnlyList<MeetingCounts> PerMeeting { get; private set; } = [];
    public IReadOnlyList<RemovalCounts> Removals { get; private set; } = [];
    public int OnListByChair { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        var today = Core.Timescales.UkTime.ToUkDate(clock.GetUtcNow().UtcDateTime);
        var areas = actor.AreaIds.ToList();
        var organisations = db.OrganisationAreas.Where(a => areas.Contains(a.AreaId)).Select(a => a.OrganisationId);
        var actions = db.Set<AgreedAction>().Where(a => a.Source == ActionSource.Panel);
        PerMeeting = await db.Set<PanelMeeting>().AsNoTracking()
            .Where(m => organisations.Contains(m.OrganisationId))
            .OrderByDescending(m => m.StartsAtUtc)
            .Select(m => new MeetingCounts(m.Id, m.StartsAtUtc,
                m.Attendees.Any(a => a.Agency == Core.Access.Agency.Police) && m.Attendees.Any(a => a.Agency == Core.Access.Agency.ChildrensSocialCare),
                m.Items.Count(i => i.RecordedAtUtc != null),
                actions.Count(a => a.PanelMeetingId == m.Id),
                actions.Count(a => a.PanelMeetingId == m.Id && a.DoneOn != null && a.DoneOn <= a.DueOn),
                actions.Count(a => a.PanelMeetingId == m.Id && a.DoneOn != null && a.DoneOn > a.DueOn),
                actions.Count(a => a.PanelMeetingId == m.Id && a.DoneOn == null && a.DueOn < today)))
            .Take(Meetings).ToListAsync(ct);
        // Removals by month and reason, for the children of the person's areas (counted, never named).
        var since = clock.GetUtcNow().UtcDateTime.AddMonths(-12);
        // Each listing's child looked up by its key (not the set of every child in the areas, which is a borough's worth).
        var children = db.Children;
        Removals = (await db.Set<PanelListing>().AsNoTracking()
                .Where(l => l.Status == ListingStatus.Removed && l.RemovedAtUtc >= since && children.Any(c => c.Id == l.ChildId && areas.Contains(c.ResponsibleAreaId)))
                .GroupBy(l => new { l.RemovedAtUtc!.Value.Year, l.RemovedAtUtc!.Value.Month, l.RemovalCategory })
                .Select(g => new { g.Key.Year, g.Key.Month, g.Key.RemovalCategory, Count = g.Count() })
                .ToListAsync(ct))
            .Select(r => new RemovalCounts(r.Year, r.Month, r.RemovalCategory!.Value, r.Count))
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Month).ThenBy(r => r.Category).ToList();
        OnListByChair = await db.Set<PanelListing>().CountAsync(l => l.Status != ListingStatus.Removed && l.Reason == ListingReason.AddedByChair
            && children.Any(c => c.Id == l.ChildId && areas.Contains(c.ResponsibleAreaId)), ct);
    }
}
