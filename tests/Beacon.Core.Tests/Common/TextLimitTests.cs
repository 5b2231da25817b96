using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.Referrals;
using static Beacon.Core.Tests.Access.AccessWorld;

namespace Beacon.Core.Tests.Common;

/// <summary>Limits on text are domain rules: whatever page or job writes a record, an over-long value is refused.</summary>
public sealed class TextLimitTests
{
    private static readonly string TooLong = new('x', TextLimits.FreeText + 1);

    [Fact]
    public void A_postcode_longer_than_a_postcode_is_refused_and_the_address_not_added()
    {
        var child = ChildIn(Situation.NorthPupilOfSchoolA);
        var rule = Assert.Throws<DomainRuleViolation>(() => child.MoveTo("1 Fictional Row", "Testbury", new string('Z', 11), Today.AddDays(-10), Today));
        Assert.Equal("Postcode", rule.Field);
        Assert.Empty(child.Addresses);
        Assert.Equal("ZZ1 1ZZ", child.MoveTo("1 Fictional Row", "Testbury", " zz1 1zz ", Today.AddDays(-10), Today).Postcode);
    }

    [Fact]
    public void Free_text_on_a_referral_is_limited_wherever_it_is_written()
    {
        var child = ChildIn(Situation.NorthPupilOfSchoolA);
        var lead = Person(SchoolA, BeaconRoles.SafeguardingLead);
        Assert.Equal(nameof(Referral.WhatWasSeen), Assert.Throws<DomainRuleViolation>(() =>
            Referral.Raise(child, lead, TooLong, Now.AddHours(-1), Now, SharingBasis.ConsentGiven)).Field);
        Assert.Equal(nameof(Referral.SharingJustification), Assert.Throws<DomainRuleViolation>(() =>
            Referral.Raise(child, lead, "Seen (fictional)", Now.AddHours(-1), Now, SharingBasis.ConsentRefusedSharingJustified, TooLong)).Field);
        var referral = Referral.Raise(child, lead, "Seen (fictional)", Now.AddHours(-1), Now, SharingBasis.ConsentGiven);
        Assert.Equal(nameof(Referral.DecisionReason), Assert.Throws<DomainRuleViolation>(() =>
            referral.RecordDecision(TriageOutcome.NoFurtherAction, "worker", Now, TooLong)).Field);
    }
}

public class RecordReferenceTests
{
    [Fact]
    public void A_reference_is_ten_hex_characters_of_the_id_grouped_in_fives()
    {
        var id = Guid.Parse("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
        Assert.Equal("R-1A2B3-C4D5E", Beacon.Core.Common.RecordReference.ForReferral(id));
        Assert.Equal("C-1A2B3-C4D5E", Beacon.Core.Common.RecordReference.ForCase(id));
    }

    [Theory]
    [InlineData("R-1A2B3-C4D5E", "R-1A2B3-C4D5E")]
    [InlineData("r1a2b3c4d5e", "R-1A2B3-C4D5E")]
    [InlineData(" c 1a2b3 c4d5e ", "C-1A2B3-C4D5E")]
    [InlineData("R\u20131A2B3\u2013C4D5E", "R-1A2B3-C4D5E")] // en dashes, as a word processor writes them
    [InlineData("C\u2014 1A2B3 \u2014C4D5E", "C-1A2B3-C4D5E")] // em dashes and spaces
    [InlineData("R\u22121A2B3\u2212C4D5E", "R-1A2B3-C4D5E")] // minus signs
    public void References_are_read_as_people_type_them(string typed, string reference)
    {
        Assert.True(Beacon.Core.Common.RecordReference.TryRead(typed, out var read));
        Assert.Equal(new[] { reference }, read);
    }

    [Theory]
    [InlineData("1A2B3-C4D5E")]
    [InlineData("1a2b3c4d5e")]
    [InlineData("1A2B3\u2013C4D5E")]
    public void A_reference_typed_without_its_letter_could_be_a_referral_or_a_case(string typed)
    {
        Assert.True(Beacon.Core.Common.RecordReference.TryRead(typed, out var read));
        Assert.Equal(new[] { "R-1A2B3-C4D5E", "C-1A2B3-C4D5E" }, read);
    }

    [Theory]
    [InlineData("Smith")]
    [InlineData("R-1A2B3-C4D5")]
    [InlineData("X-1A2B3-C4D5E")]
    [InlineData("abbecadeff")] // ten letters a–f and no digit: a name, not a reference
    [InlineData(null)]
    public void Names_and_near_misses_are_not_references(string? typed) => Assert.False(Beacon.Core.Common.RecordReference.TryRead(typed, out _));
}
