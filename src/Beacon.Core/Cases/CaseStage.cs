using System.ComponentModel.DataAnnotations;

namespace Beacon.Core.Cases;

/// <summary>Where a case stands in the 'Working Together' process. Numbers are stored.</summary>
public enum CaseStage
{
    [Display(Name = "Referral")] Referral = 1,
    [Display(Name = "Strategy discussion")] StrategyDiscussion = 2,
    [Display(Name = "Section 47 enquiry")] Section47Enquiry = 3,
    [Display(Name = "Assessment")] Assessment = 4,
    [Display(Name = "Initial child protection conference")] InitialChildProtectionConference = 5,
    [Display(Name = "Plan")] Plan = 6,
    [Display(Name = "Review")] Review = 7,
    [Display(Name = "Closed")] Closed = 8,
}

public enum PlanKind
{
    [Display(Name = "Child in need plan")] ChildInNeed = 1,
    /// <summary>Only an initial child protection conference can make one.</summary>
    [Display(Name = "Child protection plan")] ChildProtection = 2,
}

/// <summary>The moves a case may make. Anything not listed here is refused.</summary>
public static class CaseWorkflow
{
    private static readonly Dictionary<CaseStage, CaseStage[]> Allowed = new()
    {
        [CaseStage.Referral] = [CaseStage.StrategyDiscussion, CaseStage.Assessment, CaseStage.Closed],
        // No section 47 threshold: assess under section 17 instead.
        [CaseStage.StrategyDiscussion] = [CaseStage.Section47Enquiry, CaseStage.Assessment, CaseStage.Closed],
        // Concerns not substantiated: the enquiry ends with a recorded reason (Case.ContinueUnderSection17) and the
        // assessment continues, from which a child in need plan can follow. No silent step off the protection path.
        [CaseStage.Section47Enquiry] = [CaseStage.InitialChildProtectionConference, CaseStage.Assessment, CaseStage.Closed],
        // Harm emerging during an assessment calls for a strategy discussion.
        [CaseStage.Assessment] = [CaseStage.StrategyDiscussion, CaseStage.Plan, CaseStage.Closed],
        [CaseStage.InitialChildProtectionConference] = [CaseStage.Plan, CaseStage.Closed],
        [CaseStage.Plan] = [CaseStage.Review, CaseStage.Closed],
        // A review may step the plan down to child in need.
        [CaseStage.Review] = [CaseStage.Review, CaseStage.Plan, CaseStage.Closed],
        [CaseStage.Closed] = [],
    };

    public static IReadOnlyList<CaseStage> NextStages(CaseStage from) => Allowed[from];

    public static bool CanMove(CaseStage from, CaseStage to) => Allowed[from].Contains(to);

    /// <summary>Why a step people look for is not open at this stage, in words a practitioner can act on; null when it is.</summary>
    public static string? WhyNot(CaseStage from, CaseStage to) => (from, to) switch
    {
        (CaseStage.Closed, _) => "The case is closed.",
        (_, CaseStage.InitialChildProtectionConference) when !CanMove(from, to) =>
            "An initial child protection conference follows a section 47 enquiry, which starts after a strategy discussion.",
        (_, CaseStage.Review) when !CanMove(from, to) => "Review conferences are held once a child protection plan has started.",
        (CaseStage.Section47Enquiry, CaseStage.Assessment) => null,
        (_, CaseStage.Section47Enquiry) when !CanMove(from, to) => "A section 47 enquiry starts after a strategy discussion.",
        _ => CanMove(from, to) ? null : $"A case at the {Common.EnumDisplay.Name(from).ToLowerInvariant()} stage cannot move to {Common.EnumDisplay.Name(to).ToLowerInvariant()}.",
    };
}
