using System.ComponentModel.DataAnnotations;

namespace Beacon.Core.Cases;

/// <summary>The categories of abuse a child protection plan is made under ('Working Together'). Exploitation is sexual abuse. Numbers are stored.</summary>
public enum AbuseCategory
{
    [Display(Name = "Neglect")] Neglect = 1,
    [Display(Name = "Physical abuse")] PhysicalAbuse = 2,
    [Display(Name = "Emotional abuse")] EmotionalAbuse = 3,
    [Display(Name = "Sexual abuse")] SexualAbuse = 4,
}

/// <summary>What an initial child protection conference decided. Numbers are stored.</summary>
public enum ConferenceOutcome
{
    [Display(Name = "Child protection plan")] ChildProtectionPlan = 1,
    [Display(Name = "Child in need plan")] ChildInNeedPlan = 2,
    [Display(Name = "No further action")] NoFurtherAction = 3,
}

/// <summary>What a review conference decided. Numbers are stored.</summary>
public enum ReviewOutcome
{
    [Display(Name = "Continue the child protection plan")] ContinuePlan = 1,
    [Display(Name = "End the plan: continue as child in need")] StepDownToChildInNeed = 2,
    [Display(Name = "End the plan: no further action")] EndPlan = 3,
}
