using Beacon.Core.Common;
using Beacon.Core.Referrals;
using Beacon.Core.RiskAssessment;
using Beacon.Core.Timescales;

namespace Beacon.Core.Cases;

/// <summary>
/// One episode of work with a child, opened from a referral. It changes stage only through the
/// methods below, each of which checks <see cref="CaseWorkflow"/> and the step's own rules and
/// refuses with a reason a practitioner can read. Whether the acting user holds the right role
/// (team manager, panel chair) is the caller's authorization check.
/// </summary>
public sealed class Case : IVersioned
{
    private readonly List<StrategyDiscussion> _strategyDiscussions = [];
    private readonly List<ReviewConference> _reviewConferences = [];
    private readonly List<CaseStageChange> _stageHistory = [];

    private Case() { }

    public Guid Id { get; private set; }
    public int Version { get; set; }

    /// <summary>The short reference people quote (C-1A2B3-C4D5E), from the id.</summary>
    public string Reference { get; private set; } = "";
    public Guid ChildId { get; private set; }
    public Guid ReferralId { get; private set; }
    /// <summary>The England date the referral was received: the assessment clock starts here.</summary>
    public DateOnly ReferralReceivedOn { get; private set; }
    public DateTime OpenedAtUtc { get; private set; }
    public string OpenedByUserId { get; private set; } = "";
    public string? AllocatedWorkerUserId { get; private set; }

    public CaseStage Stage { get; private set; }
    public bool IsClosed => Stage == CaseStage.Closed;

    public DateOnly? AssessmentStartedOn { get; private set; }
    public DateOnly? AssessmentCompletedOn { get; private set; }
    public DateOnly? Section47StartedOn { get; private set; }
    public DateOnly? InitialConferenceOn { get; private set; }
    public PlanKind? PlanKind { get; private set; }
    public DateOnly? PlanStartedOn { get; private set; }

    public const int CoreGroupMaxLength = 1000;
    /// <summary>What the initial conference decided; null for conferences recorded before outcomes were kept.</summary>
    public ConferenceOutcome? InitialConferenceOutcome { get; private set; }
    /// <summary>The category of abuse a child protection plan is made under.</summary>
    public AbuseCategory? AbuseCategory { get; private set; }
    /// <summary>The core group that carries the plan out: names and agencies, as the conference named them.</summary>
    public string? CoreGroup { get; private set; }
    /// <summary>What the plan must achieve for the child: the outcomes it is measured against.</summary>
    public string? PlanOutcomes { get; private set; }

