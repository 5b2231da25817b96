using Beacon.Core.Common;
using Beacon.Core.RiskAssessment;
using Assessment = Beacon.Core.RiskAssessment.RiskAssessment;

namespace Beacon.Core.Tests.RiskAssessment;

/// <summary>Sign-off signs what the person checked; a mistaken sign-off is withdrawn with a reason and a manager's agreement, never deleted.</summary>
public sealed class SignOffAndWithdrawalTests
{
    private static readonly ScoringPolicy Policy = ScoringPolicy.Default;
    private static readonly DateTime T0 = Build.T0;

    [Fact]
    public void Sign_off_signs_the_level_and_indicators_the_person_checked()
    {
        var assessment = Build.Draft("going-missing", "older-boyfriend");
        var level = assessment.Evaluate(Policy).Level;

        assessment.SignOff(Build.Author, T0.AddHours(1), Policy, null, level, ["older-boyfriend", "going-missing"]);

        Assert.Equal(AssessmentStatus.SignedOff, assessment.Status);
        Assert.Equal(level, assessment.Level);
    }

    public static TheoryData<string, ExploitationRiskLevel, string[]> ChangedSinceChecked => new()
    {
        // The person saw ticks that were never saved: the tool is blank, so it would sign "no apparent risk".
        { "", ExploitationRiskLevel.Significant, ["going-missing", "older-boyfriend", "looked-after"] },
        // A tick was saved in another tab after the check page was shown.
        { "going-missing,self-harm", ExploitationRiskLevel.AtRisk, ["going-missing"] },
        // Same indicators, but the level shown was not the level it would sign.
        { "going-missing", ExploitationRiskLevel.Serious, ["going-missing"] },
    };

    [Theory]
    [MemberData(nameof(ChangedSinceChecked))]
    public void Sign_off_is_refused_when_the_assessment_is_not_what_the_person_checked(string saved, ExploitationRiskLevel levelSeen, string[] indicatorsSeen)
    {
        var assessment = Build.Draft(saved.Split(',', StringSplitOptions.RemoveEmptyEntries));

        var refused = Assert.Throws<DomainRuleViolation>(() => assessment.SignOff(Build.Author, T0.AddHours(1), Policy, null, levelSeen, indicatorsSeen));

        Assert.Contains("changed since you checked it", refused.Message);
        Assert.Equal(AssessmentStatus.Draft, assessment.Status);
        Assert.Null(assessment.Level);
    }

    [Fact]
    public void A_withdrawal_needs_a_reason_and_leaves_the_assessment_current_until_a_manager_agrees()
    {
        var assessment = Build.SignedOff(T0, codes: "going-missing");

        Assert.Contains("reason", Assert.Throws<DomainRuleViolation>(() => assessment.RequestWithdrawal(" ", Build.Author, T0.AddHours(1))).Message);
        assessment.RequestWithdrawal("Signed off for the wrong child", Build.Author, T0.AddHours(1));

        Assert.True(assessment.IsCurrent);
        Assert.True(assessment.IsWithdrawalRequested);
        Assert.Throws<DomainRuleViolation>(() => assessment.RequestWithdrawal("Again", Build.OtherWorker, T0.AddHours(2)));
    }

    [Fact]
    public void A_different_team_manager_agrees_and_the_assessment_it_replaced_is_current_again()
    {
        var earlier = Build.SignedOff(T0, codes: "going-missing");
        var mistaken = Build.SignedOff(T0.AddDays(1), previous: earlier);
        Assert.Equal(AssessmentStatus.Superseded, earlier.Status);
        mistaken.RequestWithdrawal("Signed off before the indicators were saved", Build.Author, T0.AddDays(1).AddHours(1));

        mistaken.AgreeWithdrawal(Build.Manager(), T0.AddDays(1).AddHours(2), earlier);

        Assert.Equal(AssessmentStatus.Withdrawn, mistaken.Status);
        Assert.False(mistaken.IsCurrent);
        Assert.Equal("manager-cleo", mistaken.WithdrawnByUserId);
        Assert.Equal("Signed off before the indicators were saved", mistaken.WithdrawalReason);
        Assert.Equal(AssessmentStatus.SignedOff, earlier.Status);
        Assert.True(earlier.IsCurrent);
        Assert.Null(earlier.SupersededById);
    }

