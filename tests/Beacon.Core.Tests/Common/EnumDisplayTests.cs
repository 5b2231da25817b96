using Beacon.Core.Children;
using Beacon.Core.Common;

namespace Beacon.Core.Tests.Common;

/// <summary>Every page labels an enum from its [Display] attribute, read once per enum and kept.</summary>
public sealed class EnumDisplayTests
{
    private enum Unlabelled { Plain = 1, [System.ComponentModel.DataAnnotations.Display(GroupName = "Only a group")] Grouped = 2 }

    [Fact]
    public void A_value_is_labelled_by_its_display_name_and_group_every_time_it_is_asked()
    {
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal("Pakistani", Ethnicity.Pakistani.Name());
            Assert.Equal("Asian, Asian British or Asian Welsh", Ethnicity.Pakistani.Group());
            Assert.Equal("Not recorded", Ethnicity.NotRecorded.Name());
        }
    }

    [Fact]
    public void A_value_without_a_display_name_is_labelled_by_its_own_name_and_an_unknown_value_by_its_number()
    {
        Assert.Equal("Plain", Unlabelled.Plain.Name());
        Assert.Null(Unlabelled.Plain.Group());
        Assert.Equal("Grouped", Unlabelled.Grouped.Name());
        Assert.Equal("Only a group", Unlabelled.Grouped.Group());
        Assert.Equal("99", ((Ethnicity)99).Name());
        Assert.Null(((Ethnicity)99).Group());
    }
}
