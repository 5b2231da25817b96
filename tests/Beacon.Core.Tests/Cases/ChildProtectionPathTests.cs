using Beacon.Core.Cases;
using Beacon.Core.Common;
using static Beacon.Core.Tests.Cases.CaseTestData;

namespace Beacon.Core.Tests.Cases;

/// <summary>
/// A section 47 enquiry leaves the child protection path only by a recorded decision, never as the side effect of
/// another step, and a step that is not open says why.
/// </summary>
public sealed class ChildProtectionPathTests
{
    [Fact]
    public void Starting_an_assessment_during_a_section_47_enquiry_is_refused_and_the_conference_stays_open()
    {
        var c = AtSection47();

        var refused = Assert.Throws<DomainRuleViolation>(() => c.StartAssessment(D("2024-03-25"), "sw-1"));

        Assert.Contains("already carried out through an assessment", refused.Message);
        Assert.Equal(CaseStage.Section47Enquiry, c.Stage);
        Assert.Contains(CaseStage.InitialChildProtectionConference, c.NextStages);
    }

    [Fact]
    public void Concerns_not_substantiated_end_the_enquiry_with_the_reason_kept_and_the_assessment_clock_running()
    {
        var c = AtSection47();
        var assessmentStarted = c.AssessmentStartedOn;

        c.ContinueUnderSection17("Disclosure withdrawn; police found no evidence of an adult involved.", D("2024-04-02"), "sw-1");

        Assert.Equal(CaseStage.Assessment, c.Stage);
        Assert.Equal(assessmentStarted, c.AssessmentStartedOn);
        Assert.Equal("Disclosure withdrawn; police found no evidence of an adult involved.", c.StageHistory[^1].Reason);
        Assert.DoesNotContain(CaseStage.InitialChildProtectionConference, c.NextStages);
    }

    [Fact]
    public void Ending_an_enquiry_needs_a_reason_and_an_enquiry_under_way()
    {
        var c = AtSection47();
        Assert.Contains("reason", Assert.Throws<DomainRuleViolation>(() => c.ContinueUnderSection17("  ", D("2024-04-02"), "sw-1")).Message);
        Assert.Equal(CaseStage.Section47Enquiry, c.Stage);
        Assert.Throws<DomainRuleViolation>(() => AtAssessment().ContinueUnderSection17("Not substantiated", D("2024-04-02"), "sw-1"));
    }

    [Theory]
    [InlineData(CaseStage.Assessment, CaseStage.InitialChildProtectionConference, "follows a section 47 enquiry")]
    [InlineData(CaseStage.Referral, CaseStage.InitialChildProtectionConference, "follows a section 47 enquiry")]
    [InlineData(CaseStage.Assessment, CaseStage.Review, "once a child protection plan has started")]
    [InlineData(CaseStage.Referral, CaseStage.Section47Enquiry, "after a strategy discussion")]
    [InlineData(CaseStage.Closed, CaseStage.Assessment, "closed")]
    public void A_step_that_is_not_open_says_why(CaseStage from, CaseStage to, string reason) =>
        Assert.Contains(reason, CaseWorkflow.WhyNot(from, to));

    [Theory]
    [InlineData(CaseStage.Section47Enquiry, CaseStage.InitialChildProtectionConference)]
    [InlineData(CaseStage.StrategyDiscussion, CaseStage.Section47Enquiry)]
    [InlineData(CaseStage.Plan, CaseStage.Review)]
    public void An_open_step_has_no_reason_against_it(CaseStage from, CaseStage to) => Assert.Null(CaseWorkflow.WhyNot(from, to));
}
