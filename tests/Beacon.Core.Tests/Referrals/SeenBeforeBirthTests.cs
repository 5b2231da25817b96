using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.Referrals;
using Beacon.Core.Tests.Access;

namespace Beacon.Core.Tests.Referrals;

/// <summary>A concern dated before the child was born is a typing error in one of the dates, and is refused.</summary>
public sealed class SeenBeforeBirthTests
{
    // AccessWorld's children are born on 14 March 2012.
    private static readonly Actor Referrer = AccessWorld.Person(AccessWorld.SchoolA, BeaconRoles.SafeguardingLead);
    private static DateTime Utc(string s) => DateTime.SpecifyKind(DateTime.Parse(s), DateTimeKind.Utc);

    [Fact]
    public void A_concern_seen_before_the_child_was_born_is_refused_and_nothing_is_involved()
    {
        var child = AccessWorld.ChildIn(AccessWorld.Situation.NorthPupilOfSchoolB);
        var involvedBefore = child.Involvements.Count;

        var refused = Assert.Throws<DomainRuleViolation>(() => Referral.Raise(child, Referrer, "Seen with older men at the bus station.",
            Utc("2011-06-01T12:00:00"), Utc("2024-06-07T10:00:00"), SharingBasis.ConsentGiven));

        Assert.Contains("before the child was born (14 March 2012)", refused.Message);
        Assert.Equal(nameof(Referral.SeenAtUtc), refused.Field);
        Assert.Equal(involvedBefore, child.Involvements.Count);
    }

    [Fact]
    public void A_concern_checked_before_the_record_exists_is_refused_the_same_way()
    {
        Assert.Throws<DomainRuleViolation>(() => Referral.Check(Referrer, "Seen with older men.", Utc("2011-06-01T12:00:00"),
            Utc("2024-06-07T10:00:00"), SharingBasis.ConsentGiven, childBornOn: new DateOnly(2012, 3, 14)));
        Referral.Check(Referrer, "Seen with older men.", Utc("2012-03-14T12:00:00"), Utc("2024-06-07T10:00:00"), SharingBasis.ConsentGiven,
            childBornOn: new DateOnly(2012, 3, 14));
    }
}
