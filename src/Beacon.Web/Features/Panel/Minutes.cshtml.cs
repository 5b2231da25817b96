using Beacon.Core.Access;
using Beacon.Core.Actions;
using Beacon.Core.Audit;
using Beacon.Core.Common;
using Beacon.Core.Panel;
using Beacon.Web.Features.Missing;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Beacon.Web.Infrastructure.Pdf;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Web.Features.Panel;

/// <summary>
/// A meeting's minutes: generated from the records as a PDF, reviewed by the chair and issued to named people, who
/// each acknowledge them. Who received and who acknowledged stays on the page for good. The issued PDF goes only to
/// its recipients and the chair, is checked against its SHA-256 before it is sent, and every download is audited.
/// </summary>
[Authorize(Policy = Policies.Practitioner)]
public sealed class MinutesModel(PanelMeetings meetings, PanelMembers members, BeaconDbContext db, AuditTrail audit, AccountActors actors, TimeProvider clock) : PageModel
{
    public sealed record Recipient(string UserId, string Name, string Organisation, DateTime? AcknowledgedAtUtc);

    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public List<string> RecipientIds { get; set; } = [];
    public PanelMeeting? Meeting { get; private set; }
    public PanelMinutes? Issued { get; private set; }
    public IReadOnlyList<Recipient> Recipients { get; private set; } = [];
    public IReadOnlyList<PanelMembers.Candidate> Candidates { get; private set; } = [];
    public bool IsChair { get; private set; }
    public string Me => User.ToActor().UserId;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    /// <summary>The minutes as they stand in the records now, for the chair to review before issuing.</summary>
    public async Task<IActionResult> OnGetDraftAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal) return refusal;
        if (!IsChair) return Forbid();
        var pdf = await BuildAsync(clock.GetUtcNow().UtcDateTime, ct);
        await audit.RecordAsync(AuditAction.Viewed, nameof(PanelMeeting), Id.ToString(), null, "Downloaded the draft minutes of a panel meeting", ct);
        return File(pdf, "application/pdf", $"panel-minutes-draft-{UkDisplay.Day(Meeting!.StartsAtUtc).Replace(' ', '-')}.pdf");
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal) return refusal;
        if (Issued is null) return NotFound();
        if (!IsChair && !Issued.IsRecipient(Me)) return Forbid();
        // Need-to-know holds for minutes too: someone who is no longer on the panel and may not see a child they name does not get them.
        if (!await MayReceiveAsync(User.ToActor(), await AgendaChildrenAsync(ct), ct)) return Forbid();
        if (!Issued.IsIntact)
            return StatusCode(StatusCodes.Status409Conflict, "These minutes no longer match the document issued, so they have not been sent. Tell your Beacon administrator.");
        await audit.RecordAsync(AuditAction.Viewed, nameof(PanelMinutes), Issued.Id.ToString(), null, "Downloaded the issued minutes of a panel meeting", ct);
        return File(Issued.Pdf, "application/pdf", $"panel-minutes-{UkDisplay.Day(Meeting!.StartsAtUtc).Replace(' ', '-')}.pdf");
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(ct) is { } refusal) return refusal;
        if (!IsChair) return Forbid();
        if (Issued is not null) { ModelState.AddModelError("", "These minutes have already been issued."); return Page(); }
        var allowed = Candidates.Select(c => c.UserId).ToHashSet();
        if (RecipientIds.Any(id => !allowed.Contains(id))) { ModelState.AddModelError(nameof(RecipientIds), "Choose recipients from the list"); return Page(); }
        // The minutes name every child on the agenda: each recipient must sit on the panel or be someone who may see all of them.
        var children = await AgendaChildrenAsync(ct);
        foreach (var id in RecipientIds.Distinct())
            if (await actors.ActorAsync(id, ct) is not { } recipient || !await MayReceiveAsync(recipient, children, ct))
                ModelState.AddModelError(nameof(RecipientIds),
                    $"{Candidates.First(c => c.UserId == id).Label} is not a member of the panel and may not see every child these minutes name. Add them to the panel, or leave them out.");
        if (!ModelState.IsValid) return Page();
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.Add(PanelMinutes.Issue(Meeting!, await BuildAsync(now, ct), RecipientIds, Me, now));
            await db.SaveChangesAsync(ct);
            TempData["Saved"] = $"Minutes issued to {RecipientIds.Distinct().Count()} people. Each is asked to acknowledge them.";
            return Redirect($"/Panel/Meetings/{Id}/Minutes");
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(rule.Field == nameof(PanelMinutes.Recipients) ? nameof(RecipientIds) : "", rule.Message);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            ModelState.AddModelError("", "The minutes have just been issued by someone else. Nothing more has been saved.");
        }
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal) return refusal;
        if (Issued is null) return NotFound();
        try
        {
            Issued.Acknowledge(Me, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            TempData["Saved"] = "You have acknowledged the minutes";
            return Redirect($"/Panel/Meetings/{Id}/Minutes");
        }
        catch (DomainRuleViolation)
        {
            return Forbid();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Meeting = await meetings.LoadAsync(Id, ct);
        if (Meeting is null) return NotFound();
        var actor = User.ToActor();
        if (!await db.OrganisationAreas.AnyAsync(a => a.OrganisationId == Meeting.OrganisationId && actor.AreaIds.Contains(a.AreaId), ct)) return NotFound();
        IsChair = Capabilities.IsPanelChair(actor) && actor.OrganisationId == Meeting.OrganisationId;
        Issued = await db.Set<PanelMinutes>().Include(m => m.Recipients).SingleOrDefaultAsync(m => m.MeetingId == Id, ct);
        if (Issued is not null)
        {
            var ids = Issued.Recipients.Select(r => r.UserId).ToList();
            var people = await db.People().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            Recipients = Issued.Recipients.Select(r => new Recipient(r.UserId, people.TryGetValue(r.UserId, out var p) ? p.DisplayName : r.UserId,
                people.TryGetValue(r.UserId, out var q) ? q.OrganisationName : "", r.AcknowledgedAtUtc)).OrderBy(r => r.Name).ToList();
        }
        else if (IsChair)
        {
            Candidates = await members.CandidatesAsync(Meeting.OrganisationId, ct);
        }
        return null;
    }

    private Task<List<Core.Children.Child>> AgendaChildrenAsync(CancellationToken ct)
    {
        var ids = Meeting!.Agenda.Select(i => i.ChildId).ToList();
        return db.Children.AsNoTracking().Include(c => c.Involvements).Include(c => c.AccessGrants).AsSplitQuery()
            .Where(c => ids.Contains(c.Id)).ToListAsync(ct);
    }

    /// <summary>The panel's chair and members receive what the panel needs; anyone else only what they may see already.</summary>
    private async Task<bool> MayReceiveAsync(Actor actor, IEnumerable<Core.Children.Child> children, CancellationToken ct) =>
        (Capabilities.IsPanelChair(actor) && actor.OrganisationId == Meeting!.OrganisationId)
        || await members.IsMemberAsync(Meeting!.OrganisationId, actor.UserId, ct)
        || children.All(c => ChildAccess.MayView(actor, c));

    /// <summary>The minutes, written from the records: attendance and quorum, then each child's discussion, decisions and actions.</summary>
    private async Task<byte[]> BuildAsync(DateTime nowUtc, CancellationToken ct)
    {
        var m = Meeting!;
        var ids = m.Agenda.Select(i => i.ChildId).ToList();
        var names = await db.Children.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.FirstName + " " + c.LastName, ct);
        var actions = await (from a in db.Set<AgreedAction>().AsNoTracking()
                             where a.PanelMeetingId == m.Id
                             join p in db.People() on a.OwnerUserId equals p.Id into ps
                             from p in ps.DefaultIfEmpty()
                             orderby a.DueOn
                             select new { a.ChildId, a.Description, Owner = p == null ? a.OwnerUserId : p.DisplayName + ", " + p.OrganisationName, a.DueOn })
            .ToListAsync(ct);
        var report = new PdfReport($"Exploitation panel minutes: {UkDisplay.Day(m.StartsAtUtc)}")
            .Line("Meeting", $"{UkDisplay.When(m.StartsAtUtc)}, {m.Location}")
            .Line("Attended", m.Attendees.Count == 0 ? "not recorded" : string.Join("; ", m.Attendees.Select(a => $"{a.Name} ({a.Agency.Name()})")))
            .Line("Quorum", m.IsQuorate ? "quorate: police and children's social care present" : "NOT QUORATE: the decisions below are provisional");
        var n = 0;
        foreach (var item in m.Agenda)
        {
            report.Heading($"{++n}. {names.GetValueOrDefault(item.ChildId, "A child")} ({item.Reason.Name().ToLowerInvariant()})")
                .Paragraph($"Discussion: {item.Discussion ?? "not recorded"}")
                .Paragraph($"Decisions{(m.IsQuorate ? "" : " (provisional)")}: {item.Decisions ?? "not recorded"}");
            foreach (var a in actions.Where(a => a.ChildId == item.ChildId))
                report.Paragraph($"Action: {a.Description} – {a.Owner}, by {a.DueOn:d MMMM yyyy}");
        }
        report.Paragraph($"Generated by Beacon from the meeting's records on {UkDisplay.When(nowUtc)}.");
        return report.ToBytes(nowUtc);
    }
}

