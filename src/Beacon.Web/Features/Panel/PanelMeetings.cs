using Beacon.Core.Access;
using Beacon.Core.Panel;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Web.Features.Panel;

/// <summary>Building a meeting's agenda from the list, in the database.</summary>
public sealed class PanelMeetings(BeaconDbContext db, PanelLists lists)
{
    /// <summary>A child not discussed for this long is due for review at the panel.</summary>
    public static readonly TimeSpan ReviewEvery = TimeSpan.FromDays(56);
    public const int MostOnOneAgenda = 60;

    public Task<PanelMeeting?> LoadAsync(Guid id, CancellationToken ct) =>
        db.Set<PanelMeeting>().Include(m => m.Items).SingleOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>
    /// Puts on the agenda every child on the list the chair may see who has an overdue panel action, is new since the
    /// panel's last meeting, was reassessed since then, or has not been discussed for <see cref="ReviewEvery"/>.
    /// </summary>
    public async Task<int> BuildAgendaAsync(PanelMeeting meeting, Actor chair, CancellationToken ct)
    {
        var previous = await db.Set<PanelMeeting>().Where(m => m.OrganisationId == meeting.OrganisationId && m.StartsAtUtc < meeting.StartsAtUtc)
            .OrderByDescending(m => m.StartsAtUtc).Select(m => (DateTime?)m.StartsAtUtc).FirstOrDefaultAsync(ct);
        var since = previous ?? DateTime.MinValue;
        var reviewBefore = meeting.StartsAtUtc - ReviewEvery;
        // Discussed at this panel since the review date: a single indexed look-up per child (ChildId, RecordedAtUtc).
        var discussedSince = from m in db.Set<PanelMeeting>()
                             where m.OrganisationId == meeting.OrganisationId && m.Id != meeting.Id
                             from i in m.Items
                             where i.RecordedAtUtc >= reviewBefore
                             select i.ChildId;
        // Children with an overdue panel action come back to the panel first, whether or not they are otherwise due.
        // The list is checked only for them (not worked out for the whole list and then matched).
        var today = Core.Timescales.UkTime.ToUkDate(meeting.StartsAtUtc);
        var overdueChildren = db.Set<Core.Actions.AgreedAction>().Where(Core.Actions.AgreedAction.EscalatesOn(today)).Select(a => a.ChildId);
        // The most serious first, should more than one agenda's worth have overdue actions.
        var overdue = await lists.List(chair, among: overdueChildren).GroupBy(r => r.ChildId)
            .Select(g => new { ChildId = g.Key, Level = g.Max(r => r.Level) })
            .OrderByDescending(c => c.Level).ThenBy(c => c.ChildId).Select(c => c.ChildId).Take(MostOnOneAgenda).ToListAsync(ct);
        // The parts of the list are asked apart, each for its first MostOnOneAgenda in agenda order, so the database
        // can walk the risk positions in that order and stop, instead of sorting the whole list.
        async Task<List<Candidate>> FirstDueAsync(IQueryable<PanelRow> rows) =>
            await (from r in rows
                   join p in db.Set<RiskAssessment.ChildRiskPosition>() on r.ChildId equals p.ChildId into ps
                   from p in ps.DefaultIfEmpty()
                   where r.ListedSinceUtc >= since || (p != null && p.SignedOffAtUtc >= since) || !discussedSince.Contains(r.ChildId)
                   orderby r.Level descending, r.ListedSinceUtc
                   select new Candidate(r.ChildId, r.Level, r.ListedSinceUtc, r.ListedSinceUtc >= since, p != null && p.SignedOffAtUtc >= since))
                .Take(MostOnOneAgenda).ToListAsync(ct);
        var candidates = (await FirstDueAsync(lists.Listed(chair))).Concat(await FirstDueAsync(lists.ByRisk(chair))).Concat(await FirstDueAsync(lists.ByReferral(chair)))
            .OrderByDescending(c => c.Level).ThenBy(c => c.ListedSinceUtc).ToList();
        // At most MostOnOneAgenda in all, overdue actions first; the chair can still add a child by hand.
        var added = 0;
        var due = overdue.Select(id => (ChildId: id, Reason: AgendaReason.OverdueAction))
            .Concat(candidates.Select(c => (c.ChildId, Reason: c.New ? AgendaReason.New : c.Reassessed ? AgendaReason.Reassessed : AgendaReason.DueForReview)));
        foreach (var (childId, reason) in due)
        {
            if (meeting.Items.Count >= MostOnOneAgenda) break;
            if (meeting.AddToAgenda(childId, reason)) added++;
        }
        return added;
    }
}

internal sealed record Candidate(Guid ChildId, Core.RiskAssessment.ExploitationRiskLevel? Level, DateTime ListedSinceUtc, bool New, bool Reassessed);

internal sealed class PanelMeetingConfiguration : IEntityTypeConfiguration<PanelMeeting>
{
    public void Configure(EntityTypeBuilder<PanelMeeting> meeting)
    {
        meeting.ToTable("PanelMeetings");
        meeting.HasKey(m => m.Id);
        meeting.Property(m => m.Id).ValueGeneratedNever();
        meeting.Property(m => m.Location).HasMaxLength(PanelMeeting.LocationMaxLength);
        meeting.Property(m => m.ScheduledByUserId).HasMaxLength(450);
        meeting.Ignore(m => m.Agenda);
        meeting.Ignore(m => m.IsQuorate);
        meeting.Ignore(m => m.IsClosed);
        meeting.HasMany(m => m.Items).WithOne().HasForeignKey("PanelMeetingId").OnDelete(DeleteBehavior.Restrict);
        meeting.Navigation(m => m.Items).HasField("_agenda");
        meeting.OwnsMany(m => m.Attendees, attendee =>
        {
            attendee.ToTable("PanelMeetingAttendees");
            attendee.WithOwner().HasForeignKey("PanelMeetingId");
            attendee.Property<int>("Id");
            attendee.HasKey("Id");
            attendee.Property(a => a.Name).HasMaxLength(Core.Children.Child.TextMaxLength);
            attendee.Property(a => a.UserId).HasMaxLength(450);
        });
        meeting.Navigation(m => m.Attendees).HasField("_attendees");
        // A panel's meetings in date order (the meetings page, "since the last meeting").
        meeting.HasIndex(m => new { m.OrganisationId, m.StartsAtUtc });
    }
}

internal sealed class PanelAgendaItemConfiguration : IEntityTypeConfiguration<PanelAgendaItem>
{
    public void Configure(EntityTypeBuilder<PanelAgendaItem> item)
    {
        item.ToTable("PanelAgendaItems");
        item.HasKey(i => i.Id);
        item.Property(i => i.Id).ValueGeneratedNever();
        item.HasOne<Core.Children.Child>().WithMany().HasForeignKey(i => i.ChildId).OnDelete(DeleteBehavior.Restrict);
        item.Property(i => i.Discussion).HasMaxLength(PanelAgendaItem.TextMaxLength);
        item.Property(i => i.Decisions).HasMaxLength(PanelAgendaItem.TextMaxLength);
        item.Property(i => i.RecordedByUserId).HasMaxLength(450);
        // When each child was last discussed (agendas, the child's record).
        item.HasIndex(i => new { i.ChildId, i.RecordedAtUtc });
        // A child is on a meeting's agenda once, however many chairs build it at the same moment.
        item.Property<Guid>("PanelMeetingId");
        item.HasIndex("PanelMeetingId", nameof(PanelAgendaItem.ChildId)).IsUnique();
    }
}