    public static TheoryData<string, Func<Assessment, Assessment?, Action>, string> AgreementRefusals => new()
    {
        { "the person who asked", (a, e) => () => a.AgreeWithdrawal(Build.Manager(Build.Author), T0.AddDays(2), e), "another team manager" },
        { "not a team manager", (a, e) => () => a.AgreeWithdrawal(Build.Worker(), T0.AddDays(2), e), "Only a team manager" },
        { "the wrong assessment to reinstate", (a, e) => () => a.AgreeWithdrawal(Build.Manager(), T0.AddDays(2), null), "the one this assessment superseded" },
        { "dated before the request", (a, e) => () => a.AgreeWithdrawal(Build.Manager(), T0, e), "before the withdrawal was asked for" },
    };

    [Theory]
    [MemberData(nameof(AgreementRefusals))]
    public void Agreement_is_refused_when_it_cannot_stand_and_nothing_changes(string because, Func<Assessment, Assessment?, Action> agree, string expectedMessage)
    {
        var earlier = Build.SignedOff(T0, codes: "going-missing");
        var mistaken = Build.SignedOff(T0.AddDays(1), previous: earlier);
        mistaken.RequestWithdrawal("Wrong child", Build.Author, T0.AddDays(1).AddHours(1));

        var refused = Assert.Throws<DomainRuleViolation>(agree(mistaken, earlier));

        Assert.True(refused.Message.Contains(expectedMessage), $"{because}: {refused.Message}");
        Assert.Equal(AssessmentStatus.SignedOff, mistaken.Status);
        Assert.Equal(AssessmentStatus.Superseded, earlier.Status);
    }

    [Fact]
    public void Only_the_current_assessment_can_be_withdrawn_and_a_declined_request_leaves_it_standing()
    {
        var earlier = Build.SignedOff(T0, codes: "going-missing");
        var current = Build.SignedOff(T0.AddDays(1), previous: earlier);
        Assert.Throws<DomainRuleViolation>(() => earlier.RequestWithdrawal("Old one", Build.Author, T0.AddDays(2)));
        Assert.Throws<DomainRuleViolation>(() => Build.Draft().RequestWithdrawal("Draft", Build.Author, T0.AddDays(2)));

        current.RequestWithdrawal("Wrong child", Build.Author, T0.AddDays(2));
        current.DeclineWithdrawal(Build.Manager());

        Assert.True(current.IsCurrent);
        Assert.False(current.IsWithdrawalRequested);
        Assert.Null(current.WithdrawalReason);
    }

    [Fact]
    public void The_manager_who_signed_the_assessment_cannot_agree_to_withdraw_it()
    {
        var assessment = Build.Draft("going-missing");
        assessment.SignOff("manager-cleo", T0.AddHours(1), Policy);
        assessment.RequestWithdrawal("Wrong child", Build.Author, T0.AddHours(2));

        var refused = Assert.Throws<DomainRuleViolation>(() => assessment.AgreeWithdrawal(Build.Manager("manager-cleo"), T0.AddHours(3), null));

        Assert.Contains("You signed this assessment off", refused.Message);
        Assert.Equal(AssessmentStatus.SignedOff, assessment.Status);
    }

    [Fact]
    public void A_withdrawal_asked_for_on_a_superseded_assessment_does_not_come_back_when_it_is_reinstated()
    {
        var earlier = Build.SignedOff(T0, codes: "going-missing");
        earlier.RequestWithdrawal("Thought to be the wrong child", Build.Author, T0.AddHours(1));
        var later = Build.SignedOff(T0.AddDays(1), previous: earlier);
        Assert.False(earlier.IsWithdrawalRequested);
        Assert.Null(earlier.WithdrawalReason);

        later.RequestWithdrawal("Signed off before the evidence was saved", Build.Author, T0.AddDays(1).AddHours(1));
        later.AgreeWithdrawal(Build.Manager(), T0.AddDays(1).AddHours(2), earlier);

        Assert.True(earlier.IsCurrent);
        Assert.False(earlier.IsWithdrawalRequested);
    }
}
