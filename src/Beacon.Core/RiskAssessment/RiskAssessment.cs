using Beacon.Core.Access;
using Beacon.Core.Common;

namespace Beacon.Core.RiskAssessment;

/// <summary>
/// A CSE risk assessment of one child. It is a draft while indicators are ticked and evidenced,
/// then signed off, after which nothing on it can change: a new assessment is started instead and,
/// when signed off, supersedes this one (kept as history, never deleted).
/// Scoring depends on a <see cref="ScoringPolicy"/> passed in, and the result is copied onto the
/// assessment at sign-off so history shows the level as concluded then, even if weights change later.
/// Whether the caller may do each step (role, agency) is the caller's authorization check, except
/// lowering approval, which is a team manager's decision by definition.
/// </summary>
public sealed class RiskAssessment : IVersioned
{
    private readonly List<TickedIndicator> _indicators = [];

    private RiskAssessment() { }

    public Guid Id { get; private set; }
    public int Version { get; set; }
    public Guid ChildId { get; private set; }

    public string AuthorUserId { get; private set; } = "";
    public DateTime StartedAtUtc { get; private set; }
    public AssessmentStatus Status { get; private set; }

    public IReadOnlyList<TickedIndicator> Indicators => _indicators.AsReadOnly();

    /// <summary>The practitioner's level when it departs from the computed one; null means "use the computed level".</summary>
    public ExploitationRiskLevel? JudgedLevel { get; private set; }
    public string? JudgementReason { get; private set; }
    public string? JudgementByUserId { get; private set; }
    public DateTime? JudgementAtUtc { get; private set; }

    /// <summary>A team manager's agreement to go from <see cref="LoweringApprovedFromLevel"/> down to <see cref="LoweringApprovedToLevel"/>.</summary>
    public string? LoweringApprovedByUserId { get; private set; }
    public DateTime? LoweringApprovedAtUtc { get; private set; }
    public ExploitationRiskLevel? LoweringApprovedFromLevel { get; private set; }
    public ExploitationRiskLevel? LoweringApprovedToLevel { get; private set; }

    public string? SignedOffByUserId { get; private set; }
    public DateTime? SignedOffAtUtc { get; private set; }
    /// <summary>The score and computed level at sign-off (snapshotted: policies change, history must not).</summary>
    public int? Score { get; private set; }
    public ExploitationRiskLevel? ComputedLevel { get; private set; }
    /// <summary>The level this assessment concluded: the judged level if one was recorded, else the computed level.</summary>
    public ExploitationRiskLevel? Level { get; private set; }
    public string? ScoreExplanation { get; private set; }

    public Guid? SupersedesId { get; private set; }
    public Guid? SupersededById { get; private set; }
    public DateTime? SupersededAtUtc { get; private set; }

    /// <summary>Why the person who asked thinks this signed-off assessment was a mistake, waiting for a team manager.</summary>
    public string? WithdrawalReason { get; private set; }
    public string? WithdrawalRequestedByUserId { get; private set; }
    public DateTime? WithdrawalRequestedAtUtc { get; private set; }
    public string? WithdrawnByUserId { get; private set; }
    public DateTime? WithdrawnAtUtc { get; private set; }
    public bool IsWithdrawalRequested => WithdrawalRequestedAtUtc is not null && Status == AssessmentStatus.SignedOff;

    public bool IsDraft => Status == AssessmentStatus.Draft;
    public bool IsCurrent => Status == AssessmentStatus.SignedOff;
    public bool IsLoweringApproved => LoweringApprovedByUserId is not null;

    /// <summary>An assessment started by <paramref name="author"/>, whose organisation is involved with the child from now on.</summary>
    public static RiskAssessment Start(Children.Child child, Access.Actor author, DateTime startedAtUtc)
    {
        var assessment = Start(child.Id, author.UserId, startedAtUtc);
        child.InvolveOrganisationOf(author, startedAtUtc);
        return assessment;
    }

