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
