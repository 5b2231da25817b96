using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.Panel;

namespace Beacon.Core.Tests.Panel;

public class PanelMeetingTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc);
    private static PanelMeeting Meeting(DateTime? at = null) => PanelMeeting.Schedule(Guid.NewGuid(), at ?? Now.AddDays(7), "Room 4, Civic Centre", "chair", Now);

    [Fact]
    public void A_new_meeting_is_not_in_the_past_and_says_where()
    {
        Assert.Equal("StartsAtUtc", Assert.Throws<DomainRuleViolation>(() => Meeting(Now.AddHours(-1))).Field);
        Assert.Equal("Location", Assert.Throws<DomainRuleViolation>(() => PanelMeeting.Schedule(Guid.NewGuid(), Now.AddDays(1), " ", "chair", Now)).Field);
    }

    [Fact]
    public void The_agenda_takes_each_child_once_and_the_chair_reorders_it()
    {
        var meeting = Meeting();
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Assert.True(meeting.AddToAgenda(a, AgendaReason.New));
        Assert.True(meeting.AddToAgenda(b, AgendaReason.DueForReview));
        Assert.False(meeting.AddToAgenda(a, AgendaReason.AddedByChair));
        meeting.AddToAgenda(c, AgendaReason.AddedByChair);
        meeting.Move(meeting.Agenda[2].Id, -1);
        Assert.Equal([a, c, b], meeting.Agenda.Select(i => i.ChildId));
        meeting.Move(meeting.Agenda[0].Id, -1); // already first: stays
        Assert.Equal(a, meeting.Agenda[0].ChildId);
    }

    [Fact]
    public void Without_police_and_social_care_the_meeting_is_not_quorate()
    {
        var meeting = Meeting(Now);
        meeting.TakeAttendance([new PanelAttendee("Chair", Agency.ChildrensSocialCare), new PanelAttendee("Nurse", Agency.Health)], Now);
        Assert.False(meeting.IsQuorate);
        // A late arrival is added; nobody recorded as present is taken off.
        meeting.TakeAttendance([new PanelAttendee("Chair", Agency.ChildrensSocialCare), new PanelAttendee("DS Vale", Agency.Police)], Now);
        Assert.True(meeting.IsQuorate);
        Assert.Equal(["Chair", "Nurse", "DS Vale"], meeting.Attendees.Select(a => a.Name));
        Assert.Throws<DomainRuleViolation>(() => Meeting(Now).TakeAttendance([], Now));
    }

    [Fact]
    public void Discussions_need_the_attendance_first_and_both_a_summary_and_decisions()
    {
        var meeting = Meeting(Now);
        var child = Guid.NewGuid();
        meeting.AddToAgenda(child, AgendaReason.New);
        var item = meeting.Agenda[0].Id;
        Assert.Contains("attendance", Assert.Throws<DomainRuleViolation>(() => meeting.RecordDiscussion(item, "s", "d", "chair", Now)).Message);
        Assert.Throws<DomainRuleViolation>(() => Meeting().TakeAttendance([new PanelAttendee("A", Agency.Police)], Now)); // before the day
        meeting.TakeAttendance([new PanelAttendee("Chair", Agency.ChildrensSocialCare), new PanelAttendee("DS Vale", Agency.Police)], Now);
        Assert.Equal("Decisions", Assert.Throws<DomainRuleViolation>(() => meeting.RecordDiscussion(item, "Talked it through", " ", "chair", Now)).Field);
        meeting.RecordDiscussion(item, "Police intelligence links her to the (fictional) taxi firm", "Disruption visit to the firm; school to report absences daily", "chair", Now);
        Assert.StartsWith("Disruption visit", meeting.Agenda[0].Decisions);
    }
}

public class PanelMinutesTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc);

    private static PanelMeeting Held(bool discussed = true)
    {
        var meeting = PanelMeeting.Schedule(Guid.NewGuid(), Now, "Room 4", "chair", Now);
        meeting.AddToAgenda(Guid.NewGuid(), AgendaReason.New);
        meeting.TakeAttendance([new PanelAttendee("Chair", Agency.ChildrensSocialCare), new PanelAttendee("DS Vale", Agency.Police)], Now);
        if (discussed) meeting.RecordDiscussion(meeting.Agenda[0].Id, "Discussed", "Decided", "chair", Now);
        return meeting;
    }

    [Fact]
    public void Minutes_are_issued_only_once_every_child_is_decided_and_to_named_people()
    {
        Assert.Contains("every child", Assert.Throws<DomainRuleViolation>(() => PanelMinutes.Issue(Held(discussed: false), [1], ["a"], "chair", Now)).Message);
        Assert.Equal("Recipients", Assert.Throws<DomainRuleViolation>(() => PanelMinutes.Issue(Held(), [1], [], "chair", Now)).Field);
        var minutes = PanelMinutes.Issue(Held(), [1, 2, 3], ["a", "b", "a"], "chair", Now);
        Assert.Equal(["a", "b"], minutes.Recipients.Select(r => r.UserId));
        Assert.True(minutes.IsIntact);
    }

    [Fact]
    public void Once_the_minutes_are_issued_the_meetings_record_is_closed()
    {
        var meeting = Held();
        PanelMinutes.Issue(meeting, [1], ["a"], "chair", Now);
        Assert.True(meeting.IsClosed);
        Assert.Throws<DomainRuleViolation>(() => meeting.RecordDiscussion(meeting.Agenda[0].Id, "rewritten", "rewritten", "chair", Now));
        Assert.Throws<DomainRuleViolation>(() => meeting.AddToAgenda(Guid.NewGuid(), AgendaReason.AddedByChair));
        Assert.Throws<DomainRuleViolation>(() => meeting.TakeAttendance([new PanelAttendee("Late", Agency.Health)], Now));
        Assert.Throws<DomainRuleViolation>(() => meeting.Move(meeting.Agenda[0].Id, 1));
        Assert.Throws<DomainRuleViolation>(() => PanelMinutes.Issue(meeting, [1], ["a"], "chair", Now));
    }

    [Fact]
    public void Each_recipient_acknowledges_once_and_nobody_else_can()
    {
        var minutes = PanelMinutes.Issue(Held(), [1], ["a", "b"], "chair", Now);
        minutes.Acknowledge("a", Now.AddHours(1));
        minutes.Acknowledge("a", Now.AddHours(5));
        Assert.Equal(Now.AddHours(1), minutes.Recipients.Single(r => r.UserId == "a").AcknowledgedAtUtc);
        Assert.Null(minutes.Recipients.Single(r => r.UserId == "b").AcknowledgedAtUtc);
        Assert.Throws<DomainRuleViolation>(() => minutes.Acknowledge("stranger", Now));
    }
}