    internal static RiskAssessment Start(Guid childId, string authorUserId, DateTime startedAtUtc)
    {
        if (childId == Guid.Empty)
            throw new DomainRuleViolation("Choose the child this assessment is about.", nameof(ChildId));
        return new RiskAssessment
        {
            Id = Guid.NewGuid(),
            ChildId = childId,
            AuthorUserId = Guard.Required(authorUserId, nameof(AuthorUserId), "The person starting the assessment must be recorded."),
            StartedAtUtc = Guard.AsUtc(startedAtUtc, nameof(StartedAtUtc)),
            Status = AssessmentStatus.Draft,
        };
    }

    /// <summary>Ticks an indicator. Evidence may follow later, but sign-off needs it for every tick.</summary>
    public TickedIndicator TickIndicator(string code, Agency sourceAgency, string? evidence, string byUserId, DateTime atUtc)
    {
        RequireDraft();
        var indicator = IndicatorCatalogue.Get(code);
        var (by, at) = RequireEdit(byUserId, atUtc);
        RequireAgency(sourceAgency);
        if (Find(indicator.Code) is not null)
            throw new DomainRuleViolation($"'{indicator.Label}' is already ticked. Change its evidence instead.", indicator.Code);

        var ticked = new TickedIndicator(ChildId, indicator.Code, sourceAgency, evidence, by, at);
        _indicators.Add(ticked);
        Edited();
        return ticked;
    }

    public void RecordEvidence(string code, Agency sourceAgency, string? evidence, string byUserId, DateTime atUtc)
    {
        RequireDraft();
        var indicator = IndicatorCatalogue.Get(code);
        var (by, at) = RequireEdit(byUserId, atUtc);
        RequireAgency(sourceAgency);
        var ticked = Find(indicator.Code)
            ?? throw new DomainRuleViolation($"'{indicator.Label}' is not ticked on this assessment. Tick it first.", indicator.Code);
        ticked.Update(sourceAgency, evidence, by, at);
        Edited();
    }

    public void UntickIndicator(string code)
    {
        RequireDraft();
        var indicator = IndicatorCatalogue.Get(code);
        var ticked = Find(indicator.Code)
            ?? throw new DomainRuleViolation($"'{indicator.Label}' is not ticked on this assessment.", indicator.Code);
        _indicators.Remove(ticked);
        Edited();
    }

    /// <summary>
    /// Records the practitioner's own level with a reason. Raising it needs nothing more; lowering
    /// it below the computed level also needs a team manager's approval before sign-off.
    /// </summary>
    public void RecordJudgement(ExploitationRiskLevel level, string reason, string byUserId, DateTime atUtc)
    {
        RequireDraft();
        if (!Enum.IsDefined(level))
            throw new DomainRuleViolation("Choose a risk level.", nameof(JudgedLevel));
        var why = Guard.Text(reason, nameof(JudgementReason),
            "Give the reason for setting the level yourself rather than using the computed level.");
        var (by, at) = RequireEdit(byUserId, atUtc);
        Edited();
        JudgedLevel = level;
        JudgementReason = why;
        JudgementByUserId = by;
        JudgementAtUtc = at;
    }

    public void ClearJudgement()
    {
        RequireDraft();
        Edited();
        JudgedLevel = null;
        JudgementReason = null;
        JudgementByUserId = null;
        JudgementAtUtc = null;
    }

    /// <summary>The computed level and its explanation for the indicators ticked now.</summary>
    public RiskScore Evaluate(ScoringPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Score(_indicators.Select(i => i.Code));
    }

    /// <summary>The level this assessment stands at: as signed off, or for a draft, as it would be signed off now.</summary>
    public ExploitationRiskLevel CurrentLevel(ScoringPolicy policy) =>
        Level ?? JudgedLevel ?? Evaluate(policy).Level;

