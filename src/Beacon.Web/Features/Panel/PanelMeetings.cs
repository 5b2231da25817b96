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
        var discussed = from m in db.Set<PanelMeeting>()
                        where m.OrganisationId == meeting.OrganisationId && m.Id != meeting.Id
                        from i in m.Items
                        where i.RecordedAtUtc != null
                        select new { i.ChildId, i.RecordedAtUtc };
        var candidates = await (from r in lists.List(chair)
                                join p in db.Set<RiskAssessment.ChildRiskPosition>() on r.ChildId equals p.ChildId into ps
                                from p in ps.DefaultIfEmpty()
                                let lastDiscussed = discussed.Where(d => d.ChildId == r.ChildId).Max(d => d.RecordedAtUtc)
                                where r.ListedSinceUtc >= since || (p != null && p.SignedOffAtUtc >= since) || lastDiscussed == null || lastDiscussed < reviewBefore
                                orderby r.Level descending, r.ListedSinceUtc
                                select new { r.ChildId, New = r.ListedSinceUtc >= since, Reassessed = p != null && p.SignedOffAtUtc >= since })
            .Take(MostOnOneAgenda).ToListAsync(ct);
        // Children with an overdue panel action come back to the panel, whether or not they are otherwise due.
        var today = Core.Timescales.UkTime.ToUkDate(meeting.StartsAtUtc);
        var listedIds = lists.List(chair).Select(r => r.ChildId);
        var overdue = await db.Set<Core.Actions.AgreedAction>()
            .Where(a => a.Source == Core.Actions.ActionSource.Panel && a.DoneOn == null && a.DueOn < today && listedIds.Contains(a.ChildId))
            .Select(a => a.ChildId).Distinct().Take(MostOnOneAgenda).ToListAsync(ct);
        var added = 0;
        foreach (var childId in overdue)
            if (meeting.AddToAgenda(childId, AgendaReason.OverdueAction)) added++;
        foreach (var c in candidates)
            if (meeting.AddToAgenda(c.ChildId, c.New ? AgendaReason.New : c.Reassessed ? AgendaReason.Reassessed : AgendaReason.DueForReview)) added++;
        return added;
    }
}

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
