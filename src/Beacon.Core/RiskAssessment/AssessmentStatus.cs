using System.ComponentModel.DataAnnotations;

namespace Beacon.Core.RiskAssessment;

public enum AssessmentStatus
{
    [Display(Name = "Draft")] Draft = 1,
    /// <summary>Signed off and the child's current assessment.</summary>
    [Display(Name = "Signed off")] SignedOff = 2,
    /// <summary>Signed off, then replaced by a later assessment; kept as history.</summary>
    [Display(Name = "Superseded")] Superseded = 3,
    /// <summary>Signed off by mistake and withdrawn with a reason and a team manager's agreement; kept, never current again.</summary>
    [Display(Name = "Withdrawn")] Withdrawn = 4,
}
