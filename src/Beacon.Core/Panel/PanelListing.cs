using System.ComponentModel.DataAnnotations;
using Beacon.Core.Common;
using Beacon.Core.RiskAssessment;

namespace Beacon.Core.Panel;

/// <summary>Why a child is on the exploitation panel's list. Numbers are stored.</summary>
public enum ListingReason
{
    /// <summary>A signed-off assessment put the child at significant or serious risk (a lower one since does not take them off).</summary>
    [Display(Name = "Assessed at significant or serious risk")] CurrentRisk = 1,
    /// <summary>An action the panel set for the child is overdue.</summary>
    [Display(Name = "Overdue panel action")] OverduePanelAction = 2,
    /// <summary>The chair added the child, with a reason.</summary>
    [Display(Name = "Added by the chair")] AddedByChair = 3,
    /// <summary>A referral in the last <see cref="PanelList.NewReferralDays"/> days says the child is being sexually exploited.</summary>
    [Display(Name = "New referral of suspected exploitation")] NewExploitationReferral = 4,
}

/// <summary>Why a child leaves the panel's list: each needs a written rationale and the chair's approval. Numbers are stored.</summary>
public enum RemovalCategory
{
    [Display(Name = "Risk reduced, evidenced by a signed-off assessment")] RiskReduced = 1,
    [Display(Name = "Moved out of area and handed over")] MovedOutOfAreaHandedOver = 2,
    [Display(Name = "Turned 18 with adult services involved")] TurnedEighteenAdultServices = 3,
    [Display(Name = "Listed in error")] ListedInError = 4,
}

public enum ListingStatus
{
    [Display(Name = "On the list")] Listed = 1,
    [Display(Name = "Removal proposed")] RemovalProposed = 2,
    [Display(Name = "Removed")] Removed = 3,
}

/// <summary>
/// One spell of a child on the multi-agency exploitation panel's list. A child at significant or serious risk is on
/// the list without anyone adding them; leaving it is never quiet: it takes a reason category, a written rationale
/// and the chair's approval (someone other than the proposer), and "risk reduced" needs a signed-off assessment
/// below significant. A removal keeps the level at the time and who decided, for the board's register. Never deleted.
/// </summary>
public sealed class PanelListing : IVersioned
{
    public const int RationaleMaxLength = TextLimits.FreeText;

    private PanelListing() { }

    public Guid Id { get; private set; }
    public int Version { get; set; }
    public Guid ChildId { get; private set; }
    public ListingReason Reason { get; private set; }
    /// <summary>Why the chair added the child, when they did.</summary>
    public string? AddedBecause { get; private set; }
    public DateTime ListedAtUtc { get; private set; }
    /// <summary>Who added the child; null when the list's own rule (risk, overdue action) put them on it.</summary>
    public string? AddedByUserId { get; private set; }

    public ListingStatus Status { get; private set; }
    public RemovalCategory? RemovalCategory { get; private set; }
    public string? RemovalRationale { get; private set; }
    public string? RemovalProposedByUserId { get; private set; }
    public DateTime? RemovalProposedAtUtc { get; private set; }
    public string? RemovalApprovedByUserId { get; private set; }
    public DateTime? RemovedAtUtc { get; private set; }
    /// <summary>The child's risk level when the chair approved the removal.</summary>
    public ExploitationRiskLevel? LevelAtRemoval { get; private set; }

    /// <summary>The chair adds a child to the list, saying why.</summary>
    public static PanelListing AddedByChair(Guid childId, string? because, string chairUserId, DateTime nowUtc) => new()
    {
        Id = Guid.NewGuid(),
        ChildId = childId,
        Reason = ListingReason.AddedByChair,
        AddedBecause = Guard.Text(because, nameof(AddedBecause), "Say why the child should be on the panel's list"),
        AddedByUserId = Guard.Required(chairUserId, nameof(AddedByUserId), "The chair must be recorded"),
        ListedAtUtc = Guard.AsUtc(nowUtc),
        Status = ListingStatus.Listed,
    };

