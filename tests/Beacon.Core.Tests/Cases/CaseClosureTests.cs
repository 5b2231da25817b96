using Beacon.Core.Cases;
using Beacon.Core.RiskAssessment;
using Beacon.Core.Common;
using static Beacon.Core.Tests.Cases.CaseTestData;

namespace Beacon.Core.Tests.Cases;

public class CaseClosureTests
{
    private static readonly DateTime Requested = Utc("2024-05-01T10:00:00");

    private static Case RequestedForClosure()
    {
        var c = AtAssessment();
        c.RequestClosure("No exploitation concerns after assessment.", "sw-1", Requested);
        return c;
    }

    [Fact]
    public void Closure_needs_a_reason()
    {
        var c = AtAssessment();
        var ex = Assert.Throws<DomainRuleViolation>(() => c.RequestClosure(" ", "sw-1", Requested));
        Assert.Equal(nameof(Case.ClosureReason), ex.Field);
        Assert.False(c.IsClosureRequested);
    }

    [Fact]
    public void Requesting_closure_does_not_close_the_case()
    {
        var c = RequestedForClosure();
        Assert.True(c.IsClosureRequested);
        Assert.False(c.IsClosed);
        Assert.Equal(CaseStage.Assessment, c.Stage);
    }

    [Fact]
    public void A_manager_approves_and_the_case_closes()
    {
        var c = RequestedForClosure();
        c.ApproveClosure("tm-1", Requested.AddHours(1), ExploitationRiskLevel.AtRisk);
        Assert.True(c.IsClosed);
        Assert.Equal(CaseStage.Closed, c.Stage);
        Assert.Equal("tm-1", c.ClosureApprovedByUserId);
        Assert.Equal(Requested.AddHours(1), c.ClosedAtUtc);
        Assert.Empty(c.NextStages);
    }

    [Fact]
    public void The_requester_cannot_approve_their_own_closure()
    {
        var c = RequestedForClosure();
        Assert.Throws<DomainRuleViolation>(() => c.ApproveClosure("sw-1", Requested.AddHours(1), ExploitationRiskLevel.NoApparentRisk));
        Assert.False(c.IsClosed);
    }

    [Fact]
    public void Approval_cannot_be_before_the_request()
    {
        var c = RequestedForClosure();
        Assert.Throws<DomainRuleViolation>(() => c.ApproveClosure("tm-1", Requested.AddHours(-1), ExploitationRiskLevel.NoApparentRisk));
        Assert.False(c.IsClosed);
    }

    [Theory]
    [InlineData(ExploitationRiskLevel.NoApparentRisk, false)]
    [InlineData(ExploitationRiskLevel.AtRisk, false)]
    [InlineData(ExploitationRiskLevel.Significant, true)]
    [InlineData(ExploitationRiskLevel.Serious, true)]
    public void Significant_or_serious_risk_cannot_be_closed_without_the_panel_chair(ExploitationRiskLevel risk, bool needsChair)
    {
        var c = RequestedForClosure();
        if (needsChair)
        {
            var ex = Assert.Throws<DomainRuleViolation>(() => c.ApproveClosure("tm-1", Requested.AddHours(1), risk));
            Assert.Contains("panel chair", ex.Message);
            Assert.False(c.IsClosed);
            Assert.Equal(CaseStage.Assessment, c.Stage);
        }
        else
        {
            c.ApproveClosure("tm-1", Requested.AddHours(1), risk);
            Assert.True(c.IsClosed);
        }
    }

    [Fact]
    public void With_the_panel_chairs_agreement_a_child_at_serious_risk_can_be_closed()
    {
        var c = RequestedForClosure();
        c.AgreeClosureAsPanelChair("chair-1", Requested.AddHours(1));
        c.ApproveClosure("tm-1", Requested.AddHours(2), ExploitationRiskLevel.Serious);
        Assert.True(c.IsClosed);
        Assert.Equal("chair-1", c.PanelChairAgreedByUserId);
    }

    [Fact]
    public void Chair_cannot_agree_when_nobody_asked_to_close() =>
        Assert.Throws<DomainRuleViolation>(() => AtAssessment().AgreeClosureAsPanelChair("chair-1", Requested));

    [Fact]
    public void Declined_closure_clears_the_request_and_the_chairs_agreement()
    {
        var c = RequestedForClosure();
        c.AgreeClosureAsPanelChair("chair-1", Requested.AddHours(1));
        c.DeclineClosure("tm-1");
        Assert.False(c.IsClosureRequested);
        Assert.Null(c.ClosureReason);
        Assert.Null(c.PanelChairAgreedByUserId);
        Assert.Throws<DomainRuleViolation>(() => c.ApproveClosure("tm-1", Requested.AddHours(2), ExploitationRiskLevel.NoApparentRisk));

        c.StartPlan(PlanKind.ChildInNeed, D("2024-05-02"), "sw-1"); // work goes on
        Assert.Equal(CaseStage.Plan, c.Stage);
    }

    [Fact]
    public void The_case_does_not_move_on_while_closure_is_pending()
    {
        var c = RequestedForClosure();
        var ex = Assert.Throws<DomainRuleViolation>(() => c.StartPlan(PlanKind.ChildInNeed, D("2024-05-02"), "sw-1"));
        Assert.Contains("Closure has been requested", ex.Message);
        Assert.Equal(CaseStage.Assessment, c.Stage);
    }

    [Fact]
    public void Closure_cannot_be_requested_twice_or_on_a_closed_case()
    {
        var c = RequestedForClosure();
        Assert.Throws<DomainRuleViolation>(() => c.RequestClosure("again", "sw-2", Requested));
        var closed = Closed();
        Assert.Throws<DomainRuleViolation>(() => closed.RequestClosure("again", "sw-1", Requested));
        Assert.Throws<DomainRuleViolation>(() => closed.ApproveClosure("tm-2", Requested, ExploitationRiskLevel.NoApparentRisk));
    }

    [Fact]
    public void A_closed_case_refuses_every_move_and_says_it_is_closed()
    {
        var ex = Assert.Throws<DomainRuleViolation>(() => Closed().StartPlan(PlanKind.ChildInNeed, D("2024-05-02"), "sw-1"));
        Assert.Equal("This case is closed.", ex.Message);
    }
}
