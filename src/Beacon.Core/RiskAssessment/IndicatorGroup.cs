using System.ComponentModel.DataAnnotations;

namespace Beacon.Core.RiskAssessment;

/// <summary>Headings the screening tool groups its indicators under, in the order the form shows them.</summary>
public enum IndicatorGroup
{
    [Display(Name = "Going missing")] GoingMissing = 1,
    [Display(Name = "Relationships and associates")] Relationships = 2,
    [Display(Name = "Money, gifts and phones")] MoneyAndPossessions = 3,
    [Display(Name = "Alcohol and drugs")] SubstanceUse = 4,
    [Display(Name = "Physical and sexual health")] Health = 5,
    [Display(Name = "Emotional wellbeing and behaviour")] WellbeingAndBehaviour = 6,
    [Display(Name = "Education")] Education = 7,
    [Display(Name = "Online")] Online = 8,
    [Display(Name = "Background and vulnerabilities")] Vulnerabilities = 9,
    [Display(Name = "Disclosures and reports")] DisclosuresAndReports = 10,
}

public static class IndicatorGroupExtensions
{
    public static string DisplayName(this IndicatorGroup group) => group switch
    {
        IndicatorGroup.GoingMissing => "Going missing",
        IndicatorGroup.Relationships => "Relationships and associates",
        IndicatorGroup.MoneyAndPossessions => "Money, gifts and phones",
        IndicatorGroup.SubstanceUse => "Alcohol and drugs",
        IndicatorGroup.Health => "Physical and sexual health",
        IndicatorGroup.WellbeingAndBehaviour => "Emotional wellbeing and behaviour",
        IndicatorGroup.Education => "Education",
        IndicatorGroup.Online => "Online",
        IndicatorGroup.Vulnerabilities => "Background and vulnerabilities",
        IndicatorGroup.DisclosuresAndReports => "Disclosures and reports",
        _ => group.ToString(),
    };
}
