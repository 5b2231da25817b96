using Beacon.Core.Common;

namespace Beacon.Core.RiskAssessment;

/// <summary>
/// The screening tool's indicators. Codes are stored in assessments: add new ones, reword labels,
/// but never rename or remove a code, or signed-off history would stop resolving.
/// </summary>
public static class IndicatorCatalogue
{
    public const string Disclosure = "disclosure";
    public const string PoliceReportedSexualOffence = "police-sexual-offence";

    public static IReadOnlyList<RiskIndicator> All { get; } =
    [
        // Going missing
        new("going-missing", IndicatorGroup.GoingMissing, "Going missing from home, care or school",
            "Any missing episode, including short or repeated ones, or returning with no account of where they have been.", 3),
        new("found-out-of-area", IndicatorGroup.GoingMissing, "Found in places with no known connection",
            "Found in other towns, hotels, takeaways, parks or the addresses of adults unknown to the family.", 3),
        new("staying-out-late", IndicatorGroup.GoingMissing, "Staying out late or overnight without explanation",
            "Coming home late or not at all, and unwilling or unable to say where they were.", 2),

        // Relationships and associates
        new("older-boyfriend", IndicatorGroup.Relationships, "Older 'boyfriend' or girlfriend",
            "A relationship with someone significantly older, or a partner the family and workers have never met.", 3),
        new("adult-associates", IndicatorGroup.Relationships, "Associating with unknown or older adults",
            "Spending time with adults outside the family, including groups of adults or people known to police.", 2),
        new("gets-into-cars", IndicatorGroup.Relationships, "Seen getting into cars with unknown adults",
            "Picked up or dropped off by adults near home, school or placement. Record registration numbers where known.", 3),
        new("exploited-peers", IndicatorGroup.Relationships, "Associating with peers who are being exploited",
            "Friends or siblings known or believed to be sexually exploited.", 2),
        new("recruits-peers", IndicatorGroup.Relationships, "Introducing other young people to adults",
            "Bringing friends to parties, flats or cars. The child may be under pressure to recruit and is a victim too.", 2),

        // Money, gifts and phones
        new("unexplained-money-gifts", IndicatorGroup.MoneyAndPossessions, "Unexplained money, gifts or clothes",
            "Money, jewellery, clothes, alcohol or cigarettes they could not afford and cannot explain.", 2),
        new("unexplained-phones", IndicatorGroup.MoneyAndPossessions, "Unexplained phones, SIM cards or phone credit",
            "More than one phone, a phone they are secretive about, or frequent new SIM cards.", 2),
        new("owes-debt", IndicatorGroup.MoneyAndPossessions, "Owing money or favours",
            "Believes they owe someone for gifts, drugs, lifts or a place to stay.", 2),

        // Alcohol and drugs
        new("alcohol-drug-use", IndicatorGroup.SubstanceUse, "Alcohol or drug use",
            "Especially when supplied by adults, or when the child is found intoxicated.", 2),

        // Physical and sexual health
        new("sti-pregnancy", IndicatorGroup.Health, "Sexually transmitted infection or pregnancy",
            "Including repeat testing, emergency contraception, miscarriage or termination.", 3),
        new("unexplained-injuries", IndicatorGroup.Health, "Unexplained injuries",
            "Bruising, bite marks or other injuries without a credible account, including genital injury.", 2),

        // Emotional wellbeing and behaviour
        new("self-harm", IndicatorGroup.WellbeingAndBehaviour, "Self-harm or suicidal thoughts",
            "Cutting, overdose, eating problems or talking about ending their life.", 2),
        new("behaviour-change", IndicatorGroup.WellbeingAndBehaviour, "Marked change in behaviour, mood or appearance",
            "Becoming secretive, withdrawn or aggressive; new style of dress; breaking contact with family and friends.", 1),

        // Education
        new("school-disengagement", IndicatorGroup.Education, "Disengagement from school",
            "Poor attendance, truancy, exclusion, or leaving at lunchtime and not returning.", 1),

        // Online
        new("risky-online-contact", IndicatorGroup.Online, "Sexualised or risky online contact",
            "Contact with unknown adults online, meeting online contacts in person, or use of adult dating apps.", 2),
        new("sexual-images", IndicatorGroup.Online, "Sharing or being asked for sexual images",
            "Sending, receiving or being pressured for nude or sexual images or video.", 3),

        // Background and vulnerabilities
        new("looked-after", IndicatorGroup.Vulnerabilities, "Looked after by the local authority",
            "In foster care, a children's home or supported accommodation.", 1),
        new("placed-out-of-area", IndicatorGroup.Vulnerabilities, "Placed out of their home area",
            "Living away from their home authority, so less known to local services.", 2),
        new("prior-abuse", IndicatorGroup.Vulnerabilities, "Previous abuse",
            "Earlier sexual, physical or emotional abuse or neglect, whether or not it was reported.", 2),
        new("learning-disability", IndicatorGroup.Vulnerabilities, "Learning disability or difficulty",
            "May make it harder to recognise exploitation or to tell someone.", 1),
        new("domestic-abuse-at-home", IndicatorGroup.Vulnerabilities, "Domestic abuse or family breakdown",
            "Domestic abuse, parental substance misuse or a recent breakdown in family relationships.", 1),

        // Disclosures and reports: serious at once
        new(Disclosure, IndicatorGroup.DisclosuresAndReports, "Disclosure of sexual exploitation",
            "The child has told someone they are being sexually exploited. Record who they told, when, and what was said.", 10, IsOverride: true),
        new(PoliceReportedSexualOffence, IndicatorGroup.DisclosuresAndReports, "Police report of a sexual offence against the child",
            "A crime report of a sexual offence in which the child is the victim. Record the crime reference.", 10, IsOverride: true),
    ];

    private static readonly Dictionary<string, RiskIndicator> ByCode =
        All.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<IGrouping<IndicatorGroup, RiskIndicator>> Grouped { get; } =
        All.GroupBy(i => i.Group).OrderBy(g => g.Key).ToList();

    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code.Trim());

    public static RiskIndicator? Find(string? code) =>
        code is not null && ByCode.TryGetValue(code.Trim(), out var indicator) ? indicator : null;

    /// <summary>The indicator for a code, or a refusal a practitioner can read (codes come from form posts).</summary>
    public static RiskIndicator Get(string? code, string field = "IndicatorCode") =>
        Find(code) ?? throw new DomainRuleViolation(
            string.IsNullOrWhiteSpace(code)
                ? "Choose an indicator from the screening tool."
                : $"'{code.Trim()}' is not an indicator on the screening tool. Choose one from the list.",
            field);
}
