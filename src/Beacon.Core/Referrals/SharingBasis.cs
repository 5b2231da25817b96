using System.ComponentModel.DataAnnotations;

namespace Beacon.Core.Referrals;

/// <summary>
/// Why it was lawful to share this concern. Consent is best, but its absence never stops a
/// referral that protects a child. Numbers are stored.
/// </summary>
public enum SharingBasis
{
    [Display(Name = "Consent given")] ConsentGiven = 1,
    [Display(Name = "No consent, but sharing justified to protect the child")] ConsentRefusedSharingJustified = 2,
    [Display(Name = "Consent not sought: asking would put the child or others at greater risk")] ConsentNotSoughtWouldIncreaseRisk = 3,
    [Display(Name = "Consent not sought: urgent action needed to protect the child")] ConsentNotSoughtUrgent = 4,
    [Display(Name = "Legal duty to share (e.g. a crime or a court order)")] LegalDuty = 5,
}

public enum TriageOutcome
{
    [Display(Name = "No further action")] NoFurtherAction = 1,
    [Display(Name = "Early help")] EarlyHelp = 2,
    [Display(Name = "Assessment")] Assessment = 3,
    [Display(Name = "Strategy discussion")] StrategyDiscussion = 4,
}

public enum ReferralStatus
{
    /// <summary>In the front door queue, waiting for a triage decision.</summary>
    [Display(Name = "Awaiting decision")] AwaitingDecision = 1,
    /// <summary>No further action proposed; it has no effect until a team manager approves it.</summary>
    [Display(Name = "No further action awaiting manager approval")] AwaitingManagerApproval = 2,
    [Display(Name = "Decided")] Decided = 3,
}
