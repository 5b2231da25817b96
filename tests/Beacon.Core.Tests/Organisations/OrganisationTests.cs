using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.Organisations;

namespace Beacon.Core.Tests.Organisations;

public sealed class OrganisationTests
{
    private static readonly Guid North = Guid.NewGuid(), South = Guid.NewGuid();

    [Fact]
    public void A_police_force_or_trust_can_serve_several_areas()
    {
        var police = Organisation.Create("Two Areas Police", Agency.Police, [North, South]);
        Assert.True(police.Serves(North));
        Assert.True(police.Serves(South));
    }

    [Fact]
    public void A_local_authoritys_childrens_social_care_serves_exactly_its_own_area()
    {
        var rule = Assert.Throws<DomainRuleViolation>(() => Organisation.Create("Joint Social Care", Agency.ChildrensSocialCare, [North, South]));
        Assert.Equal("Areas", rule.Field);
        Assert.Throws<DomainRuleViolation>(() => Organisation.Create("Nowhere School", Agency.Education, []));
        Assert.Throws<DomainRuleViolation>(() => Organisation.Create("  ", Agency.Education, [North]));
        Assert.Throws<DomainRuleViolation>(() => Organisation.Create("Odd", (Agency)99, [North]));
    }
}