    public string? ClosureReason { get; private set; }
    public string? ClosureRequestedByUserId { get; private set; }
    public DateTime? ClosureRequestedAtUtc { get; private set; }
    public string? PanelChairAgreedByUserId { get; private set; }
    public DateTime? PanelChairAgreedAtUtc { get; private set; }
    public string? ClosureApprovedByUserId { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public bool IsClosureRequested => ClosureRequestedAtUtc is not null && !IsClosed;

    public IReadOnlyList<StrategyDiscussion> StrategyDiscussions => _strategyDiscussions.AsReadOnly();
    public IReadOnlyList<ReviewConference> ReviewConferences => _reviewConferences.AsReadOnly();
    public IReadOnlyList<CaseStageChange> StageHistory => _stageHistory.AsReadOnly();

    public StrategyDiscussion? LastStrategyDiscussion => _strategyDiscussions.MaxBy(s => s.HeldOn);
    public IReadOnlyList<CaseStage> NextStages => CaseWorkflow.NextStages(Stage);

    /// <summary>Opens a case from a referral whose decision was an assessment or a strategy discussion.</summary>
    public static Case OpenFromReferral(Referral referral, string openedByUserId, DateTime openedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(referral);
        if (referral.Outcome is not (TriageOutcome.Assessment or TriageOutcome.StrategyDiscussion))
            throw new DomainRuleViolation(
                "A case is opened only when the referral's decision is an assessment or a strategy discussion.");
        var by = Guard.Required(openedByUserId, nameof(OpenedByUserId), "The person opening the case must be recorded.");
        var at = Guard.AsUtc(openedAtUtc, nameof(OpenedAtUtc));
        if (at < referral.ReceivedAtUtc)
            throw new DomainRuleViolation("A case cannot be opened before its referral was received.", nameof(OpenedAtUtc));

        var id = Guid.NewGuid();
        return new Case
        {
            Id = id,
            Reference = RecordReference.ForCase(id),
            ChildId = referral.ChildId,
            ReferralId = referral.Id,
            ReferralReceivedOn = referral.ReceivedOn,
            OpenedAtUtc = at,
            OpenedByUserId = by,
            Stage = CaseStage.Referral,
        };
    }

    public void Allocate(string workerUserId)
    {
        RequireOpen();
        AllocatedWorkerUserId = Guard.Required(workerUserId, nameof(AllocatedWorkerUserId), "Choose the worker to allocate.");
    }

    /// <summary>
    /// Records a strategy discussion (police and children's social care must attend). A further
    /// discussion during the strategy or section 47 stage stays in that stage and restarts the
    /// initial conference clock; from referral or assessment it moves the case to strategy discussion.
    /// </summary>
    public StrategyDiscussion HoldStrategyDiscussion(
        DateOnly heldOn, IEnumerable<StrategyDiscussionAttendee> attendees, string recordedByUserId, string? decisions = null)
    {
        var by = RequireActor(recordedByUserId);
        var decided = Guard.Optional(decisions, nameof(StrategyDiscussion.Decisions));
        var people = (attendees ?? []).ToList();
        StrategyDiscussion.RequireAgencies(people);
        if (LastStrategyDiscussion is { } last && heldOn < last.HeldOn)
            throw new DomainRuleViolation(
                $"A strategy discussion was already recorded on {last.HeldOn:d MMMM yyyy}; this one cannot be dated earlier.",
                nameof(StrategyDiscussion.HeldOn));

        if (Stage is not (CaseStage.StrategyDiscussion or CaseStage.Section47Enquiry))
            MoveTo(CaseStage.StrategyDiscussion, heldOn, by);
        else
            RequireNotBeforeLastMove(heldOn);

        var discussion = new StrategyDiscussion(heldOn, by, people, decided);
        _strategyDiscussions.Add(discussion);
        return discussion;
    }

    /// <summary>The section 47 enquiry is carried out through an assessment, so this also starts the assessment clock.</summary>
    public void StartSection47Enquiry(DateOnly startedOn, string byUserId)
    {
        var by = RequireActor(byUserId);
        MoveTo(CaseStage.Section47Enquiry, startedOn, by);
        Section47StartedOn = startedOn;
        AssessmentStartedOn ??= startedOn;
    }

    public void StartAssessment(DateOnly startedOn, string byUserId)
    {
        var by = RequireActor(byUserId);
        // Moving a section 47 enquiry to "assessment" takes the case off the child protection path; that is a decision
        // with a reason of its own (ContinueUnderSection17), never a side effect of starting an assessment.
        if (Stage == CaseStage.Section47Enquiry)
            throw new DomainRuleViolation(
                "The section 47 enquiry is already carried out through an assessment, which is running. If the concerns are not substantiated, end the enquiry and continue under section 17, giving the reason.");
        MoveTo(CaseStage.Assessment, startedOn, by);
        AssessmentStartedOn ??= startedOn;
    }

    /// <summary>
    /// The section 47 concerns are not substantiated: the enquiry ends without an initial child protection conference
    /// and the assessment (already running, on its own clock) continues under section 17. The reason is kept with the
    /// stage change, so the decision to leave the child protection path is in the open.
    /// </summary>
    public void ContinueUnderSection17(string reason, DateOnly on, string byUserId)
    {
        var by = RequireActor(byUserId);
        if (Stage != CaseStage.Section47Enquiry)
            throw new DomainRuleViolation("Only a section 47 enquiry under way can end without a conference.");
        var why = Guard.Text(reason, nameof(CaseStageChange.Reason), "Give the reason the section 47 concerns are not substantiated.");
        MoveTo(CaseStage.Assessment, on, by, why);
    }

    /// <summary>Completion stops the 45-working-day clock; it does not by itself move the case on.</summary>
    public void CompleteAssessment(DateOnly completedOn, string byUserId)
    {
        RequireActor(byUserId);
        if (AssessmentStartedOn is not { } started)
            throw new DomainRuleViolation("No assessment has been started on this case.");
        if (AssessmentCompletedOn is not null)
            throw new DomainRuleViolation("The assessment has already been completed.");
        if (completedOn < started)
            throw new DomainRuleViolation(
                $"The assessment cannot be completed before it started ({started:d MMMM yyyy}).", nameof(AssessmentCompletedOn));
        AssessmentCompletedOn = completedOn;
    }

    /// <summary>
    /// The initial child protection conference and what it decided. A child protection plan needs the category of
    /// abuse and the core group; a conference that decided otherwise cannot later start one.
    /// </summary>
    public void HoldInitialConference(DateOnly heldOn, string byUserId, ConferenceOutcome? outcome = null, AbuseCategory? category = null, string? coreGroup = null)
    {
        var by = RequireActor(byUserId);
        if (outcome is { } o && !Enum.IsDefined(o))
            throw new DomainRuleViolation("Choose what the conference decided.", nameof(InitialConferenceOutcome));
        if (category is { } c && !Enum.IsDefined(c))
            throw new DomainRuleViolation("Choose the category of abuse.", nameof(AbuseCategory));
        var group = Guard.Optional(coreGroup, nameof(CoreGroup), CoreGroupMaxLength);
        if (outcome == ConferenceOutcome.ChildProtectionPlan)
        {
            if (category is null) throw new DomainRuleViolation("Choose the category of abuse the plan is made under.", nameof(AbuseCategory));
            if (group is null) throw new DomainRuleViolation("Name the core group: who will carry out the plan, and for which agency.", nameof(CoreGroup));
        }
        if (Stage == CaseStage.Section47Enquiry && LastStrategyDiscussion is { } last && heldOn < last.HeldOn)
            throw new DomainRuleViolation(
                "The initial child protection conference cannot be before the strategy discussion.", nameof(InitialConferenceOn));
        MoveTo(CaseStage.InitialChildProtectionConference, heldOn, by);
        InitialConferenceOn = heldOn;
        InitialConferenceOutcome = outcome;
        AbuseCategory = outcome == ConferenceOutcome.ChildProtectionPlan ? category : null;
        CoreGroup = outcome == ConferenceOutcome.ChildProtectionPlan ? group : null;
    }

    /// <summary>
    /// Starts a plan. Only an initial child protection conference can make a child protection plan;
    /// elsewhere (and when a review steps a plan down) the plan is child in need.
    /// </summary>
    public void StartPlan(PlanKind kind, DateOnly startedOn, string byUserId, string? outcomes = null)
    {
        var by = RequireActor(byUserId);
        if (!Enum.IsDefined(kind))
            throw new DomainRuleViolation("Choose the kind of plan.", nameof(PlanKind));
        if (kind == Cases.PlanKind.ChildProtection && Stage != CaseStage.InitialChildProtectionConference)
            throw new DomainRuleViolation(
                "Only an initial child protection conference can make a child protection plan.", nameof(PlanKind));
        if (kind == Cases.PlanKind.ChildProtection && InitialConferenceOutcome is { } decided && decided != ConferenceOutcome.ChildProtectionPlan)
            throw new DomainRuleViolation(
                $"The initial conference decided: {Common.EnumDisplay.Name(decided).ToLowerInvariant()}. A child protection plan needs a conference that decided on one.", nameof(PlanKind));
        var aims = Guard.Optional(outcomes, nameof(PlanOutcomes));
        MoveTo(CaseStage.Plan, startedOn, by);
        PlanKind = kind;
        PlanStartedOn = startedOn;
        PlanOutcomes = aims ?? PlanOutcomes;
    }

    public ReviewConference HoldReviewConference(DateOnly heldOn, string byUserId, StatutoryTimescales timescales, ReviewOutcome? outcome = null)
    {
        var by = RequireActor(byUserId);
        if (outcome is { } o && !Enum.IsDefined(o))
            throw new DomainRuleViolation("Choose what the review decided.", nameof(ReviewConference.Outcome));
        ArgumentNullException.ThrowIfNull(timescales);
        if (PlanKind != Cases.PlanKind.ChildProtection)
            throw new DomainRuleViolation(
                "Review conferences are held for children on a child protection plan; this child is not on one.");
        var dueOn = NextReviewDueOn(timescales);
        MoveTo(CaseStage.Review, heldOn, by);
        var review = new ReviewConference(_reviewConferences.Count + 1, heldOn, dueOn!.Value, by, outcome);
        _reviewConferences.Add(review);
        return review;
    }

    public void RequestClosure(string reason, string requestedByUserId, DateTime requestedAtUtc)
    {
        RequireOpen();
        if (IsClosureRequested)
            throw new DomainRuleViolation("Closure has already been requested and is waiting for a team manager.");
        var why = Guard.Text(reason, nameof(ClosureReason), "Give the reason for closing the case.");
        var by = RequireActor(requestedByUserId);
        var at = Guard.AsUtc(requestedAtUtc, nameof(ClosureRequestedAtUtc));
        if (at < OpenedAtUtc)
            throw new DomainRuleViolation("Closure cannot be requested before the case was opened.", nameof(ClosureRequestedAtUtc));
        ClosureReason = why;
        ClosureRequestedByUserId = by;
        ClosureRequestedAtUtc = at;
    }

    /// <summary>The exploitation panel chair agrees to close despite a current significant or serious risk.</summary>
    public void AgreeClosureAsPanelChair(string panelChairUserId, DateTime agreedAtUtc)
    {
        RequireClosureRequested();
        var chair = Guard.Required(panelChairUserId, nameof(PanelChairAgreedByUserId), "The panel chair must be recorded.");
        var at = Guard.AsUtc(agreedAtUtc, nameof(PanelChairAgreedAtUtc));
        if (at < ClosureRequestedAtUtc)
            throw new DomainRuleViolation("The chair's agreement cannot be dated before closure was requested.", nameof(PanelChairAgreedAtUtc));
        PanelChairAgreedByUserId = chair;
        PanelChairAgreedAtUtc = at;
    }

    /// <summary>
    /// A team manager (not the person who asked) closes the case. A child still at significant or
    /// serious risk of exploitation is not closed without the panel chair's agreement.
    /// </summary>
    public void ApproveClosure(string managerUserId, DateTime approvedAtUtc, ExploitationRiskLevel currentRiskLevel)
    {
        RequireClosureRequested();
        var manager = Guard.Required(managerUserId, nameof(ClosureApprovedByUserId), "The approving manager must be recorded.");
        if (manager == ClosureRequestedByUserId)
            throw new DomainRuleViolation(
                "Closure must be approved by a team manager other than the person who asked for it.", nameof(ClosureApprovedByUserId));
        var at = Guard.AsUtc(approvedAtUtc, nameof(ClosedAtUtc));
        if (at < ClosureRequestedAtUtc)
            throw new DomainRuleViolation("Closure cannot be approved before it was requested.", nameof(ClosedAtUtc));
        if (!Enum.IsDefined(currentRiskLevel))
            throw new DomainRuleViolation("The child's current exploitation risk level must be known before closing.");
        if (currentRiskLevel >= ExploitationRiskLevel.Significant && PanelChairAgreedByUserId is null)
            throw new DomainRuleViolation(
                $"This child's current exploitation risk is {(currentRiskLevel == ExploitationRiskLevel.Serious ? "serious" : "significant")}. " +
                "The case cannot be closed without the panel chair's agreement.");

        MoveTo(CaseStage.Closed, UkTime.ToUkDate(at), manager);
        ClosureApprovedByUserId = manager;
        ClosedAtUtc = at;
    }

    /// <summary>The manager does not agree to close: the request is cleared and work continues.</summary>
    public void DeclineClosure(string managerUserId)
    {
        RequireClosureRequested();
        RequireActor(managerUserId);
        ClosureReason = null;
        ClosureRequestedByUserId = null;
        ClosureRequestedAtUtc = null;
        PanelChairAgreedByUserId = null;
        PanelChairAgreedAtUtc = null;
    }

    public DateOnly? AssessmentDueOn(StatutoryTimescales timescales) =>
        AssessmentStartedOn is null ? null : timescales.AssessmentDue(ReferralReceivedOn);

    /// <summary>
    /// Due while a section 47 enquiry is under way, and kept once the conference is held to show
    /// whether it was on time. None when the enquiry ended without one.
    /// </summary>
    public DateOnly? InitialConferenceDueOn(StatutoryTimescales timescales) =>
        (InitialConferenceOn is not null || Stage == CaseStage.Section47Enquiry)
        && LastStrategyDiscussionBefore(InitialConferenceOn) is { } discussion
            ? timescales.InitialConferenceDue(discussion.HeldOn)
            : null;

    /// <summary>The next review conference, while the child is on a child protection plan.</summary>
    public DateOnly? NextReviewDueOn(StatutoryTimescales timescales)
    {
        if (IsClosed || PlanKind != Cases.PlanKind.ChildProtection || InitialConferenceOn is not { } icpc) return null;
        var lastReview = _reviewConferences.MaxBy(r => r.HeldOn);
        return lastReview is null ? timescales.FirstReviewDue(icpc) : timescales.NextReviewDue(lastReview.HeldOn);
    }

    /// <summary>
    /// Every statutory step on this case and where it stands: outstanding ones while the case is
    /// open, and met ones (on time or late) for good, so breaches stay counted after closure.
    /// </summary>
    public IReadOnlyList<TimescaleOutcome> TimescaleOutcomes(StatutoryTimescales timescales, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(timescales);
        var today = UkTime.ToUkDate(nowUtc);
        var calendar = timescales.Calendar;
        var outcomes = new List<TimescaleOutcome>();

        if (AssessmentDueOn(timescales) is { } assessmentDue)
            outcomes.Add(TimescaleOutcome.InWorkingDays(StatutoryStep.Assessment, assessmentDue, AssessmentCompletedOn, today, calendar));

        if (InitialConferenceDueOn(timescales) is { } icpcDue)
            outcomes.Add(TimescaleOutcome.InWorkingDays(
                StatutoryStep.InitialChildProtectionConference, icpcDue, InitialConferenceOn, today, calendar));

        foreach (var review in _reviewConferences.OrderBy(r => r.HeldOn))
            outcomes.Add(TimescaleOutcome.InCalendarDays(ReviewStep(review.Number), review.DueOn, review.HeldOn, today));

        if (NextReviewDueOn(timescales) is { } reviewDue)
            outcomes.Add(TimescaleOutcome.InCalendarDays(ReviewStep(_reviewConferences.Count + 1), reviewDue, null, today));

        return IsClosed ? outcomes.Where(o => !o.IsOutstanding).ToList() : outcomes;
    }

    private static StatutoryStep ReviewStep(int number) =>
        number == 1 ? StatutoryStep.FirstReviewConference : StatutoryStep.ReviewConference;

    private StrategyDiscussion? LastStrategyDiscussionBefore(DateOnly? heldBy) =>
        _strategyDiscussions.Where(s => heldBy is null || s.HeldOn <= heldBy).MaxBy(s => s.HeldOn);

    private void MoveTo(CaseStage to, DateOnly on, string byUserId, string? reason = null)
    {
        if (IsClosureRequested && to != CaseStage.Closed)
            throw new DomainRuleViolation(
                "Closure has been requested on this case. A team manager must decline it before the case moves on.");
        if (!CaseWorkflow.CanMove(Stage, to))
            throw new DomainRuleViolation(IsClosed
                ? $"This case is closed and cannot move to {Describe(to)}."
                : $"This case is at the {Describe(Stage)} stage and cannot move to {Describe(to)}. " +
                  $"From here it can move to: {string.Join(", ", NextStages.Select(Describe))}.");
        RequireNotBeforeLastMove(on);
        if (on < ReferralReceivedOn)
            throw new DomainRuleViolation(
                $"This cannot be dated before the referral was received ({ReferralReceivedOn:d MMMM yyyy}).");
        _stageHistory.Add(new CaseStageChange(Stage, to, on, byUserId, reason));
        Stage = to;
    }

    private void RequireNotBeforeLastMove(DateOnly on)
    {
        if (_stageHistory.Count > 0 && _stageHistory[^1] is { } last && on < last.On)
            throw new DomainRuleViolation(
                $"The case moved to {Describe(last.To)} on {last.On:d MMMM yyyy}; this cannot be dated earlier.");
    }

    private void RequireOpen()
    {
        if (IsClosed) throw new DomainRuleViolation("This case is closed.");
    }

    private void RequireClosureRequested()
    {
        RequireOpen();
        if (!IsClosureRequested)
            throw new DomainRuleViolation("Nobody has asked for this case to be closed.");
    }

    private string RequireActor(string userId)
    {
        RequireOpen();
        return Guard.Required(userId, "UserId", "The person recording this must be known.");
    }

    internal static string Describe(CaseStage stage) => stage switch
    {
        CaseStage.Referral => "referral",
        CaseStage.StrategyDiscussion => "strategy discussion",
        CaseStage.Section47Enquiry => "section 47 enquiry",
        CaseStage.Assessment => "assessment",
        CaseStage.InitialChildProtectionConference => "initial child protection conference",
        CaseStage.Plan => "plan",
        CaseStage.Review => "review",
        CaseStage.Closed => "closure",
        _ => stage.ToString(),
    };
}