    /// <summary>Whether, under this policy, the draft lowers the computed level and so needs a team manager's approval.</summary>
    public bool NeedsLoweringApproval(ScoringPolicy policy) =>
        JudgedLevel is { } judged && judged < Evaluate(policy).Level;

    /// <summary>
    /// A team manager agrees to the judged level being below the computed one. The approval covers
    /// the assessment as the manager saw it: any later edit withdraws it.
    /// </summary>
    public void ApproveLowering(Actor approver, DateTime atUtc, ScoringPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(approver);
        RequireDraft();
        var at = Guard.AsUtc(atUtc, nameof(LoweringApprovedAtUtc));
        if (!approver.IsIn(BeaconRoles.TeamManager))
            throw new DomainRuleViolation("Only a team manager can approve lowering a risk level.");
        if (SameUser(approver.UserId, AuthorUserId) || SameUser(approver.UserId, JudgementByUserId))
            throw new DomainRuleViolation(
                "You cannot approve lowering a level on an assessment you wrote or whose level you set. Ask another team manager.");
        if (JudgedLevel is not { } judged)
            throw new DomainRuleViolation("No level has been set by judgement, so there is nothing to approve.");

        var score = Evaluate(policy);
        if (judged >= score.Level)
            throw new DomainRuleViolation(
                $"The judged level ({judged.DisplayName()}) is not below the computed level ({score.Level.DisplayName()}), so no approval is needed.");
        RequireNotBelowOverride(score, judged);
        if (at < JudgementAtUtc)
            throw new DomainRuleViolation("The approval cannot be dated before the level it approves was set.", nameof(LoweringApprovedAtUtc));

        LoweringApprovedByUserId = approver.UserId;
        LoweringApprovedAtUtc = at;
        LoweringApprovedFromLevel = score.Level;
        LoweringApprovedToLevel = judged;
    }

    /// <summary>
    /// Signs off exactly what the person checked: <paramref name="levelSeen"/> and <paramref name="indicatorsSeen"/>
    /// are what the check page showed them. If the assessment now says anything else (a tick saved or lost since,
    /// a policy change), nothing is signed and they are asked to check again.
    /// </summary>
    public void SignOff(string byUserId, DateTime atUtc, ScoringPolicy policy, RiskAssessment? previous, ExploitationRiskLevel levelSeen, IReadOnlyCollection<string> indicatorsSeen)
    {
        RequireDraft();
        ArgumentNullException.ThrowIfNull(indicatorsSeen);
        var level = JudgedLevel ?? Evaluate(policy).Level;
        if (level != levelSeen || !_indicators.Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(indicatorsSeen))
            throw new DomainRuleViolation(
                $"The assessment has changed since you checked it: it now concludes {level.DisplayName().ToLowerInvariant()} with {_indicators.Count} indicator{(_indicators.Count == 1 ? "" : "s")} ticked. Check it again before signing off.");
        SignOff(byUserId, atUtc, policy, previous);
    }

