using System.Security.Claims;
using Beacon.Core.Access;
using Beacon.Core.Children;
using Beacon.Core.Panel;
using Beacon.Core.Referrals;
using Beacon.Core.RiskAssessment;
using Beacon.Web.Features.Children;
using Beacon.Web.Features.RiskAssessment;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Web.Features.Panel;

/// <summary>How the panel's list is sorted, in the database.</summary>
public enum PanelListOrder
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Most serious risk first")] MostSerious = 0,
    [System.ComponentModel.DataAnnotations.Display(Name = "Longest on the list first")] LongestListed = 1,
    [System.ComponentModel.DataAnnotations.Display(Name = "Name (A to Z)")] Name = 2,
}

/// <summary>A child on the panel's list, as the list shows them.</summary>
public sealed class PanelRow
{
    public Guid ChildId { get; init; }
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    /// <summary>The child's <see cref="Core.Children.Child.SortName"/>, for name order.</summary>
    public string SortName { get; init; } = "";
    public ListingReason Reason { get; init; }
    public DateTime ListedSinceUtc { get; init; }
    public ListingStatus Status { get; init; }
    public ExploitationRiskLevel? Level { get; init; }
}

/// <summary>A removal on the register the board sees.</summary>
public sealed record RemovalRow(Guid ListingId, Guid ChildId, string? ChildName, DateTime RemovedAtUtc, RemovalCategory Category, string Rationale,
    ExploitationRiskLevel? LevelAtRemoval, string ProposedBy, string ApprovedBy, DateTime ListedAtUtc);

/// <summary>
/// The panel's list and its register, computed in the database. A child is on the list while they have a listing
/// not removed, or while their current assessment is significant or serious and no removal was approved since it
/// was signed off: so a child at risk is never missing from the list for want of someone adding them, and leaves it
/// only by a recorded, approved removal.
/// </summary>
public sealed class PanelLists(BeaconDbContext db, ChildRecords children, RiskOverview overview, TimeProvider clock)
{
    public const int PageSize = 25;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <param name="among">When given, only these children are considered: checking a few children against the list
    /// without working out the whole list.</param>
    public IQueryable<PanelRow> List(Actor actor, IQueryable<Guid>? among = null) =>
        Listed(actor, among).Concat(ByRisk(actor, among)).Concat(ByReferral(actor, among));

    /// <summary>
    /// One child's place on the list (<see cref="PanelPlace.Of"/>, the list's rule asked of one child), from one query of
    /// what decides it, for their record and for acting on it: the record page has already checked that the person may
    /// see the child. Asking the whole list's union about one child was most of the record's query work.
    /// </summary>
    public async Task<PanelPlace?> PlaceAsync(Guid childId, CancellationToken ct) => (await PlaceWithSourceAsync(childId, ct)).Place;

    /// <summary>The child's place, and whether it is a stored listing (rather than one the rule puts them on).</summary>
    private async Task<(PanelPlace? Place, bool Stored)> PlaceWithSourceAsync(Guid childId, CancellationToken ct)
    {
        var since = Now.AddDays(-PanelList.NewReferralDays);
        var listings = db.Set<PanelListing>().Where(l => l.ChildId == childId);
        var current = listings.Where(l => l.Status != ListingStatus.Removed);
        var facts = await db.Children.Where(c => c.Id == childId).Select(c => new
        {
            Reason = current.Select(l => (ListingReason?)l.Reason).FirstOrDefault(),
            ListedAtUtc = current.Select(l => (DateTime?)l.ListedAtUtc).FirstOrDefault(),
            Status = current.Select(l => (ListingStatus?)l.Status).FirstOrDefault(),
            HeldSince = db.Set<ChildRiskPosition>().Where(p => p.ChildId == childId).Select(p => p.OnPanelListSinceUtc).FirstOrDefault(),
            FlaggedSince = db.Referrals.Where(r => r.ChildId == childId && r.ExploitationSuspected && r.ReceivedAtUtc >= since
                    && !(r.Status == ReferralStatus.Decided && r.ProposedOutcome == TriageOutcome.NoFurtherAction))
                .Min(r => (DateTime?)r.ReceivedAtUtc),
            LastRemovedAtUtc = listings.Max(l => l.RemovedAtUtc),
        }).SingleOrDefaultAsync(ct);
        if (facts is null) return (null, false);
        var stored = facts is { Reason: { } reason, ListedAtUtc: { } listed, Status: { } status } ? new PanelPlace(reason, listed, status) : null;
        return (PanelPlace.Of(stored, facts.HeldSince, facts.FlaggedSince, facts.LastRemovedAtUtc), stored is not null);
    }