    /// <summary>The spell a child has been on the list by the list's own rule, written down when someone first acts on it.</summary>
    public static PanelListing ByRule(Guid childId, ListingReason reason, DateTime listedSinceUtc)
    {
        if (reason == ListingReason.AddedByChair) throw new DomainRuleViolation("A child the chair adds needs the chair's reason.");
        return new PanelListing
        {
            Id = Guid.NewGuid(),
            ChildId = childId,
            Reason = reason,
            ListedAtUtc = Guard.AsUtc(listedSinceUtc),
            Status = ListingStatus.Listed,
        };
    }

    /// <summary>Anyone on the panel may propose a removal; it changes nothing until the chair approves.</summary>
    public void ProposeRemoval(RemovalCategory? category, string? rationale, string proposerUserId, ExploitationRiskLevel? currentLevel, DateTime nowUtc)
    {
        if (Status == ListingStatus.Removed) throw new DomainRuleViolation("This child has already been removed from the list.");
        if (Status == ListingStatus.RemovalProposed) throw new DomainRuleViolation("A removal has already been proposed and is waiting for the chair.");
        if (category is not { } c || !Enum.IsDefined(c)) throw new DomainRuleViolation("Choose why the child should leave the list", nameof(RemovalCategory));
        var why = Guard.Text(rationale, nameof(RemovalRationale), "Explain the decision: what has changed, and the evidence for it", RationaleMaxLength);
        RequireEvidenceFor(c, currentLevel);
        RemovalCategory = c;
        RemovalRationale = why;
        RemovalProposedByUserId = Guard.Required(proposerUserId, nameof(RemovalProposedByUserId), "Who proposed it must be recorded");
        RemovalProposedAtUtc = Guard.AsUtc(nowUtc);
        Status = ListingStatus.RemovalProposed;
    }

    /// <summary>The chair approves: the child leaves the list, and the removal goes on the register with the level at the time.</summary>
    public void ApproveRemoval(string chairUserId, ExploitationRiskLevel? currentLevel, DateTime nowUtc)
    {
        if (Status != ListingStatus.RemovalProposed) throw new DomainRuleViolation("No removal is waiting for approval.");
        var chair = Guard.Required(chairUserId, nameof(RemovalApprovedByUserId), "The chair must be recorded");
        if (chair == RemovalProposedByUserId)
            throw new DomainRuleViolation("The removal must be approved by a chair other than the person who proposed it.", nameof(RemovalApprovedByUserId));
        // The risk may have risen since the proposal: the evidence must still hold.
        RequireEvidenceFor(RemovalCategory!.Value, currentLevel);
        RemovalApprovedByUserId = chair;
        RemovedAtUtc = Guard.AsUtc(nowUtc);
        LevelAtRemoval = currentLevel;
        Status = ListingStatus.Removed;
    }

    /// <summary>The chair does not agree: the child stays on the list (the audit log keeps the proposal and the refusal).</summary>
    public void DeclineRemoval(string chairUserId)
    {
        if (Status != ListingStatus.RemovalProposed) throw new DomainRuleViolation("No removal is waiting for approval.");
        Guard.Required(chairUserId, nameof(RemovalApprovedByUserId), "The chair must be recorded");
        RemovalCategory = null;
        RemovalRationale = null;
        RemovalProposedByUserId = null;
        RemovalProposedAtUtc = null;
        Status = ListingStatus.Listed;
    }

    private static void RequireEvidenceFor(RemovalCategory category, ExploitationRiskLevel? currentLevel)
    {
        if (category == Panel.RemovalCategory.RiskReduced && (currentLevel is null || PanelList.BelongsOnPanelList(currentLevel.Value)))
            throw new DomainRuleViolation(currentLevel is { } level
                ? $"The child's current signed-off assessment is still {EnumDisplay.Name(level).ToLowerInvariant()}. Sign off an assessment that shows the risk has reduced before removing them for that reason."
                : "There is no signed-off assessment showing the risk has reduced. Sign one off before removing the child for that reason.",
                nameof(RemovalCategory));
    }
}