    /// <summary>
    /// Signs the assessment off, after which it cannot change. <paramref name="previous"/> is the
    /// child's current signed-off assessment, if any; it is marked superseded by this one.
    /// </summary>
    public void SignOff(string byUserId, DateTime atUtc, ScoringPolicy policy, RiskAssessment? previous = null)
    {
        RequireDraft();
        var by = Guard.Required(byUserId, nameof(SignedOffByUserId), "The person signing off must be recorded.");
        var at = Guard.AsUtc(atUtc, nameof(SignedOffAtUtc));
        if (at < StartedAtUtc)
            throw new DomainRuleViolation("An assessment cannot be signed off before it was started.", nameof(SignedOffAtUtc));

        var unevidenced = _indicators.Where(i => !i.HasEvidence).ToList();
        if (unevidenced.Count > 0)
            throw new DomainRuleViolation(
                "Every ticked indicator needs evidence before sign-off. Add evidence for: "
                + string.Join("; ", unevidenced.Select(i => i.Indicator.Label)) + ".",
                unevidenced[0].Code);

        var score = Evaluate(policy);
        var level = JudgedLevel ?? score.Level;
        if (level < score.Level)
        {
            RequireNotBelowOverride(score, level);
            if (LoweringApprovedFromLevel != score.Level || LoweringApprovedToLevel != level)
                throw new DomainRuleViolation(
                    $"Lowering the level from {score.Level.DisplayName()} to {level.DisplayName()} needs a team manager's approval before sign-off.",
                    nameof(JudgedLevel));
        }

        if (previous is not null)
            RequireSupersedable(previous, at);

        Status = AssessmentStatus.SignedOff;
        SignedOffByUserId = by;
        SignedOffAtUtc = at;
        Score = score.Score;
        ComputedLevel = score.Level;
        Level = level;
        ScoreExplanation = score.Explanation;

        if (previous is not null)
        {
            SupersedesId = previous.Id;
            previous.Status = AssessmentStatus.Superseded;
            // A withdrawal asked for on the assessment now replaced is moot: it must not come back if this one is withdrawn.
            previous.WithdrawalReason = null;
            previous.WithdrawalRequestedByUserId = null;
            previous.WithdrawalRequestedAtUtc = null;
            previous.SupersededById = Id;
            previous.SupersededAtUtc = at;
        }
    }

    /// <summary>
    /// Asks for this signed-off assessment to be withdrawn as a mistake (the wrong child, a sign-off before the
    /// evidence was saved). It stays the child's current assessment until a team manager agrees.
    /// </summary>
    public void RequestWithdrawal(string reason, string byUserId, DateTime atUtc)
    {
        if (Status != AssessmentStatus.SignedOff)
            throw new DomainRuleViolation(Status == AssessmentStatus.Draft
                ? "A draft is not signed off: change it instead of withdrawing it."
                : "Only the child's current assessment can be withdrawn.");
        if (IsWithdrawalRequested)
            throw new DomainRuleViolation("Withdrawal has already been asked for and is waiting for a team manager.");
        var why = Guard.Text(reason, nameof(WithdrawalReason), "Give the reason this assessment should be withdrawn.");
        var by = Guard.Required(byUserId, nameof(WithdrawalRequestedByUserId), "The person asking must be recorded.");
        var at = Guard.AsUtc(atUtc, nameof(WithdrawalRequestedAtUtc));
        if (at < SignedOffAtUtc)
            throw new DomainRuleViolation("Withdrawal cannot be asked for before the assessment was signed off.", nameof(WithdrawalRequestedAtUtc));
        WithdrawalReason = why;
        WithdrawalRequestedByUserId = by;
        WithdrawalRequestedAtUtc = at;
    }

    /// <summary>
    /// A team manager (not the person who asked) agrees: the assessment is marked withdrawn and kept, and the one it
    /// had superseded (<paramref name="superseded"/>, if any) is the child's current assessment again.
    /// </summary>
    public void AgreeWithdrawal(Actor manager, DateTime atUtc, RiskAssessment? superseded)
    {
        ArgumentNullException.ThrowIfNull(manager);
        RequireWithdrawalRequested();
        if (!manager.IsIn(BeaconRoles.TeamManager))
            throw new DomainRuleViolation("Only a team manager can agree to withdraw an assessment.");
        if (SameUser(manager.UserId, WithdrawalRequestedByUserId))
            throw new DomainRuleViolation("You asked for this withdrawal: another team manager must agree to it.");
        if (SameUser(manager.UserId, SignedOffByUserId))
            throw new DomainRuleViolation("You signed this assessment off: another team manager must agree to withdraw it.");
        var at = Guard.AsUtc(atUtc, nameof(WithdrawnAtUtc));
        if (at < WithdrawalRequestedAtUtc)
            throw new DomainRuleViolation("The agreement cannot be dated before the withdrawal was asked for.", nameof(WithdrawnAtUtc));
        if ((superseded?.Id) != SupersedesId)
            throw new DomainRuleViolation("The assessment to reinstate must be the one this assessment superseded.");
        if (superseded is not null && (superseded.Status != AssessmentStatus.Superseded || superseded.SupersededById != Id))
            throw new DomainRuleViolation("The earlier assessment is no longer the one this assessment superseded.");

        Status = AssessmentStatus.Withdrawn;
        WithdrawnByUserId = manager.UserId;
        WithdrawnAtUtc = at;
        if (superseded is not null)
        {
            superseded.Status = AssessmentStatus.SignedOff;
            superseded.SupersededById = null;
            superseded.SupersededAtUtc = null;
        }
    }