    /// <summary>The children with a listing not removed: added by the chair, or a rule's spell someone has acted on.</summary>
    public IQueryable<PanelRow> Listed(Actor actor, IQueryable<Guid>? among = null) => Listed(Visible(actor, among));

    private IQueryable<PanelRow> Listed(IQueryable<Child> visible) =>
        from l in db.Set<PanelListing>()
        where l.Status != ListingStatus.Removed
        join c in visible on l.ChildId equals c.Id
        join p in db.Set<ChildRiskPosition>() on c.Id equals p.ChildId into ps
        from p in ps.DefaultIfEmpty()
        select new PanelRow
        {
            ChildId = c.Id, FirstName = c.FirstName, LastName = c.LastName, SortName = c.SortName, Reason = l.Reason, ListedSinceUtc = l.ListedAtUtc,
            Status = l.Status, Level = p == null ? null : p.Level,
        };

    /// <summary>
    /// The children listed by the rule alone: a significant or serious assessment signed off since their last removal
    /// (<see cref="ChildRiskPosition.OnPanelListSinceUtc"/>: a lower one since does not take them off), and no removal since.
    /// </summary>
    public IQueryable<PanelRow> ByRisk(Actor actor, IQueryable<Guid>? among = null) =>
        WithNames(among is null ? HeldByRisk(actor) : HeldByRisk(among), db.Children.Where(ChildAccess.VisibleTo(actor)));

    /// <summary>The positions of the children <see cref="ByRisk"/> lists, without their records: counted and ordered from the positions alone.</summary>
    /// <remarks>
    /// Over the whole list, whether the person sees a child held by risk is asked of the child's position (its copy of
    /// the record's access facts): testing the rule on the record of each of them took 40 ms at 100,000 children.
    /// </remarks>
    private IQueryable<ChildRiskPosition> HeldByRisk(Actor actor) => HeldByRisk(db.Set<ChildRiskPosition>().AsNoTracking().Where(overview.SeenBy(actor)));

    /// <summary>Of a few children (<paramref name="among"/>): the record's rule alone decides, when <see cref="WithNames"/> reads their records.</summary>
    private IQueryable<ChildRiskPosition> HeldByRisk(IQueryable<Guid> among) => HeldByRisk(db.Set<ChildRiskPosition>().AsNoTracking().Where(p => among.Contains(p.ChildId)));

    private IQueryable<ChildRiskPosition> HeldByRisk(IQueryable<ChildRiskPosition> positions)
    {
        var listings = db.Set<PanelListing>();
        return positions.Where(p => p.OnPanelListSinceUtc != null
            && !listings.Any(l => l.ChildId == p.ChildId && (l.Status != ListingStatus.Removed || l.RemovedAtUtc >= p.OnPanelListSinceUtc)));
    }

    /// <summary>
    /// The held children with their names from their records, among <paramref name="visible"/> (the records' own access
    /// rule, asked again of the rows read), so a position whose copied facts had drifted from the record could never show
    /// a child the person may not see.
    /// </summary>
    private static IQueryable<PanelRow> WithNames(IQueryable<ChildRiskPosition> held, IQueryable<Child> visible) =>
        from p in held
        join c in visible on p.ChildId equals c.Id
        select new PanelRow
        {
            // The position's copy of the sort name: the page picks its first rows of this part in that order.
            ChildId = c.Id, FirstName = c.FirstName, LastName = c.LastName, SortName = p.SortName, Reason = ListingReason.CurrentRisk, ListedSinceUtc = p.OnPanelListSinceUtc!.Value,
            Status = ListingStatus.Listed, Level = p.Level,
        };

    /// <summary>
    /// The children listed by a recent referral of suspected exploitation alone (<see cref="PanelList.ListsChild"/>): not
    /// already listed otherwise, and not removed since the referral.
    /// </summary>
    public IQueryable<PanelRow> ByReferral(Actor actor, IQueryable<Guid>? among = null) => ByReferral(Visible(actor, among), among);

