using System.ComponentModel.DataAnnotations;

namespace Beacon.Core.Access;

/// <summary>The agencies that share Beacon. Each account belongs to exactly one.</summary>
public enum Agency
{
    [Display(Name = "Children's Social Care")] ChildrensSocialCare = 1,
    [Display(Name = "Police")] Police = 2,
    [Display(Name = "Youth Outreach")] YouthOutreach = 3,
    [Display(Name = "Health")] Health = 4,
    [Display(Name = "Education")] Education = 5,
    [Display(Name = "Safeguarding Board")] SafeguardingBoard = 6,
}
