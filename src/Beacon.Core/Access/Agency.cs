using System.ComponentModel.DataAnnotations;

namespace Beacon.Core.Access;

/// <summary>
/// The kinds of agency that share Beacon. People work for an <see cref="Organisations.Organisation"/> of one of
/// these kinds (a particular school, police force or trust); the kind decides which roles it can hold.
/// </summary>
public enum Agency
{
    [Display(Name = "Children's Social Care")] ChildrensSocialCare = 1,
    [Display(Name = "Police")] Police = 2,
    [Display(Name = "Youth Outreach")] YouthOutreach = 3,
    [Display(Name = "Health")] Health = 4,
    [Display(Name = "Education")] Education = 5,
    [Display(Name = "Safeguarding Board")] SafeguardingBoard = 6,
    [Display(Name = "Voluntary sector")] VoluntarySector = 7,
}

public static class AgencyText
{
    /// <summary>The display name of an agency stored as text (as audit entries keep it); other text as it is.</summary>
    public static string Describe(string? stored) =>
        Enum.TryParse<Agency>(stored, out var agency) ? Common.EnumDisplay.Name(agency) : stored ?? "";
}
