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