    /// <summary>The manager does not agree: the request is cleared and the assessment stands.</summary>
    public void DeclineWithdrawal(Actor manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        RequireWithdrawalRequested();
        if (!manager.IsIn(BeaconRoles.TeamManager))
            throw new DomainRuleViolation("Only a team manager can decline a withdrawal.");
        WithdrawalReason = null;
        WithdrawalRequestedByUserId = null;
        WithdrawalRequestedAtUtc = null;
    }

    private void RequireWithdrawalRequested()
    {
        if (!IsWithdrawalRequested)
            throw new DomainRuleViolation("No withdrawal of this assessment is waiting for a team manager.");
    }

    private void RequireSupersedable(RiskAssessment previous, DateTime at)
    {
        if (previous.Id == Id)
            throw new DomainRuleViolation("An assessment cannot supersede itself.");
        if (previous.ChildId != ChildId)
            throw new DomainRuleViolation("An assessment can only supersede an earlier assessment of the same child.");
        if (previous.Status != AssessmentStatus.SignedOff)
            throw new DomainRuleViolation(previous.IsDraft
                ? "Only a signed-off assessment can be superseded; the earlier one is still a draft."
                : "The earlier assessment has already been superseded. Supersede the child's current assessment.");
        if (at < previous.SignedOffAtUtc)
            throw new DomainRuleViolation(
                "This assessment cannot be signed off before the one it supersedes was.", nameof(SignedOffAtUtc));
    }

    // A disclosure or police-reported offence is serious at once; if it does not apply, untick it rather than judge it away.
    private static void RequireNotBelowOverride(RiskScore score, ExploitationRiskLevel level)
    {
        if (score.OverrideFired && level < ExploitationRiskLevel.Serious)
            throw new DomainRuleViolation(
                $"{string.Join(" and ", score.OverridesFired.Select(i => i.Label))} makes the level serious risk; it cannot be lowered by judgement. If the indicator does not apply, untick it.",
                nameof(JudgedLevel));
    }

    private void RequireDraft()
    {
        if (Status != AssessmentStatus.Draft)
            throw new DomainRuleViolation(
                $"This assessment was signed off on {SignedOffAtUtc:d MMMM yyyy} and can no longer be changed. Start a new assessment to record new information.");
    }

    private (string By, DateTime At) RequireEdit(string byUserId, DateTime atUtc)
    {
        var by = Guard.Required(byUserId, "RecordedByUserId", "The person making the change must be recorded.");
        var at = Guard.AsUtc(atUtc, "RecordedAtUtc");
        if (at < StartedAtUtc)
            throw new DomainRuleViolation("A change cannot be dated before the assessment was started.", "RecordedAtUtc");
        return (by, at);
    }

    private static void RequireAgency(Agency agency)
    {
        if (!Enum.IsDefined(agency))
            throw new DomainRuleViolation("Choose the agency the evidence came from.", nameof(TickedIndicator.SourceAgency));
    }

    // Any edit changes what the manager approved, so the approval no longer stands.
    private void Edited()
    {
        LoweringApprovedByUserId = null;
        LoweringApprovedAtUtc = null;
        LoweringApprovedFromLevel = null;
        LoweringApprovedToLevel = null;
    }

    private TickedIndicator? Find(string code) => _indicators.FirstOrDefault(i => i.Code == code);

    private static bool SameUser(string a, string? b) => b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
