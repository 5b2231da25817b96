using Beacon.Core.Common;
using Beacon.Core.Panel;

namespace Beacon.Core.Tests.Panel;

public sealed class PanelMemberTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Panel = Guid.NewGuid();

    [Fact]
    public void A_member_is_named_by_the_chair_and_is_current_until_their_membership_ends()
    {
        var member = PanelMember.Name(Panel, " user-1 ", "chair-1", Now);
        Assert.True(member.IsCurrent);
        Assert.Equal("user-1", member.UserId);
        Assert.Equal(("chair-1", Now), (member.AddedByUserId, member.AddedAtUtc));

        member.End("chair-1", Now.AddDays(30));
        Assert.False(member.IsCurrent);
        Assert.Equal(("chair-1", Now.AddDays(30)), (member.EndedByUserId, member.EndedAtUtc!.Value));
        // Ended once, and kept: a second ending changes nothing.
        Assert.Throws<DomainRuleViolation>(() => member.End("chair-2", Now.AddDays(31)));
        Assert.Equal("chair-1", member.EndedByUserId);
    }

    [Fact]
    public void A_member_needs_a_person_a_panel_and_a_chair()
    {
        Assert.Equal("UserId", Assert.Throws<DomainRuleViolation>(() => PanelMember.Name(Panel, " ", "chair-1", Now)).Field);
        Assert.Throws<DomainRuleViolation>(() => PanelMember.Name(Guid.Empty, "user-1", "chair-1", Now));
        Assert.Throws<DomainRuleViolation>(() => PanelMember.Name(Panel, "user-1", "", Now));
    }
}
