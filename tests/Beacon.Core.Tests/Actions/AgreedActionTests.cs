using Beacon.Core.Actions;
using Beacon.Core.Common;
using static Beacon.Core.Tests.Access.AccessWorld;

namespace Beacon.Core.Tests.Actions;

public class AgreedActionTests
{
    private static readonly Guid ChildId = Guid.NewGuid();

    private static AgreedAction Agree(string? what = "Visit her at home, seen alone", string? owner = "sw-2", DateOnly? due = null) =>
        AgreedAction.Agree(ChildId, Guid.NewGuid(), ActionSource.StrategyDiscussion, what, owner, NorthSocialCare.Id, due ?? Today.AddDays(5), "sw-1", Now);

    [Fact]
    public void An_action_has_what_who_and_a_due_date_not_in_the_past()
    {
        Assert.Equal("Description", Assert.Throws<DomainRuleViolation>(() => Agree(what: " ")).Field);
        Assert.Equal("OwnerUserId", Assert.Throws<DomainRuleViolation>(() => Agree(owner: null)).Field);
        Assert.Equal("DueOn", Assert.Throws<DomainRuleViolation>(() => Agree(due: Today.AddDays(-1))).Field);
        Assert.Equal("Description", Assert.Throws<DomainRuleViolation>(() => Agree(what: new string('x', 501))).Field);
        var action = Agree(due: Today);
        Assert.False(action.IsOverdue(Today));
        Assert.True(action.IsOverdue(Today.AddDays(1)));
    }

    [Fact]
    public void Done_needs_evidence_and_a_date_between_agreeing_it_and_today_and_happens_once()
    {
        var action = Agree();
        Assert.Equal("Evidence", Assert.Throws<DomainRuleViolation>(() => action.MarkDone(Today, "", "sw-2", Now)).Field);
        Assert.Equal("DoneOn", Assert.Throws<DomainRuleViolation>(() => action.MarkDone(Today.AddDays(1), "Visited", "sw-2", Now)).Field);
        Assert.Equal("DoneOn", Assert.Throws<DomainRuleViolation>(() => action.MarkDone(Today.AddDays(-3), "Visited", "sw-2", Now)).Field);
        Assert.False(action.IsDone);

        action.MarkDone(Today, "Visited on Tuesday; seen alone in her room; case note recorded", "sw-2", Now);
        Assert.True(action.IsDone);
        Assert.False(action.IsOverdue(Today.AddDays(30)));
        Assert.Throws<DomainRuleViolation>(() => action.MarkDone(Today, "again", "sw-2", Now));
    }
}

public class PanelActionEscalationTests
{
    [Fact]
    public void A_panel_action_escalates_the_day_after_it_was_due_and_stops_once_done()
    {
        // A test clock: agreed at the panel on a Monday, due that Friday.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero));
        DateOnly Today() => Beacon.Core.Timescales.UkTime.ToUkDate(clock.GetUtcNow().UtcDateTime);
        var panel = AgreedAction.Agree(Guid.NewGuid(), null, ActionSource.Panel, "Disruption visit", "sw-2", Guid.NewGuid(), Today().AddDays(4), "chair", clock.GetUtcNow().UtcDateTime, Guid.NewGuid());
        var other = AgreedAction.Agree(Guid.NewGuid(), null, ActionSource.StrategyDiscussion, "Visit", "sw-2", Guid.NewGuid(), Today().AddDays(4), "sw-1", clock.GetUtcNow().UtcDateTime);
        bool Escalates(AgreedAction a) => AgreedAction.EscalatesOn(Today()).Compile()(a);

        clock.Advance(TimeSpan.FromDays(4)); // the due day itself: not yet
        Assert.False(Escalates(panel));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.True(Escalates(panel));
        Assert.False(Escalates(other)); // only the panel's own actions come back to the panel
        panel.MarkDone(Today(), "Visit made; notes on the record", "sw-2", clock.GetUtcNow().UtcDateTime);
        Assert.False(Escalates(panel));
    }
}
