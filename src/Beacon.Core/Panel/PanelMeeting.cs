using System.ComponentModel.DataAnnotations;
using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.Timescales;

namespace Beacon.Core.Panel;

/// <summary>Why a child is on a meeting's agenda. Numbers are stored.</summary>
public enum AgendaReason
{
    [Display(Name = "New to the list")] New = 1,
    [Display(Name = "Reassessed since the last meeting")] Reassessed = 2,
    [Display(Name = "Due for review")] DueForReview = 3,
    [Display(Name = "Overdue panel action")] OverdueAction = 4,
    [Display(Name = "Added by the chair")] AddedByChair = 5,
}

/// <summary>A person at a panel meeting, for the organisation and agency they came for.</summary>
public sealed class PanelAttendee
{
    private PanelAttendee() { }

    public PanelAttendee(string name, Agency agency, Guid? organisationId = null, string? userId = null)
    {
        Name = Guard.Text(name, nameof(Name), "Give each attendee's name", Children.Child.TextMaxLength);
        if (!Enum.IsDefined(agency)) throw new DomainRuleViolation($"Choose the agency {Name} attended for", nameof(Agency));
        Agency = agency;
        OrganisationId = organisationId;
        UserId = string.IsNullOrWhiteSpace(userId) ? null : userId;
    }

    public string Name { get; private set; } = "";
    public Agency Agency { get; private set; }
    public Guid? OrganisationId { get; private set; }
    public string? UserId { get; private set; }
}

/// <summary>One child on a meeting's agenda: why, in what order, and what the panel said and decided about them.</summary>
public sealed class PanelAgendaItem
{
    public const int TextMaxLength = TextLimits.FreeText;

    private PanelAgendaItem() { }

    internal PanelAgendaItem(Guid childId, AgendaReason reason, int position)
    {
        Id = Guid.NewGuid();
        ChildId = childId;
        Reason = reason;
        Position = position;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public AgendaReason Reason { get; private set; }
    public int Position { get; internal set; }
    public string? Discussion { get; private set; }
    public string? Decisions { get; private set; }
    public string? RecordedByUserId { get; private set; }
    public DateTime? RecordedAtUtc { get; private set; }

    internal void Record(string? discussion, string? decisions, string byUserId, DateTime nowUtc)
    {
        Discussion = Guard.Text(discussion, nameof(Discussion), "Summarise the discussion", TextMaxLength);
        Decisions = Guard.Text(decisions, nameof(Decisions), "Record what the panel decided", TextMaxLength);
        RecordedByUserId = byUserId;
        RecordedAtUtc = Guard.AsUtc(nowUtc);
    }
}

/// <summary>
/// A meeting of the multi-agency exploitation panel: scheduled ahead, its agenda built from the list (new,
/// reassessed, due for review) and ordered by the chair, attendance taken by organisation. Without both police and
/// children's social care present it is not quorate, and its decisions stand only as provisional.
/// </summary>
public sealed class PanelMeeting : IVersioned
{
    public const int LocationMaxLength = 200;
    public static readonly IReadOnlyList<Agency> QuorumAgencies = [Agency.ChildrensSocialCare, Agency.Police];

    private readonly List<PanelAgendaItem> _agenda = [];
    private readonly List<PanelAttendee> _attendees = [];

    private PanelMeeting() { }

    public Guid Id { get; private set; }
    public int Version { get; set; }
    /// <summary>The organisation whose panel this is (the chair's).</summary>
    public Guid OrganisationId { get; private set; }
    public DateTime StartsAtUtc { get; private set; }
    public string Location { get; private set; } = "";
    public string ScheduledByUserId { get; private set; } = "";
    public DateTime ScheduledAtUtc { get; private set; }
    public DateTime? AttendanceTakenAtUtc { get; private set; }
    /// <summary>Once the minutes are issued the meeting's record is closed: what they say is what happened.</summary>
    public DateTime? MinutesIssuedAtUtc { get; private set; }
    public bool IsClosed => MinutesIssuedAtUtc is not null;

    private void RequireOpen()
    {
        if (IsClosed)
            throw new DomainRuleViolation("The minutes of this meeting have been issued, so its record is closed. Raise anything new at the next meeting.");
    }

    /// <summary>Closes the record as the minutes are issued (see <see cref="PanelMinutes.Issue"/>).</summary>
    internal void Close(DateTime nowUtc)
    {
        RequireOpen();
        MinutesIssuedAtUtc = Guard.AsUtc(nowUtc);
    }

