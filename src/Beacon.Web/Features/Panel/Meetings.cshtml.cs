using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.Panel;
using Beacon.Web.Features.Missing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Panel;

/// <summary>The panel's meetings in the areas the person works in; the chair schedules the next one.</summary>
[Authorize(Policy = Policies.Practitioner)]
public sealed class MeetingsModel(BeaconDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, DateTime StartsAtUtc, string Location, int Items, int Discussed, bool AttendanceTaken, bool Police, bool SocialCare);

    [BindProperty] public MomentInput When { get; set; } = new();
    [BindProperty] public string? Location { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool IsChair { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var actor = User.ToActor();
        if (!Capabilities.IsPanelChair(actor)) return Forbid();
        var now = clock.GetUtcNow().UtcDateTime;
        // A meeting is in the future: read the moment without MomentInput's "not in the future" rule.
        if (When.TryRead(ModelState, nameof(When), "of the meeting", DateTime.MaxValue, out var startsAt))
        {
            try
            {
                var meeting = PanelMeeting.Schedule(actor.OrganisationId, startsAt, Location, actor.UserId, now);
                db.Add(meeting);
                await db.SaveChangesAsync(ct);
                TempData["Saved"] = $"Meeting scheduled for {UkDisplay.When(meeting.StartsAtUtc)}";
                return Redirect($"/Panel/Meetings/{meeting.Id}");
            }
            catch (DomainRuleViolation rule)
            {
                ModelState.AddModelError(rule.Field == nameof(PanelMeeting.Location) ? nameof(Location) : $"{nameof(When)}.Date", rule.Message);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        IsChair = Capabilities.IsPanelChair(actor);
        var areas = actor.AreaIds.ToList();
        var organisations = db.OrganisationAreas.Where(a => areas.Contains(a.AreaId)).Select(a => a.OrganisationId);
        Rows = await db.Set<PanelMeeting>().AsNoTracking()
            .Where(m => organisations.Contains(m.OrganisationId))
            .OrderByDescending(m => m.StartsAtUtc)
            .Select(m => new Row(m.Id, m.StartsAtUtc, m.Location, m.Items.Count, m.Items.Count(i => i.RecordedAtUtc != null), m.AttendanceTakenAtUtc != null,
                m.Attendees.Any(a => a.Agency == Agency.Police), m.Attendees.Any(a => a.Agency == Agency.ChildrensSocialCare)))
            .Take(50).ToListAsync(ct);
    }
}
