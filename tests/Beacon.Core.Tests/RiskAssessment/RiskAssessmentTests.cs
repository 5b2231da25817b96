using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.RiskAssessment;
using Assessment = Beacon.Core.RiskAssessment.RiskAssessment;

namespace Beacon.Core.Tests.RiskAssessment;

public class RiskAssessmentTests
{
    private static readonly ScoringPolicy Policy = ScoringPolicy.Default;
    private static readonly DateTime T0 = Build.T0;

    [Fact]
    public void A_new_assessment_is_an_empty_draft_for_the_child()
    {
        var assessment = Build.Draft();

        Assert.Equal(AssessmentStatus.Draft, assessment.Status);
        Assert.Equal(Build.ChildId, assessment.ChildId);
        Assert.NotEqual(Guid.Empty, assessment.Id);
        Assert.Empty(assessment.Indicators);
        Assert.Null(assessment.Level);
    }

    [Fact]
    public void Ticking_records_evidence_and_the_agency_it_came_from()
    {
        var assessment = Build.Draft();

        assessment.TickIndicator("gets-into-cars", Agency.YouthOutreach, "  Seen getting into a silver car outside the youth club  ", Build.OtherWorker, T0.AddHours(1));

        var ticked = Assert.Single(assessment.Indicators);
        Assert.Equal("gets-into-cars", ticked.Code);
        Assert.Equal(Agency.YouthOutreach, ticked.SourceAgency);
        Assert.Equal("Seen getting into a silver car outside the youth club", ticked.Evidence);
        Assert.Equal(Build.OtherWorker, ticked.RecordedByUserId);
        Assert.Equal(T0.AddHours(1), ticked.RecordedAtUtc);
        Assert.Equal(ExploitationRiskLevel.AtRisk, assessment.Evaluate(Policy).Level);
    }

    [Theory]
    [InlineData("made-up-indicator")]
    [InlineData("")]
    [InlineData("going missing")]
    public void Ticking_an_unknown_indicator_is_refused(string code)
    {
        var assessment = Build.Draft();

        var refusal = Assert.Throws<DomainRuleViolation>(() => assessment.TickIndicator(code, Agency.Police, "x", Build.Author, T0));

        Assert.Equal("IndicatorCode", refusal.Field);
        Assert.Empty(assessment.Indicators);
    }

    public static TheoryData<string, Action<Assessment>, string> DraftEditRefusals => new()
    {
        { "tick twice", a => a.TickIndicator("going-missing", Agency.Police, "again", Build.Author, T0), "already ticked" },
        { "no agency", a => a.TickIndicator("self-harm", (Agency)0, "x", Build.Author, T0), "Choose the agency" },
        { "no recorder", a => a.TickIndicator("self-harm", Agency.Health, "x", " ", T0), "person making the change" },
        { "local time", a => a.TickIndicator("self-harm", Agency.Health, "x", Build.Author, new DateTime(2025, 3, 3, 10, 0, 0, DateTimeKind.Local)), "UTC" },
        { "before start", a => a.TickIndicator("self-harm", Agency.Health, "x", Build.Author, T0.AddMinutes(-1)), "before the assessment was started" },
        { "evidence for unticked", a => a.RecordEvidence("self-harm", Agency.Health, "x", Build.Author, T0), "not ticked" },
        { "untick unticked", a => a.UntickIndicator("self-harm"), "not ticked" },
        { "untick unknown", a => a.UntickIndicator("nope"), "not an indicator" },
        { "judgement without reason", a => a.RecordJudgement(ExploitationRiskLevel.Serious, "  ", Build.Author, T0), "Give the reason" },
        { "judgement unknown level", a => a.RecordJudgement((ExploitationRiskLevel)9, "why", Build.Author, T0), "Choose a risk level" },
    };

    [Theory]
    [MemberData(nameof(DraftEditRefusals))]
    public void Bad_draft_edits_are_refused_and_change_nothing(string because, Action<Assessment> edit, string expectedMessage)
    {
        var assessment = Build.Draft("going-missing");

        var refusal = Assert.Throws<DomainRuleViolation>(() => edit(assessment));

        Assert.Contains(expectedMessage, refusal.Message);
        Assert.Equal("going-missing", Assert.Single(assessment.Indicators).Code);
        Assert.Null(assessment.JudgedLevel);
        Assert.False(string.IsNullOrEmpty(because));
    }

