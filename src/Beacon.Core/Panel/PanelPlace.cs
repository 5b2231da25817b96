namespace Beacon.Core.Panel;

/// <summary>A child's place on the panel's list: why they are on it, since when, and whether a removal is waiting.</summary>
public sealed record PanelPlace(ListingReason Reason, DateTime SinceUtc, ListingStatus Status)
{
    /// <summary>
    /// Where one child stands on the list, from what the list is worked out from (the list asks the same of every child at
    /// once, in the database): their listing not removed, if any; otherwise their risk, from when it first held them
    /// (<see cref="RiskAssessment.PanelList.OnListByRiskSince"/>); otherwise a recent referral of suspected exploitation, from
    /// the earliest still listing them (<see cref="RiskAssessment.PanelList.ListsChild"/>). A removal approved at or after
    /// either moment ends that way onto the list: only a new sign-off or referral after it puts the child back.
    /// </summary>
    /// <returns>Null when the child is not on the list.</returns>
    public static PanelPlace? Of(PanelPlace? listing, DateTime? heldByRiskSinceUtc, DateTime? flaggedByReferralSinceUtc, DateTime? lastRemovedAtUtc)
    {
        if (listing is not null) return listing;
        bool RemovedSince(DateTime since) => lastRemovedAtUtc is { } removed && removed >= since;
        if (heldByRiskSinceUtc is { } held && !RemovedSince(held)) return new(ListingReason.CurrentRisk, held, ListingStatus.Listed);
        if (flaggedByReferralSinceUtc is { } flagged && !RemovedSince(flagged)) return new(ListingReason.NewExploitationReferral, flagged, ListingStatus.Listed);
        return null;
    }
}
