using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.Panel;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Panel;

/// <summary>
/// One panel meeting: its agenda (built from the list, reordered and added to by the chair), the attendance by
/// agency that decides whether it is quorate, and each child's discussion. The chair and the panel's members see
/// every child on the agenda, with their risk level and what the panel recorded; others see only the children their
/// own work lets them see. Each child named is audited as viewed.
/// </summary>
[Authorize(Policy = Policies.Practitioner)]
public sealed class MeetingModel(PanelMeetings meetings, PanelLists lists, PanelMembers members, AuditTrail audit, BeaconDbContext db, TimeProvider clock) : PageModel
{
    public const int AttendeeRows = 8;

    public sealed record ItemView(Guid Id, Guid ChildId, string? ChildName, bool MayOpenRecord, Core.RiskAssessment.ExploitationRiskLevel? Level,
        AgendaReason Reason, string? Discussion, string? Decisions, int Actions);
    public sealed class AttendeeInput { public string? Name { get; set; } public Agency? Agency { get; set; } }

    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public List<AttendeeInput> Attendees { get; set; } = [];
    [BindProperty] public Guid? AddChildId { get; set; }
    public PanelMeeting? Meeting { get; private set; }
    public IReadOnlyList<ItemView> Items { get; private set; } = [];
    public bool IsChair { get; private set; }
    /// <summary>A current member of this meeting's panel (see <see cref="PanelMembers"/>).</summary>
    public bool IsMember { get; private set; }
    public IReadOnlyList<SelectListItem> ListedNotOnAgenda { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var refusal = await LoadAsync(ct);
        if (refusal is not null) return refusal;
        return await ShowAsync(ct);
    }

    public Task<IActionResult> OnPostBuildAgendaAsync(CancellationToken ct) => ChairAsync(async (m, actor) =>
    {
        var added = await meetings.BuildAgendaAsync(m, actor, ct);
        return added == 0 ? "Nobody new, reassessed or due for review: the agenda is unchanged" : $"{added} {(added == 1 ? "child" : "children")} added to the agenda from the list";
    }, ct);

    public Task<IActionResult> OnPostMoveAsync(Guid itemId, int by, CancellationToken ct) => ChairAsync((m, _) =>
    {
        m.Move(itemId, by);
        return Task.FromResult<string?>("Agenda reordered");
    }, ct);

    public Task<IActionResult> OnPostAddChildAsync(CancellationToken ct) => ChairAsync(async (m, actor) =>
    {
        if (AddChildId is not { } childId || !await lists.List(actor).AnyAsync(r => r.ChildId == childId, ct))
        {
            ModelState.AddModelError(nameof(AddChildId), "Choose a child on the panel's list");
            return null;
        }
        return m.AddToAgenda(childId, AgendaReason.AddedByChair) ? "Child added to the agenda" : "That child is already on the agenda";
    }, ct);

    public Task<IActionResult> OnPostAttendanceAsync(CancellationToken ct) => ChairAsync((m, _) =>
    {
        var people = new List<PanelAttendee>();
        for (var i = 0; i < Attendees.Count; i++)
        {
            var row = Attendees[i];
            if (string.IsNullOrWhiteSpace(row.Name) && row.Agency is null) continue;
            if (string.IsNullOrWhiteSpace(row.Name)) { ModelState.AddModelError($"Attendees[{i}].Name", "Enter the attendee's name"); continue; }
            if (row.Agency is null) { ModelState.AddModelError($"Attendees[{i}].Agency", $"Choose the agency {row.Name.Trim()} attended for"); continue; }
            people.Add(new PanelAttendee(row.Name, row.Agency.Value));
        }
        if (!ModelState.IsValid) return Task.FromResult<string?>(null);
        m.TakeAttendance(people, clock.GetUtcNow().UtcDateTime);
        return Task.FromResult<string?>(m.IsQuorate ? "Attendance taken: the meeting is quorate"
            : "Attendance taken. Police and children's social care are not both present: the meeting is not quorate and its decisions are provisional");
    }, ct);

