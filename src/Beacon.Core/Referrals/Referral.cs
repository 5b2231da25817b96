using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.Timescales;

namespace Beacon.Core.Referrals;

/// <summary>
/// A concern about a child raised by any agency. It waits in the front door queue until a triage
/// decision takes effect; "no further action" takes effect only when a team manager approves it,
/// so a concern cannot be quietly dropped by one person.
/// </summary>
public sealed class Referral : IVersioned
{
    private Referral() { }

    public Guid Id { get; private set; }
    public int Version { get; set; }

    /// <summary>The short reference people quote (R-1A2B3-C4D5E), from the id.</summary>
    public string Reference { get; private set; } = "";
    public Guid ChildId { get; private set; }
    public string ReferrerUserId { get; private set; } = "";
    public Agency ReferrerAgency { get; private set; }
    public string WhatWasSeen { get; private set; } = "";
    public DateTime SeenAtUtc { get; private set; }
    /// <summary>False when the referrer gave only the day: <see cref="SeenAtUtc"/> is then that day's start, not a time anyone saw.</summary>
    public bool SeenTimeGiven { get; private set; } = true;
    public DateTime ReceivedAtUtc { get; private set; }
    public SharingBasis SharingBasis { get; private set; }
    /// <summary>
    /// The referrer believes the child is being sexually exploited, or groomed for it, now: the exploitation panel
    /// sees the child at its next meeting without waiting for an assessment.
    /// </summary>
    public bool ExploitationSuspected { get; private set; }
    /// <summary>Required whenever the basis is anything other than consent.</summary>
    public string? SharingJustification { get; private set; }

    public ReferralStatus Status { get; private set; }

    /// <summary>The decision as recorded by the triaging worker (for NFA, still a proposal until approved).</summary>
    public TriageOutcome? ProposedOutcome { get; private set; }
    public string? DecisionReason { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }

    public string? ApprovedByUserId { get; private set; }
    public DateTime? ApprovedAtUtc { get; private set; }

    /// <summary>Why a manager last sent a "no further action" proposal back, if one was.</summary>
    public string? ManagerReturnReason { get; private set; }

    /// <summary>The outcome the referrer sees; null until a decision has taken effect.</summary>
    public TriageOutcome? Outcome => Status == ReferralStatus.Decided ? ProposedOutcome : null;

    /// <summary>When the decision took effect (approval time for no further action).</summary>
    public DateTime? DecisionEffectiveAtUtc =>
        Status != ReferralStatus.Decided ? null
        : ProposedOutcome == TriageOutcome.NoFurtherAction ? ApprovedAtUtc : DecidedAtUtc;

    public DateOnly ReceivedOn => UkTime.ToUkDate(ReceivedAtUtc);

    /// <summary>
    /// A concern raised by <paramref name="referrer"/> about <paramref name="child"/>. The referrer's organisation
    /// is involved with the child from now on, so it keeps seeing the record it raised a concern about.
    /// </summary>
    public static Referral Raise(
        Children.Child child,
        Actor referrer,
        string whatWasSeen,
        DateTime seenAtUtc,
        DateTime receivedAtUtc,
        SharingBasis sharingBasis,
        string? sharingJustification = null,
        bool exploitationSuspected = false,
        bool seenTimeGiven = true,
        Guid? id = null)
    {
        RequireSeenAfterBirth(seenAtUtc, child.DateOfBirth);
        var referral = Raise(child.Id, referrer.UserId, referrer.Agency, whatWasSeen, seenAtUtc, receivedAtUtc, sharingBasis, sharingJustification, id);
        referral.ExploitationSuspected = exploitationSuspected;
        referral.SeenTimeGiven = seenTimeGiven;
        child.InvolveOrganisationOf(referrer, referral.ReceivedAtUtc);
        return referral;
    }