internal sealed class PanelMinutesConfiguration : IEntityTypeConfiguration<PanelMinutes>
{
    public void Configure(EntityTypeBuilder<PanelMinutes> minutes)
    {
        minutes.ToTable("PanelMinutes");
        minutes.HasKey(m => m.Id);
        minutes.Property(m => m.Id).ValueGeneratedNever();
        minutes.HasOne<PanelMeeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Restrict);
        // Issued once per meeting.
        minutes.HasIndex(m => m.MeetingId).IsUnique();
        minutes.Property(m => m.IssuedByUserId).HasMaxLength(450);
        minutes.Property(m => m.Sha256).HasMaxLength(64).IsFixedLength();
        minutes.Ignore(m => m.IsIntact);
        minutes.OwnsMany(m => m.Recipients, recipient =>
        {
            recipient.ToTable("PanelMinutesRecipients");
            recipient.WithOwner().HasForeignKey("PanelMinutesId");
            recipient.Property(r => r.UserId).HasMaxLength(450);
            recipient.HasKey("PanelMinutesId", nameof(MinutesRecipient.UserId));
            // A person's minutes waiting to be acknowledged (their work list).
            recipient.HasIndex(r => new { r.UserId, r.AcknowledgedAtUtc });
        });
        minutes.Navigation(m => m.Recipients).HasField("_recipients");
    }
}