    private IQueryable<PanelRow> ByReferral(IQueryable<Child> visible, IQueryable<Guid>? among)
    {
        var since = Now.AddDays(-PanelList.NewReferralDays);
        var listings = db.Set<PanelListing>();
        // Narrowed before grouping when only some children are asked about, so one child's record reads their referrals alone.
        var referrals = among is null ? db.Referrals : db.Referrals.Where(r => among.Contains(r.ChildId));
        var flagged = from r in referrals
                      where r.ExploitationSuspected && r.ReceivedAtUtc >= since
                            && !(r.Status == ReferralStatus.Decided && r.ProposedOutcome == TriageOutcome.NoFurtherAction)
                      group r by r.ChildId into g
                      select new { ChildId = g.Key, Since = g.Min(r => r.ReceivedAtUtc) };
        return from f in flagged
               join c in visible on f.ChildId equals c.Id
               join p in db.Set<ChildRiskPosition>() on c.Id equals p.ChildId into ps
               from p in ps.DefaultIfEmpty()
               where !listings.Any(l => l.ChildId == c.Id && (l.Status != ListingStatus.Removed || l.RemovedAtUtc >= f.Since))
                     // Not listed by risk (ByRisk's rule, asked of this child's own position rather than as NOT IN over the
                     // whole risk branch, which the database worked out again for every page of the list).
                     && !(p != null && p.OnPanelListSinceUtc != null
                          && !listings.Any(l => l.ChildId == c.Id && (l.Status != ListingStatus.Removed || l.RemovedAtUtc >= p.OnPanelListSinceUtc)))
               select new PanelRow
               {
                   ChildId = c.Id, FirstName = c.FirstName, LastName = c.LastName, SortName = c.SortName, Reason = ListingReason.NewExploitationReferral, ListedSinceUtc = f.Since,
                   Status = ListingStatus.Listed, Level = p == null ? null : p.Level,
               };
    }

    private IQueryable<Child> Visible(Actor actor, IQueryable<Guid>? among) =>
        (among is null ? db.Children : db.Children.Where(c => among.Contains(c.Id))).Where(ChildAccess.VisibleTo(actor));

    public async Task<Paged<PanelRow>> PageAsync(Actor actor, int pageNumber, CancellationToken ct, PanelListOrder order = PanelListOrder.MostSerious,
        bool removalProposedOnly = false)
    {
        IOrderedQueryable<PanelRow> Order(IQueryable<PanelRow> rows) => (order switch
        {
            PanelListOrder.Name => rows.OrderBy(r => r.SortName),
            PanelListOrder.LongestListed => rows.OrderBy(r => r.ListedSinceUtc),
            _ => rows.OrderByDescending(r => r.Level).ThenBy(r => r.SortName),
        }).ThenBy(r => r.ChildId);
        if (removalProposedOnly)
            return await Paged<PanelRow>.ReadAsync(Order(List(actor).Where(r => r.Status == ListingStatus.RemovalProposed)), pageNumber, PageSize, ct);

        // The children held by risk are most of the list (thousands in a borough): they are counted from their positions
        // alone, and only the page's worth of them, in the list's order, is joined to their records for the names. Each
        // part of what the person sees (an area's children, those placed in it, those the organisation works with, those
        // granted) is counted and read in order from an index of its own, stopped at the page: asking the whole access
        // rule of every held child in the borough and sorting the area's 8,500 took 9 ms to count and 11 ms for a page.
        var heldParts = overview.VisiblePositionParts(actor).Select(HeldByRisk).ToList();
        var others = Listed(actor).Concat(ByReferral(actor));
        var total = await Paged<ChildRiskPosition>.All(heldParts).CountAsync(ct) + await others.CountAsync(ct);
        var (_, _, skip) = Paged<PanelRow>.Place(pageNumber, PageSize, total);
        var heldOrdered = Paged<ChildRiskPosition>.FirstOfEach(heldParts, held => (order switch
        {
            PanelListOrder.Name => held.OrderBy(p => p.SortName),
            PanelListOrder.LongestListed => held.OrderBy(p => p.OnPanelListSinceUtc),
            _ => held.OrderByDescending(p => p.Level).ThenBy(p => p.SortName),
        }).ThenBy(p => p.ChildId), skip + PageSize);
        var firstHeld = WithNames(heldOrdered.Take(skip + PageSize), db.Children.Where(ChildAccess.VisibleTo(actor)));
        var firstOthers = Order(others).Take(skip + PageSize);
        return await Paged<PanelRow>.ReadAsync(Order(firstHeld.Concat(firstOthers)), pageNumber, PageSize, total, ct);
    }