    [Fact]
    public void Unticking_and_evidence_changes_update_the_computed_level()
    {
        var assessment = Build.Draft("going-missing", "older-boyfriend", "looked-after");
        Assert.Equal(ExploitationRiskLevel.Significant, assessment.Evaluate(Policy).Level);

        assessment.UntickIndicator("LOOKED-AFTER");
        assessment.RecordEvidence("going-missing", Agency.ChildrensSocialCare, "Missing three nights in February", Build.Author, T0);

        Assert.Equal(ExploitationRiskLevel.AtRisk, assessment.Evaluate(Policy).Level);
        var ticked = assessment.Indicators.Single(i => i.Code == "going-missing");
        Assert.Equal(Agency.ChildrensSocialCare, ticked.SourceAgency);
        Assert.Equal("Missing three nights in February", ticked.Evidence);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Sign_off_is_refused_while_a_ticked_indicator_has_no_evidence(string? evidence)
    {
        var assessment = Build.Draft("going-missing");
        assessment.TickIndicator("sti-pregnancy", Agency.Health, evidence, Build.Author, T0);

        var refusal = Assert.Throws<DomainRuleViolation>(() => assessment.SignOff(Build.Author, T0.AddHours(1), Policy));

        Assert.Contains("Sexually transmitted infection or pregnancy", refusal.Message);
        Assert.DoesNotContain("Going missing", refusal.Message);
        Assert.Equal("sti-pregnancy", refusal.Field);
        Assert.True(assessment.IsDraft);
    }

    [Fact]
    public void Sign_off_snapshots_score_levels_and_explanation()
    {
        var assessment = Build.Draft("going-missing", "older-boyfriend", "looked-after");

        assessment.SignOff(Build.Author, T0.AddHours(2), Policy);

        Assert.Equal(AssessmentStatus.SignedOff, assessment.Status);
        Assert.True(assessment.IsCurrent);
        Assert.Equal(7, assessment.Score);
        Assert.Equal(ExploitationRiskLevel.Significant, assessment.ComputedLevel);
        Assert.Equal(ExploitationRiskLevel.Significant, assessment.Level);
        Assert.Equal(Build.Author, assessment.SignedOffByUserId);
        Assert.Equal(T0.AddHours(2), assessment.SignedOffAtUtc);
        Assert.Contains("significant risk threshold", assessment.ScoreExplanation);
    }

    [Fact]
    public void Sign_off_keeps_the_level_concluded_even_if_weights_change_later()
    {
        var assessment = Build.Draft("going-missing");
        assessment.SignOff(Build.Author, T0.AddHours(1), Policy);

        var harsher = Policy with { Weights = new Dictionary<string, int> { ["going-missing"] = 20 } };

        Assert.Equal(ExploitationRiskLevel.AtRisk, assessment.CurrentLevel(harsher));
    }

    [Fact]
    public void A_screening_with_nothing_ticked_signs_off_as_no_apparent_risk()
    {
        var assessment = Build.Draft();

        assessment.SignOff(Build.Author, T0, Policy);

        Assert.Equal(ExploitationRiskLevel.NoApparentRisk, assessment.Level);
        Assert.Equal(0, assessment.Score);
    }

    [Theory]
    [InlineData("", "The person signing off")]
    [InlineData("worker-ada", "before it was started")]
    public void Sign_off_needs_a_signer_and_a_time_after_the_start(string signer, string expectedMessage)
    {
        var assessment = Build.Draft();

        var refusal = Assert.Throws<DomainRuleViolation>(() => assessment.SignOff(signer, signer == "" ? T0 : T0.AddDays(-1), Policy));

        Assert.Contains(expectedMessage, refusal.Message);
        Assert.True(assessment.IsDraft);
    }

    public static TheoryData<string, Action<Assessment>> ChangesAfterSignOff => new()
    {
        { "tick", a => a.TickIndicator("self-harm", Agency.Health, "x", Build.Author, T0.AddDays(1)) },
        { "untick", a => a.UntickIndicator("going-missing") },
        { "evidence", a => a.RecordEvidence("going-missing", Agency.Police, "changed", Build.Author, T0.AddDays(1)) },
        { "judgement", a => a.RecordJudgement(ExploitationRiskLevel.Serious, "worse", Build.Author, T0.AddDays(1)) },
        { "clear judgement", a => a.ClearJudgement() },
        { "approve", a => a.ApproveLowering(Build.Manager(), T0.AddDays(1), ScoringPolicy.Default) },
        { "sign off again", a => a.SignOff(Build.Author, T0.AddDays(1), ScoringPolicy.Default) },
    };

    [Theory]
    [MemberData(nameof(ChangesAfterSignOff))]
    public void A_signed_off_assessment_refuses_every_change(string change, Action<Assessment> attempt)
    {
        var assessment = Build.Draft("going-missing");
        assessment.SignOff(Build.Author, T0.AddHours(1), Policy);

        var refusal = Assert.Throws<DomainRuleViolation>(() => attempt(assessment));

        Assert.Contains("can no longer be changed", refusal.Message);
        Assert.Contains("Start a new assessment", refusal.Message);
        var ticked = Assert.Single(assessment.Indicators);
        Assert.Equal("Evidence for going-missing", ticked.Evidence);
        Assert.Equal(ExploitationRiskLevel.AtRisk, assessment.Level);
        Assert.Equal(T0.AddHours(1), assessment.SignedOffAtUtc);
        Assert.False(string.IsNullOrEmpty(change));
    }

    [Theory]
    [MemberData(nameof(ChangesAfterSignOff))]
    public void A_superseded_assessment_refuses_every_change_too(string change, Action<Assessment> attempt)
    {
        var old = Build.SignedOff(T0, codes: "going-missing");
        Build.SignedOff(T0.AddDays(10), previous: old);

        Assert.Throws<DomainRuleViolation>(() => attempt(old));
        Assert.Equal(AssessmentStatus.Superseded, old.Status);
        Assert.False(string.IsNullOrEmpty(change));
    }

    [Theory]
    [InlineData("going-missing", ExploitationRiskLevel.AtRisk, ExploitationRiskLevel.Significant)]
    [InlineData("going-missing", ExploitationRiskLevel.AtRisk, ExploitationRiskLevel.Serious)]
    [InlineData("", ExploitationRiskLevel.NoApparentRisk, ExploitationRiskLevel.AtRisk)]
    [InlineData("going-missing", ExploitationRiskLevel.AtRisk, ExploitationRiskLevel.AtRisk)]
    public void Raising_the_level_needs_only_a_reason(string codes, ExploitationRiskLevel computed, ExploitationRiskLevel judged)
    {
        var assessment = Build.Draft(codes.Split(',', StringSplitOptions.RemoveEmptyEntries));
        assessment.RecordJudgement(judged, "Intelligence suggests an organised group", Build.Author, T0);

        Assert.False(assessment.NeedsLoweringApproval(Policy));
        assessment.SignOff(Build.Author, T0.AddHours(1), Policy);

        Assert.Equal(computed, assessment.ComputedLevel);
        Assert.Equal(judged, assessment.Level);
        Assert.Equal("Intelligence suggests an organised group", assessment.JudgementReason);
    }

    [Theory]
    [InlineData(ExploitationRiskLevel.AtRisk)]
    [InlineData(ExploitationRiskLevel.NoApparentRisk)]
    public void Lowering_the_level_without_a_managers_approval_is_refused_at_sign_off(ExploitationRiskLevel judged)
    {
        var assessment = Build.Draft("going-missing", "older-boyfriend", "looked-after");
        assessment.RecordJudgement(judged, "Episodes explained by a family dispute", Build.Author, T0);

        Assert.True(assessment.NeedsLoweringApproval(Policy));
        var refusal = Assert.Throws<DomainRuleViolation>(() => assessment.SignOff(Build.Author, T0.AddHours(1), Policy));

        Assert.Contains($"Lowering the level from Significant risk to {judged.DisplayName()} needs a team manager's approval", refusal.Message);
        Assert.True(assessment.IsDraft);
    }

    [Fact]
    public void Lowering_with_a_different_team_managers_approval_signs_off_at_the_judged_level()
    {
        var assessment = Build.Draft("going-missing", "older-boyfriend", "looked-after");
        assessment.RecordJudgement(ExploitationRiskLevel.AtRisk, "Episodes explained by a family dispute", Build.Author, T0);

        assessment.ApproveLowering(Build.Manager(), T0.AddHours(1), Policy);
        assessment.SignOff(Build.Author, T0.AddHours(2), Policy);

        Assert.Equal(ExploitationRiskLevel.Significant, assessment.ComputedLevel);
        Assert.Equal(ExploitationRiskLevel.AtRisk, assessment.Level);
        Assert.Equal("manager-cleo", assessment.LoweringApprovedByUserId);
        Assert.Equal(ExploitationRiskLevel.Significant, assessment.LoweringApprovedFromLevel);
        Assert.Equal(ExploitationRiskLevel.AtRisk, assessment.LoweringApprovedToLevel);
    }

    public static TheoryData<string, string, Actor, string> ApprovalRefusals => new()
    {
        { "not a manager", "going-missing,older-boyfriend,looked-after", Build.Worker(), "Only a team manager" },
        { "manager is the author", "going-missing,older-boyfriend,looked-after", Build.Manager(Build.Author), "Ask another team manager" },
        { "manager set the level", "going-missing,older-boyfriend,looked-after", Build.Manager(Build.OtherWorker), "Ask another team manager" },
        { "judged not lower", "going-missing", Build.Manager(), "no approval is needed" },
        { "override fired", "disclosure", Build.Manager(), "cannot be lowered by judgement" },
    };

    [Theory]
    [MemberData(nameof(ApprovalRefusals))]
    public void Approval_of_lowering_is_refused_when_it_cannot_stand(string because, string codes, Actor approver, string expectedMessage)
    {
        var assessment = Build.Draft(codes.Split(','));
        assessment.RecordJudgement(ExploitationRiskLevel.AtRisk, "Reason", Build.OtherWorker, T0);

        var refusal = Assert.Throws<DomainRuleViolation>(() => assessment.ApproveLowering(approver, T0.AddHours(1), Policy));

        Assert.Contains(expectedMessage, refusal.Message);
        Assert.False(assessment.IsLoweringApproved);
        Assert.False(string.IsNullOrEmpty(because));
    }

    [Fact]
    public void Approval_is_refused_when_no_level_was_judged()
    {
        var assessment = Build.Draft("going-missing");

        var refusal = Assert.Throws<DomainRuleViolation>(() => assessment.ApproveLowering(Build.Manager(), T0, Policy));

        Assert.Contains("nothing to approve", refusal.Message);
    }

    [Fact]
    public void Override_level_cannot_be_lowered_at_sign_off_either()
    {
        var assessment = Build.Draft("police-sexual-offence");
        assessment.RecordJudgement(ExploitationRiskLevel.Significant, "Suspect was a peer", Build.Author, T0);

        var refusal = Assert.Throws<DomainRuleViolation>(() => assessment.SignOff(Build.Author, T0.AddHours(1), Policy));

        Assert.Contains("Police report of a sexual offence against the child makes the level serious risk", refusal.Message);
    }

    public static TheoryData<string, Action<Assessment>> EditsAfterApproval => new()
    {
        { "tick", a => a.TickIndicator("self-harm", Agency.Health, "x", Build.Author, T0.AddHours(2)) },
        { "untick", a => a.UntickIndicator("looked-after") },
        { "evidence", a => a.RecordEvidence("going-missing", Agency.Police, "changed", Build.Author, T0.AddHours(2)) },
        { "judgement", a => a.RecordJudgement(ExploitationRiskLevel.NoApparentRisk, "lower still", Build.Author, T0.AddHours(2)) },
    };

    [Theory]
    [MemberData(nameof(EditsAfterApproval))]
    public void Any_edit_after_approval_withdraws_it(string edit, Action<Assessment> change)
    {
        var assessment = Build.Draft("going-missing", "older-boyfriend", "looked-after", "unexplained-phones");
        assessment.RecordJudgement(ExploitationRiskLevel.AtRisk, "Reason", Build.Author, T0);
        assessment.ApproveLowering(Build.Manager(), T0.AddHours(1), Policy);

        change(assessment);

        Assert.False(assessment.IsLoweringApproved);
        Assert.Throws<DomainRuleViolation>(() => assessment.SignOff(Build.Author, T0.AddHours(3), Policy));
        Assert.False(string.IsNullOrEmpty(edit));
    }

    [Fact]
    public void Approval_no_longer_counts_if_the_policy_now_computes_a_different_level()
    {
        var assessment = Build.Draft("going-missing", "older-boyfriend", "looked-after");
        assessment.RecordJudgement(ExploitationRiskLevel.AtRisk, "Reason", Build.Author, T0);
        assessment.ApproveLowering(Build.Manager(), T0.AddHours(1), Policy);

        var harsher = Policy with { Weights = new Dictionary<string, int> { ["looked-after"] = 6 } };

        var refusal = Assert.Throws<DomainRuleViolation>(() => assessment.SignOff(Build.Author, T0.AddHours(2), harsher));
        Assert.Contains("from Serious risk to At risk", refusal.Message);
    }

    [Fact]
    public void A_new_assessment_supersedes_the_current_one_and_keeps_it_as_history()
    {
        var first = Build.SignedOff(T0, codes: "going-missing");
        var second = Build.SignedOff(T0.AddDays(20), previous: first, codes: ["going-missing", "older-boyfriend", "looked-after"]);

        Assert.Equal(AssessmentStatus.Superseded, first.Status);
        Assert.False(first.IsCurrent);
        Assert.Equal(second.Id, first.SupersededById);
        Assert.Equal(T0.AddDays(20), first.SupersededAtUtc);
        Assert.Equal(ExploitationRiskLevel.AtRisk, first.Level);
        Assert.Equal(first.Id, second.SupersedesId);
        Assert.True(second.IsCurrent);
        Assert.Equal(ExploitationRiskLevel.Significant, second.Level);
    }

    public static TheoryData<string, Func<Assessment>, string> SupersessionRefusals => new()
    {
        { "previous is a draft", () => Build.Draft("going-missing"), "still a draft" },
        { "another child", () => Build.SignedOff(T0, childId: Guid.NewGuid()), "same child" },
        { "already superseded", () => { var old = Build.SignedOff(T0); Build.SignedOff(T0.AddDays(1), previous: old); return old; }, "already been superseded" },
        { "signed off later", () => Build.SignedOff(T0.AddDays(30)), "before the one it supersedes" },
    };

    [Theory]
    [MemberData(nameof(SupersessionRefusals))]
    public void Superseding_is_refused_when_the_previous_assessment_is_not_the_childs_current_one(
        string because, Func<Assessment> previousFactory, string expectedMessage)
    {
        var previous = previousFactory();
        var statusBefore = previous.Status;
        var next = Build.DraftFor(Build.ChildId, T0);

        var refusal = Assert.Throws<DomainRuleViolation>(() => next.SignOff(Build.Author, T0.AddDays(2), Policy, previous));

        Assert.Contains(expectedMessage, refusal.Message);
        Assert.True(next.IsDraft);
        Assert.Equal(statusBefore, previous.Status);
        Assert.False(string.IsNullOrEmpty(because));
    }

    [Fact]
    public void An_assessment_cannot_supersede_itself()
    {
        var assessment = Build.Draft();

        Assert.Throws<DomainRuleViolation>(() => assessment.SignOff(Build.Author, T0, Policy, assessment));
    }

    [Fact]
    public void Starting_needs_a_child_and_an_author()
    {
        Assert.Throws<DomainRuleViolation>(() => Assessment.Start(Guid.Empty, Build.Author, T0));
        Assert.Throws<DomainRuleViolation>(() => Assessment.Start(Build.ChildId, "", T0));
    }
}