    /// <summary>The agenda's items as stored; <see cref="Agenda"/> gives them in the chair's order.</summary>
    public IReadOnlyList<PanelAgendaItem> Items => _agenda.AsReadOnly();
    public IReadOnlyList<PanelAgendaItem> Agenda => _agenda.OrderBy(i => i.Position).ToList();
    public IReadOnlyList<PanelAttendee> Attendees => _attendees.AsReadOnly();

    /// <summary>Police and children's social care both present. Until attendance is taken, not yet known (false).</summary>
    public bool IsQuorate => QuorumAgencies.All(a => _attendees.Any(x => x.Agency == a));

    public static PanelMeeting Schedule(Guid organisationId, DateTime startsAtUtc, string? location, string chairUserId, DateTime nowUtc)
    {
        var starts = Guard.AsUtc(startsAtUtc, nameof(StartsAtUtc));
        var now = Guard.AsUtc(nowUtc);
        if (starts < now) throw new DomainRuleViolation("A new meeting cannot be in the past", nameof(StartsAtUtc));
        return new PanelMeeting
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            StartsAtUtc = starts,
            Location = Guard.Text(location, nameof(Location), "Enter where the meeting is (a room, or 'online')", LocationMaxLength),
            ScheduledByUserId = Guard.Required(chairUserId, nameof(ScheduledByUserId), "The chair must be recorded"),
            ScheduledAtUtc = now,
        };
    }

    /// <summary>Adds a child who is on the list and not already on this agenda; returns whether it was added.</summary>
    public bool AddToAgenda(Guid childId, AgendaReason reason)
    {
        RequireOpen();
        if (!Enum.IsDefined(reason)) throw new DomainRuleViolation("Choose why the child is on the agenda", nameof(PanelAgendaItem.Reason));
        if (_agenda.Any(i => i.ChildId == childId)) return false;
        _agenda.Add(new PanelAgendaItem(childId, reason, _agenda.Count == 0 ? 1 : _agenda.Max(i => i.Position) + 1));
        return true;
    }

    /// <summary>The chair moves an item one place up (-1) or down (+1).</summary>
    public void Move(Guid itemId, int by)
    {
        RequireOpen();
        var ordered = _agenda.OrderBy(i => i.Position).ToList();
        var index = ordered.FindIndex(i => i.Id == itemId);
        if (index < 0) throw new DomainRuleViolation("That child is not on this agenda.");
        var target = index + Math.Sign(by);
        if (target < 0 || target >= ordered.Count) return;
        (ordered[index].Position, ordered[target].Position) = (ordered[target].Position, ordered[index].Position);
    }

    /// <summary>
    /// Who came, for which agency; it decides whether the meeting is quorate. Attendance is added to (a late arrival),
    /// never taken away: who was recorded as present stays on the record.
    /// </summary>
    public void TakeAttendance(IEnumerable<PanelAttendee> attendees, DateTime nowUtc)
    {
        RequireOpen();
        var people = attendees.Where(p => !_attendees.Any(a => a.Name == p.Name && a.Agency == p.Agency)).ToList();
        if (people.Count == 0 && _attendees.Count == 0) throw new DomainRuleViolation("Record at least one person who attended", nameof(Attendees));
        if (UkTime.ToUkDate(Guard.AsUtc(nowUtc)) < UkTime.ToUkDate(StartsAtUtc))
            throw new DomainRuleViolation("Attendance is taken on the day of the meeting, not before it", nameof(Attendees));
        _attendees.AddRange(people.DistinctBy(p => (p.Name, p.Agency)));
        AttendanceTakenAtUtc ??= Guard.AsUtc(nowUtc);
    }

    /// <summary>What the panel said and decided about one child; provisional when the meeting is not quorate.</summary>
    public void RecordDiscussion(Guid itemId, string? discussion, string? decisions, string byUserId, DateTime nowUtc)
    {
        RequireOpen();
        if (AttendanceTakenAtUtc is null) throw new DomainRuleViolation("Take the attendance first: it decides whether the panel's decisions stand.");
        var item = _agenda.SingleOrDefault(i => i.Id == itemId) ?? throw new DomainRuleViolation("That child is not on this agenda.");
        item.Record(discussion, decisions, Guard.Required(byUserId, nameof(PanelAgendaItem.RecordedByUserId), "Who recorded it must be known"), nowUtc);
    }
}