    // Something seen before the child was born is a typing error in one date or the other.
    private static void RequireSeenAfterBirth(DateTime seenAtUtc, DateOnly? bornOn)
    {
        if (bornOn is { } born && UkTime.ToUkDate(Guard.AsUtc(seenAtUtc, nameof(SeenAtUtc))) < born)
            throw new DomainRuleViolation($"When it was seen cannot be before the child was born ({born:d MMMM yyyy}).", nameof(SeenAtUtc));
    }

    /// <summary>Runs every check <see cref="Raise(Children.Child, Actor, string, DateTime, DateTime, SharingBasis, string?, bool, bool, Guid?)"/> would, before the child's record exists.</summary>
    public static void Check(Actor referrer, string whatWasSeen, DateTime seenAtUtc, DateTime receivedAtUtc, SharingBasis sharingBasis, string? sharingJustification = null, DateOnly? childBornOn = null)
    {
        RequireSeenAfterBirth(seenAtUtc, childBornOn);
        Raise(Guid.NewGuid(), referrer.UserId, referrer.Agency, whatWasSeen, seenAtUtc, receivedAtUtc, sharingBasis, sharingJustification);
    }

    /// <summary>The referral alone; actions use <see cref="Raise(Children.Child, Actor, string, DateTime, DateTime, SharingBasis, string?, bool, bool, Guid?)"/>.</summary>
    internal static Referral Raise(
        Guid childId,
        string referrerUserId,
        Agency referrerAgency,
        string whatWasSeen,
        DateTime seenAtUtc,
        DateTime receivedAtUtc,
        SharingBasis sharingBasis,
        string? sharingJustification = null,
        Guid? id = null)
    {
        if (childId == Guid.Empty)
            throw new DomainRuleViolation("Choose the child this referral is about.", nameof(ChildId));
        var referrer = Guard.Required(referrerUserId, nameof(ReferrerUserId), "The referrer must be recorded.");
        if (!Enum.IsDefined(referrerAgency))
            throw new DomainRuleViolation("Choose the referrer's agency.", nameof(ReferrerAgency));
        var seen = Guard.Text(whatWasSeen, nameof(WhatWasSeen), "Describe what was seen or heard.");
        var seenAt = Guard.AsUtc(seenAtUtc, nameof(SeenAtUtc));
        var receivedAt = Guard.AsUtc(receivedAtUtc, nameof(ReceivedAtUtc));
        if (seenAt > receivedAt)
            throw new DomainRuleViolation("When it was seen cannot be after the referral was received.", nameof(SeenAtUtc));
        if (!Enum.IsDefined(sharingBasis))
            throw new DomainRuleViolation("Choose the basis for sharing this information.", nameof(SharingBasis));
        var justification = Guard.Optional(sharingJustification, nameof(SharingJustification));
        if (sharingBasis != SharingBasis.ConsentGiven && justification is null)
            throw new DomainRuleViolation(
                "Without consent, record why sharing is justified to protect the child.", nameof(SharingJustification));

        // A form may choose the id when it is first shown, so the same submission sent twice is refused as a duplicate.
        var referralId = id is { } chosen && chosen != Guid.Empty ? chosen : Guid.NewGuid();
        return new Referral
        {
            Id = referralId,
            Reference = RecordReference.ForReferral(referralId),
            ChildId = childId,
            ReferrerUserId = referrer,
            ReferrerAgency = referrerAgency,
            WhatWasSeen = seen,
            SeenAtUtc = seenAt,
            ReceivedAtUtc = receivedAt,
            SharingBasis = sharingBasis,
            SharingJustification = justification,
            Status = ReferralStatus.AwaitingDecision,
        };
    }

