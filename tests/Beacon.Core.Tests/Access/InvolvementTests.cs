using Beacon.Core.Access;
using Beacon.Core.Missing;
using Beacon.Core.Referrals;
using static Beacon.Core.Tests.Access.AccessWorld;

namespace Beacon.Core.Tests.Access;

/// <summary>Whoever records something about a child works with them from then on: their organisation is involved, once.</summary>
public sealed class InvolvementTests
{
    private static readonly Actor Lead = Person(SchoolB, BeaconRoles.SafeguardingLead);

    [Fact]
    public void Raising_a_referral_involves_the_referrers_organisation()
    {
        var child = ChildIn(Situation.NorthPupilOfSchoolA);
        Assert.False(ChildAccess.MayView(Lead, child));
        Referral.Raise(child, Lead, "Seen with older men (fictional)", Now.AddHours(-2), Now, SharingBasis.ConsentGiven);
        Assert.True(child.IsInvolved(SchoolB.Id));
        Assert.True(ChildAccess.MayView(Lead, child));
    }

    [Fact]
    public void Reporting_a_child_missing_involves_the_reporters_organisation()
    {
        var child = ChildIn(Situation.NorthPupilOfSchoolA);
        MissingEpisode.Report(child, Now.AddHours(-3), Lead, Now);
        Assert.True(child.IsInvolved(SchoolB.Id));
    }

    [Fact]
    public void Starting_a_risk_assessment_involves_the_authors_organisation_and_only_once()
    {
        var child = ChildIn(Situation.NorthPupilOfSchoolA);
        Core.RiskAssessment.RiskAssessment.Start(child, Lead, Now);
        Core.RiskAssessment.RiskAssessment.Start(child, Lead, Now.AddMinutes(1));
        Assert.Single(child.CurrentInvolvements, i => i.OrganisationId == SchoolB.Id);
    }

    [Fact]
    public void Beacon_itself_involves_no_organisation()
    {
        var child = ChildIn(Situation.NorthPupilOfSchoolB);
        var before = child.Involvements.Count;
        child.InvolveOrganisationOf(new Actor("system", "Beacon", Agency.SafeguardingBoard, new HashSet<string>()), Now);
        Assert.Equal(before, child.Involvements.Count);
    }
}
