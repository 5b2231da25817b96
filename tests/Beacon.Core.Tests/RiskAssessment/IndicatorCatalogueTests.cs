using Beacon.Core.Common;
using Beacon.Core.RiskAssessment;

namespace Beacon.Core.Tests.RiskAssessment;

public class IndicatorCatalogueTests
{
    // Codes are stored in signed-off assessments: this list breaks loudly if one is renamed or removed.
    public static TheoryData<string, IndicatorGroup, bool> StableCodes => new()
    {
        { "going-missing", IndicatorGroup.GoingMissing, false },
        { "found-out-of-area", IndicatorGroup.GoingMissing, false },
        { "staying-out-late", IndicatorGroup.GoingMissing, false },
        { "older-boyfriend", IndicatorGroup.Relationships, false },
        { "adult-associates", IndicatorGroup.Relationships, false },
        { "gets-into-cars", IndicatorGroup.Relationships, false },
        { "exploited-peers", IndicatorGroup.Relationships, false },
        { "recruits-peers", IndicatorGroup.Relationships, false },
        { "unexplained-money-gifts", IndicatorGroup.MoneyAndPossessions, false },
        { "unexplained-phones", IndicatorGroup.MoneyAndPossessions, false },
        { "owes-debt", IndicatorGroup.MoneyAndPossessions, false },
        { "alcohol-drug-use", IndicatorGroup.SubstanceUse, false },
        { "sti-pregnancy", IndicatorGroup.Health, false },
        { "unexplained-injuries", IndicatorGroup.Health, false },
        { "self-harm", IndicatorGroup.WellbeingAndBehaviour, false },
        { "behaviour-change", IndicatorGroup.WellbeingAndBehaviour, false },
        { "school-disengagement", IndicatorGroup.Education, false },
        { "risky-online-contact", IndicatorGroup.Online, false },
        { "sexual-images", IndicatorGroup.Online, false },
        { "looked-after", IndicatorGroup.Vulnerabilities, false },
        { "placed-out-of-area", IndicatorGroup.Vulnerabilities, false },
        { "prior-abuse", IndicatorGroup.Vulnerabilities, false },
        { "learning-disability", IndicatorGroup.Vulnerabilities, false },
        { "domestic-abuse-at-home", IndicatorGroup.Vulnerabilities, false },
        { "disclosure", IndicatorGroup.DisclosuresAndReports, true },
        { "police-sexual-offence", IndicatorGroup.DisclosuresAndReports, true },
    };

    [Theory]
    [MemberData(nameof(StableCodes))]
    public void Every_released_code_still_resolves_to_its_group_and_override_flag(string code, IndicatorGroup group, bool isOverride)
    {
        var indicator = IndicatorCatalogue.Find(code);

        Assert.NotNull(indicator);
        Assert.Equal(group, indicator.Group);
        Assert.Equal(isOverride, indicator.IsOverride);
    }

    [Fact]
    public void Has_at_least_twenty_indicators_with_unique_codes_labels_and_hints()
    {
        Assert.True(IndicatorCatalogue.All.Count >= 20, $"only {IndicatorCatalogue.All.Count} indicators");
        Assert.Equal(IndicatorCatalogue.All.Count, IndicatorCatalogue.All.Select(i => i.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(IndicatorCatalogue.All.Count, IndicatorCatalogue.All.Select(i => i.Label).Distinct().Count());
        Assert.All(IndicatorCatalogue.All, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.Label));
            Assert.False(string.IsNullOrWhiteSpace(i.Hint));
            Assert.True(i.DefaultWeight >= 0);
            Assert.Matches("^[a-z]+(-[a-z]+)*$", i.Code);
        });
    }

    [Fact]
    public void Only_disclosure_and_police_reported_sexual_offence_are_overrides()
    {
        var overrides = IndicatorCatalogue.All.Where(i => i.IsOverride).Select(i => i.Code).Order().ToList();

        Assert.Equal(["disclosure", "police-sexual-offence"], overrides);
    }

    [Fact]
    public void Every_group_has_indicators_and_grouping_covers_the_catalogue()
    {
        Assert.Equal(Enum.GetValues<IndicatorGroup>(), IndicatorCatalogue.Grouped.Select(g => g.Key));
        Assert.Equal(IndicatorCatalogue.All.Count, IndicatorCatalogue.Grouped.Sum(g => g.Count()));
    }

    [Theory]
    [InlineData("GOING-MISSING", "going-missing")]
    [InlineData("  sti-pregnancy ", "sti-pregnancy")]
    public void Lookup_ignores_case_and_spacing_from_form_posts(string posted, string expected) =>
        Assert.Equal(expected, IndicatorCatalogue.Get(posted).Code);

    [Theory]
    [InlineData("not-an-indicator", "'not-an-indicator' is not an indicator on the screening tool")]
    [InlineData("", "Choose an indicator")]
    [InlineData("   ", "Choose an indicator")]
    [InlineData(null, "Choose an indicator")]
    public void Unknown_code_is_refused_with_a_readable_message(string? code, string expectedMessage)
    {
        Assert.False(IndicatorCatalogue.IsKnown(code));
        var refusal = Assert.Throws<DomainRuleViolation>(() => IndicatorCatalogue.Get(code));
        Assert.Contains(expectedMessage, refusal.Message);
    }

    [Theory]
    [InlineData(IndicatorGroup.GoingMissing, "Going missing")]
    [InlineData(IndicatorGroup.DisclosuresAndReports, "Disclosures and reports")]
    public void Group_display_names_match_their_attributes(IndicatorGroup group, string expected)
    {
        Assert.Equal(expected, group.DisplayName());
        Assert.Equal(expected, LevelDisplayTests.DisplayAttributeName(group));
    }
}
