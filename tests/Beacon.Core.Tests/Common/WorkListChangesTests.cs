using Beacon.Core.Notifications;

namespace Beacon.Core.Tests.Common;

public class WorkListChangesTests
{
    private static WorkListChanges.Current Now(string kind, int count) => new(kind, "No further action to approve", count, "/Referrals/Queue");

    [Fact]
    public void The_first_look_at_a_persons_list_only_remembers_it() =>
        Assert.Empty(WorkListChanges.Growth(null, [Now("approve-nfa", 4)]));

    [Fact]
    public void A_list_that_grew_is_told_with_how_many_are_new_and_how_many_wait()
    {
        var growth = Assert.Single(WorkListChanges.Growth(new Dictionary<string, int> { ["approve-nfa"] = 1 }, [Now("approve-nfa", 3)]));
        Assert.Equal(2, growth.Added);
        Assert.Equal("2 new: no further action to approve (3 waiting)", growth.Describe());
        Assert.Equal("/Referrals/Queue", growth.Link);
    }

    [Fact]
    public void A_list_not_seen_before_counts_from_nothing_and_lists_that_shrank_or_stayed_are_not_told()
    {
        var previous = new Dictionary<string, int> { ["(looked)"] = 0, ["approve-closure"] = 2, ["overdue-interviews"] = 5 };
        var growth = WorkListChanges.Growth(previous, [Now("approve-nfa", 1), Now("approve-closure", 2), Now("overdue-interviews", 4)]);
        Assert.Equal("approve-nfa", Assert.Single(growth).Kind);
    }

    [Fact]
    public void An_alert_is_kept_for_its_person_and_marked_seen_once()
    {
        var alert = WorkItemAlert.For("user-1", new WorkListGrowth("approve-nfa", "No further action to approve", 1, 1, "/Referrals/Queue"), new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc));
        alert.MarkSeen(new DateTime(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc));
        alert.MarkSeen(new DateTime(2026, 1, 2, 10, 0, 0, DateTimeKind.Utc));
        Assert.Equal(new DateTime(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc), alert.SeenAtUtc);
    }
}