    /// <summary>The chair's steps: the panel's chair only, on the meeting as they saw it; the domain refuses what does not hold.</summary>
    private async Task<IActionResult> ChairAsync(Func<PanelMeeting, Actor, Task<string?>> step, CancellationToken ct)
    {
        ModelState.Clear();
        var refusal = await LoadAsync(ct);
        if (refusal is not null) return refusal;
        if (!IsChair) return Forbid();
        try
        {
            db.Entry(Meeting!).Property(m => m.Version).OriginalValue = Version;
            // Agenda and attendance are rows of their own: marking the meeting changed makes every step check and move its version.
            db.Entry(Meeting!).State = EntityState.Modified;
            if (await step(Meeting!, User.ToActor()) is { } done && ModelState.IsValid)
            {
                await db.SaveChangesAsync(ct);
                TempData["Saved"] = done;
                return Redirect($"/Panel/Meetings/{Id}");
            }
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(rule.Field == nameof(PanelMeeting.Attendees) ? "Attendees" : "", rule.Message);
        }
        catch (DbUpdateException error) when (error is DbUpdateConcurrencyException || error.IsUniqueViolation())
        {
            ModelState.AddModelError("", "Someone else changed this meeting since you opened it. Nothing has been saved: check it again below.");
        }
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return await ShowAsync(ct);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Meeting = await meetings.LoadAsync(Id, ct);
        if (Meeting is null) return NotFound();
        var actor = User.ToActor();
        var serves = await db.OrganisationAreas.AnyAsync(a => a.OrganisationId == Meeting.OrganisationId && actor.AreaIds.Contains(a.AreaId), ct);
        if (!serves) return NotFound();
        IsChair = Capabilities.IsPanelChair(actor) && actor.OrganisationId == Meeting.OrganisationId;
        IsMember = IsChair || await members.IsMemberAsync(Meeting.OrganisationId, actor.UserId, ct);
        return null;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        var agenda = Meeting!.Agenda;
        var ids = agenda.Select(i => i.ChildId).ToList();
        // Only the agenda's children are checked: "visible" over the whole borough is worked out in full by SQLite.
        var visible = db.Children.Where(c => ids.Contains(c.Id)).Where(ChildAccess.VisibleTo(actor)).Select(c => c.Id);
        // The panel sees every child on its agenda; anyone else, the children their own work lets them see.
        var children = await (from c in db.Children
                              where ids.Contains(c.Id)
                              join p in db.Set<RiskAssessment.ChildRiskPosition>() on c.Id equals p.ChildId into ps
                              from p in ps.DefaultIfEmpty()
                              let mayOpen = visible.Contains(c.Id)
                              where IsMember || mayOpen
                              select new { c.Id, Name = c.FirstName + " " + c.LastName, MayOpen = mayOpen, Level = p == null ? null : p.Level })
            .ToDictionaryAsync(c => c.Id, ct);
        var actionCounts = await db.Set<Core.Actions.AgreedAction>().Where(a => a.PanelMeetingId == Id)
            .GroupBy(a => a.ChildId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Items = agenda.Select(i => children.TryGetValue(i.ChildId, out var c)
            ? new ItemView(i.Id, i.ChildId, c.Name, c.MayOpen, c.Level, i.Reason, i.Discussion, i.Decisions, actionCounts.GetValueOrDefault(i.ChildId))
            : new ItemView(i.Id, i.ChildId, null, false, null, i.Reason, null, null, 0)).ToList();
        if (children.Count > 0)
            await audit.RecordViewsAsync(children.Keys, $"on the agenda of the panel meeting of {Missing.UkDisplay.Day(Meeting.StartsAtUtc)}{(IsMember && !IsChair ? " (as a panel member)" : "")}", ct);
        Version = Meeting.Version;
        if (IsChair)
        {
            var listed = await lists.List(actor).Where(r => !ids.Contains(r.ChildId)).OrderBy(r => r.SortName)
                .Select(r => new { r.ChildId, r.FirstName, r.LastName }).Take(500).ToListAsync(ct);
            ListedNotOnAgenda = [new SelectListItem("Choose a child on the list", ""), .. listed.Select(r => new SelectListItem($"{r.FirstName} {r.LastName}", r.ChildId.ToString()))];
        }
        if (Attendees.Count == 0)
            Attendees = Meeting.Attendees.Select(a => new AttendeeInput { Name = a.Name, Agency = a.Agency }).ToList();
        while (Attendees.Count < AttendeeRows) Attendees.Add(new AttendeeInput());
        return Page();
    }
}
