using Beacon.Core.Panel;

namespace Beacon.Core.Tests.Panel;

public sealed class PanelPlaceTests
{
    private static readonly DateTime SignedOff = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Referred = new(2026, 3, 20, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_listing_not_removed_is_the_childs_place_whatever_else_holds_them()
    {
        var listing = new PanelPlace(ListingReason.AddedByChair, SignedOff.AddDays(-30), ListingStatus.RemovalProposed);
        Assert.Same(listing, PanelPlace.Of(listing, SignedOff, Referred, lastRemovedAtUtc: SignedOff.AddDays(-60)));
    }

    [Fact]
    public void Risk_holds_a_child_from_the_sign_off_before_a_recent_referral_does()
    {
        Assert.Equal(new PanelPlace(ListingReason.CurrentRisk, SignedOff, ListingStatus.Listed), PanelPlace.Of(null, SignedOff, Referred, null));
        Assert.Equal(new PanelPlace(ListingReason.NewExploitationReferral, Referred, ListingStatus.Listed), PanelPlace.Of(null, null, Referred, null));
    }

    [Fact]
    public void A_removal_at_or_after_a_way_onto_the_list_ends_it_and_the_next_way_still_counts()
    {
        // Removed after the sign-off that held them: a referral after the removal lists them again, one before it does not.
        var removed = SignedOff.AddDays(5);
        Assert.Equal(new PanelPlace(ListingReason.NewExploitationReferral, Referred, ListingStatus.Listed), PanelPlace.Of(null, SignedOff, Referred, removed));
        Assert.Null(PanelPlace.Of(null, SignedOff, removed.AddDays(-1), removed));
        Assert.Null(PanelPlace.Of(null, SignedOff, null, lastRemovedAtUtc: SignedOff));
        // An older removal ends nothing that came after it.
        Assert.Equal(SignedOff, PanelPlace.Of(null, SignedOff, null, SignedOff.AddTicks(-1))!.SinceUtc);
    }

    [Fact]
    public void Nothing_holding_the_child_leaves_them_off_the_list() => Assert.Null(PanelPlace.Of(null, null, null, SignedOff));
}