    /// <summary>
    /// Records the triage decision. Anything but "no further action" takes effect at once;
    /// "no further action" needs a reason and then a team manager's <see cref="ApproveNoFurtherAction"/>.
    /// </summary>
    public void RecordDecision(TriageOutcome outcome, string decidedByUserId, DateTime decidedAtUtc, string? reason = null)
    {
        if (Status != ReferralStatus.AwaitingDecision)
            throw new DomainRuleViolation(Status == ReferralStatus.Decided
                ? "This referral has already been decided."
                : "A decision of no further action is waiting for a team manager; it cannot be changed until they respond.");
        if (!Enum.IsDefined(outcome))
            throw new DomainRuleViolation("Choose a decision.", nameof(ProposedOutcome));
        var by = Guard.Required(decidedByUserId, nameof(DecidedByUserId), "The person making the decision must be recorded.");
        var at = Guard.AsUtc(decidedAtUtc, nameof(DecidedAtUtc));
        if (at < ReceivedAtUtc)
            throw new DomainRuleViolation("The decision cannot be dated before the referral was received.", nameof(DecidedAtUtc));
        var why = Guard.Optional(reason, nameof(DecisionReason));
        if (outcome == TriageOutcome.NoFurtherAction && why is null)
            throw new DomainRuleViolation("Give the reason for no further action.", nameof(DecisionReason));

        ProposedOutcome = outcome;
        DecisionReason = why;
        DecidedByUserId = by;
        DecidedAtUtc = at;
        Status = outcome == TriageOutcome.NoFurtherAction ? ReferralStatus.AwaitingManagerApproval : ReferralStatus.Decided;
    }

    /// <summary>
    /// A team manager agrees no further action. Checking that the user is a team manager is the
    /// caller's authorization; the domain insists it is someone other than the person who proposed it.
    /// </summary>
    public void ApproveNoFurtherAction(string managerUserId, DateTime approvedAtUtc)
    {
        RequireAwaitingApproval();
        var manager = Guard.Required(managerUserId, nameof(ApprovedByUserId), "The approving manager must be recorded.");
        if (manager == DecidedByUserId)
            throw new DomainRuleViolation(
                "No further action must be approved by a team manager other than the person who proposed it.", nameof(ApprovedByUserId));
        var at = Guard.AsUtc(approvedAtUtc, nameof(ApprovedAtUtc));
        if (at < DecidedAtUtc)
            throw new DomainRuleViolation("Approval cannot be dated before the decision it approves.", nameof(ApprovedAtUtc));

        ApprovedByUserId = manager;
        ApprovedAtUtc = at;
        ManagerReturnReason = null;
        Status = ReferralStatus.Decided;
    }

    /// <summary>The manager does not agree: the referral goes back to the queue for a fresh decision.</summary>
    public void ReturnNoFurtherAction(string managerUserId, string reason)
    {
        RequireAwaitingApproval();
        Guard.Required(managerUserId, nameof(ApprovedByUserId), "The manager must be recorded.");
        ManagerReturnReason = Guard.Text(reason, nameof(ManagerReturnReason), "Say why no further action is not agreed.");
        ProposedOutcome = null;
        DecisionReason = null;
        DecidedByUserId = null;
        DecidedAtUtc = null;
        Status = ReferralStatus.AwaitingDecision;
    }

    public DateOnly DecisionDueOn(StatutoryTimescales timescales) => timescales.ReferralDecisionDue(ReceivedAtUtc);

    /// <summary>
    /// The 1-working-day clock stops when the decision takes effect, so an NFA waiting for approval
    /// is still outstanding and can go overdue.
    /// </summary>
    public TimescaleOutcome DecisionTimescale(StatutoryTimescales timescales, DateTime nowUtc) =>
        TimescaleOutcome.InWorkingDays(
            StatutoryStep.ReferralDecision,
            DecisionDueOn(timescales),
            DecisionEffectiveAtUtc is { } done ? UkTime.ToUkDate(done) : null,
            UkTime.ToUkDate(nowUtc),
            timescales.Calendar);

    private void RequireAwaitingApproval()
    {
        if (Status != ReferralStatus.AwaitingManagerApproval)
            throw new DomainRuleViolation("There is no decision of no further action waiting for approval on this referral.");
    }
}
