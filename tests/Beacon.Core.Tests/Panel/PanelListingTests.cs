using Beacon.Core.Common;
using Beacon.Core.Panel;
using Beacon.Core.RiskAssessment;

namespace Beacon.Core.Tests.Panel;

/// <summary>The panel's list changes only in the open: removal needs a category, a rationale and another person, the chair.</summary>
public class PanelListingTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc);
    private static PanelListing Listed() => PanelListing.ByRule(Guid.NewGuid(), ListingReason.CurrentRisk, Now.AddDays(-30));

    [Fact]
    public void A_removal_needs_a_category_and_a_written_rationale()
    {
        var listing = Listed();
        Assert.Equal("RemovalCategory", Assert.Throws<DomainRuleViolation>(() => listing.ProposeRemoval(null, "Moved to Scotland", "member", ExploitationRiskLevel.AtRisk, Now)).Field);
        Assert.Equal("RemovalRationale", Assert.Throws<DomainRuleViolation>(() => listing.ProposeRemoval(RemovalCategory.MovedOutOfAreaHandedOver, " ", "member", ExploitationRiskLevel.AtRisk, Now)).Field);
        Assert.Equal(ListingStatus.Listed, listing.Status);
    }

    [Theory]
    [InlineData(ExploitationRiskLevel.Serious)]
    [InlineData(ExploitationRiskLevel.Significant)]
    [InlineData(null)]
    public void Risk_reduced_is_refused_until_a_signed_off_assessment_says_so(ExploitationRiskLevel? current)
    {
        var listing = Listed();
        var refused = Assert.Throws<DomainRuleViolation>(() => listing.ProposeRemoval(RemovalCategory.RiskReduced, "Doing well at school", "member", current, Now));
        Assert.Contains("Sign", refused.Message);
        Assert.Equal(ListingStatus.Listed, listing.Status);
    }

    [Fact]
    public void Another_person_the_chair_approves_and_the_register_keeps_the_level_and_who_decided()
    {
        var listing = Listed();
        listing.ProposeRemoval(RemovalCategory.RiskReduced, "Reassessed as at risk after six months without episodes", "member", ExploitationRiskLevel.AtRisk, Now);
        Assert.Equal(ListingStatus.RemovalProposed, listing.Status);
        Assert.Throws<DomainRuleViolation>(() => listing.ApproveRemoval("member", ExploitationRiskLevel.AtRisk, Now));

        listing.ApproveRemoval("chair", ExploitationRiskLevel.AtRisk, Now.AddDays(1));
        Assert.Equal(ListingStatus.Removed, listing.Status);
        Assert.Equal(("chair", ExploitationRiskLevel.AtRisk), (listing.RemovalApprovedByUserId, listing.LevelAtRemoval));
        Assert.Throws<DomainRuleViolation>(() => listing.ProposeRemoval(RemovalCategory.ListedInError, "x", "member", null, Now));
    }

    [Fact]
    public void If_the_risk_rose_after_the_proposal_the_chair_cannot_approve_risk_reduced()
    {
        var listing = Listed();
        listing.ProposeRemoval(RemovalCategory.RiskReduced, "Reassessed as at risk", "member", ExploitationRiskLevel.AtRisk, Now);
        Assert.Throws<DomainRuleViolation>(() => listing.ApproveRemoval("chair", ExploitationRiskLevel.Serious, Now));
        listing.DeclineRemoval("chair");
        Assert.Equal(ListingStatus.Listed, listing.Status);
        Assert.Null(listing.RemovalCategory);
    }

    [Fact]
    public void A_child_at_serious_risk_may_leave_for_another_reason_such_as_moving_away_with_a_handover()
    {
        var listing = Listed();
        listing.ProposeRemoval(RemovalCategory.MovedOutOfAreaHandedOver, "Moved to another authority; their MACE has the case from 3 June", "member", ExploitationRiskLevel.Serious, Now);
        listing.ApproveRemoval("chair", ExploitationRiskLevel.Serious, Now);
        Assert.Equal(ExploitationRiskLevel.Serious, listing.LevelAtRemoval);
    }

    [Fact]
    public void The_chair_adds_a_child_only_with_a_reason() =>
        Assert.Equal("AddedBecause", Assert.Throws<DomainRuleViolation>(() => PanelListing.AddedByChair(Guid.NewGuid(), "", "chair", Now)).Field);
}
