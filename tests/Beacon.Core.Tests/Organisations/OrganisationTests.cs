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

public sealed class OrganisationRolesTests
{
    [Fact]
    public void A_school_may_have_safeguarding_leads_but_no_police_officers()
    {
        Assert.Equal([BeaconRoles.SafeguardingLead], OrganisationRoles.Require(Agency.Education, [BeaconRoles.SafeguardingLead, BeaconRoles.SafeguardingLead]));
        var rule = Assert.Throws<DomainRuleViolation>(() => OrganisationRoles.Require(Agency.Education, [BeaconRoles.PoliceOfficer]));
        Assert.Equal("Roles", rule.Field);
        Assert.Equal("Police officer is not a role in Education organisations. Choose from: Safeguarding lead", rule.Message);
    }

    [Fact]
    public void An_account_needs_at_least_one_role_and_only_roles_Beacon_knows()
    {
        Assert.Equal("Select at least one role", Assert.Throws<DomainRuleViolation>(() => OrganisationRoles.Require(Agency.Police, [])).Message);
        Assert.Equal("Select at least one role", Assert.Throws<DomainRuleViolation>(() => OrganisationRoles.Require(Agency.Police, null)).Message);
        Assert.Equal("Select roles from the list", Assert.Throws<DomainRuleViolation>(() => OrganisationRoles.Require(Agency.Police, ["Superuser"])).Message);
    }

    [Fact]
    public void Roles_come_back_in_Beacons_order()
    {
        Assert.Equal([BeaconRoles.SocialWorker, BeaconRoles.TeamManager],
            OrganisationRoles.Require(Agency.ChildrensSocialCare, [BeaconRoles.TeamManager, BeaconRoles.SocialWorker]));
    }
}