    /// <summary>The removals register, newest first: children's names only for those who may see the child.</summary>
    public IQueryable<RemovalRow> Register(Actor actor)
    {
        var mayOpen = Capabilities.SeesChildRecords(actor);
        // The rationale can identify a child: it is shown to those who may see the child, and to the board (members and
        // auditors) of the child's area, who hold the panel to account; others see that a removal happened and why, by category.
        var oversees = (actor.IsIn(BeaconRoles.BoardMember) || Capabilities.IsAuditor(actor)) && actor.Agency == Agency.SafeguardingBoard;
        var areas = actor.AreaIds.ToList();
        return from l in db.Set<PanelListing>().AsNoTracking()
               where l.Status == ListingStatus.Removed
               join c in db.Children on l.ChildId equals c.Id
               // Whether the person may see the child, asked of each row's child (a join on its key), not as IN over every
               // child they may see, which the database works out in full first.
               join v in db.Children.Where(ChildAccess.VisibleTo(actor)) on c.Id equals v.Id into vs
               from v in vs.DefaultIfEmpty()
               let sees = mayOpen && v != null
               join proposer in db.Users on l.RemovalProposedByUserId equals proposer.Id into ps
               from proposer in ps.DefaultIfEmpty()
               join approver in db.Users on l.RemovalApprovedByUserId equals approver.Id into aps
               from approver in aps.DefaultIfEmpty()
               orderby l.RemovedAtUtc descending
               select new RemovalRow(l.Id, c.Id, sees ? c.FirstName + " " + c.LastName : null, l.RemovedAtUtc!.Value,
                   l.RemovalCategory!.Value,
                   sees || (oversees && areas.Contains(c.ResponsibleAreaId)) ? l.RemovalRationale! : "Not shown: you may not see this child's record",
                   l.LevelAtRemoval, proposer == null ? "" : proposer.DisplayName,
                   approver == null ? "" : approver.DisplayName, l.ListedAtUtc);
    }

    public Task<ExploitationRiskLevel?> CurrentLevelAsync(Guid childId, CancellationToken ct) =>
        db.Set<ChildRiskPosition>().Where(p => p.ChildId == childId).Select(p => p.Level).SingleOrDefaultAsync(ct);

    /// <summary>
    /// The child's current spell on the list, tracked: the stored one, or the one the list's rule puts them on,
    /// written down now because someone acts on it. Null when the child is not on the list.
    /// </summary>
    public async Task<PanelListing?> CurrentListingAsync(Guid childId, CancellationToken ct)
    {
        var current = db.Set<PanelListing>().Where(l => l.ChildId == childId && l.Status != ListingStatus.Removed);
        if (await current.SingleOrDefaultAsync(ct) is { } stored) return stored;
        var (place, listed) = await PlaceWithSourceAsync(childId, ct);
        if (place is null) return null;
        // Someone wrote a listing down between the two reads: that one is the child's.
        if (listed) return await current.SingleOrDefaultAsync(ct);
        var listing = PanelListing.ByRule(childId, place.Reason, place.SinceUtc);
        db.Add(listing);
        return listing;
    }

    public Task<(Child? Child, IActionResult? Refusal)> LoadChildAsync(Guid childId, ClaimsPrincipal user, OperationAuthorizationRequirement operation, CancellationToken ct) =>
        children.LoadForAsync<PanelListing>(childId, user, operation, ct);
}

internal sealed class PanelListingConfiguration : IEntityTypeConfiguration<PanelListing>
{
    public void Configure(EntityTypeBuilder<PanelListing> listing)
    {
        listing.ToTable("PanelListings");
        listing.HasKey(l => l.Id);
        listing.Property(l => l.Id).ValueGeneratedNever();
        listing.HasOne<Child>().WithMany().HasForeignKey(l => l.ChildId).OnDelete(DeleteBehavior.Restrict);
        listing.Property(l => l.AddedBecause).HasMaxLength(PanelListing.RationaleMaxLength);
        listing.Property(l => l.RemovalRationale).HasMaxLength(PanelListing.RationaleMaxLength);
        foreach (var userId in new[] { nameof(PanelListing.AddedByUserId), nameof(PanelListing.RemovalProposedByUserId), nameof(PanelListing.RemovalApprovedByUserId) })
            listing.Property(userId).HasMaxLength(450);
        // One current spell per child: two people acting at once cannot both write one down.
        listing.HasIndex(l => l.ChildId).IsUnique().HasFilter($"\"Status\" <> {(int)ListingStatus.Removed}").HasDatabaseName("IX_PanelListings_ChildId_Current");
        listing.HasIndex(l => new { l.ChildId, l.RemovedAtUtc });
        listing.HasIndex(l => new { l.Status, l.RemovedAtUtc });
    }
}
