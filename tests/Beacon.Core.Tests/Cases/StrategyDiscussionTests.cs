using Beacon.Core.Access;
using Beacon.Core.Cases;
using Beacon.Core.Common;
using Beacon.Core.Timescales;
using static Beacon.Core.Tests.Cases.CaseTestData;

namespace Beacon.Core.Tests.Cases;

public class StrategyDiscussionTests
{
    [Fact]
    public void Records_attendees_and_their_agencies()
    {
        var c = NewCase();
        var discussion = c.HoldStrategyDiscussion(D("2024-03-21"), PoliceAndSocialCare, "sw-1");
        Assert.Equal(CaseStage.StrategyDiscussion, c.Stage);
        Assert.Equal(3, discussion.Attendees.Count);
        Assert.Contains(discussion.Attendees, a => a.Agency == Agency.Health && a.UserId is null);
        Assert.Same(discussion, c.LastStrategyDiscussion);
    }

    [Theory]
    [InlineData(Agency.ChildrensSocialCare, "Police")]
    [InlineData(Agency.Police, "Children's Social Care")]
    public void Needs_police_and_social_care(Agency present, string missing)
    {
        var c = NewCase();
        var ex = Assert.Throws<DomainRuleViolation>(() => c.HoldStrategyDiscussion(D("2024-03-21"),
            [new("Someone", present), new("School lead", Agency.Education)], "sw-1"));
        Assert.Contains(missing, ex.Message);
        Assert.Equal(nameof(StrategyDiscussion.Attendees), ex.Field);
        Assert.Equal(CaseStage.Referral, c.Stage);
        Assert.Empty(c.StrategyDiscussions);
    }

    [Fact]
    public void With_nobody_it_names_both_agencies()
    {
        var ex = Assert.Throws<DomainRuleViolation>(() => NewCase().HoldStrategyDiscussion(D("2024-03-21"), [], "sw-1"));
        Assert.Contains("Children's Social Care and Police", ex.Message);
    }

    [Fact]
    public void Attendee_needs_a_name() =>
        Assert.Throws<DomainRuleViolation>(() => new StrategyDiscussionAttendee(" ", Agency.Police));

    [Fact]
    public void A_further_discussion_during_section_47_keeps_the_stage_and_restarts_the_conference_clock()
    {
        var c = AtSection47(discussion: "2024-03-21", started: "2024-03-22");
        Assert.Equal(D("2024-04-15"), c.InitialConferenceDueOn(StatutoryTimescales.EnglandAndWales));

        c.HoldStrategyDiscussion(D("2024-04-04"), PoliceAndSocialCare, "sw-1");

        Assert.Equal(CaseStage.Section47Enquiry, c.Stage);
        Assert.Equal(2, c.StrategyDiscussions.Count);
        Assert.Equal(D("2024-04-25"), c.InitialConferenceDueOn(StatutoryTimescales.EnglandAndWales));
    }

    [Fact]
    public void A_discussion_cannot_be_dated_before_an_earlier_one()
    {
        var c = AtStrategyDiscussion("2024-03-25");
        Assert.Throws<DomainRuleViolation>(() => c.HoldStrategyDiscussion(D("2024-03-21"), PoliceAndSocialCare, "sw-1"));
        Assert.Single(c.StrategyDiscussions);
    }

    [Fact]
    public void Harm_emerging_in_an_assessment_leads_to_a_strategy_discussion()
    {
        var c = AtAssessment();
        c.HoldStrategyDiscussion(D("2024-04-02"), PoliceAndSocialCare, "sw-1");
        Assert.Equal(CaseStage.StrategyDiscussion, c.Stage);
    }

    [Fact]
    public void Initial_conference_cannot_be_before_the_latest_strategy_discussion()
    {
        var c = AtSection47();
        c.HoldStrategyDiscussion(D("2024-04-04"), PoliceAndSocialCare, "sw-1");
        Assert.Throws<DomainRuleViolation>(() => c.HoldInitialConference(D("2024-04-03"), "sw-1"));
        Assert.Equal(CaseStage.Section47Enquiry, c.Stage);
    }
}
