using Beacon.Core.Access;
using Beacon.Core.Referrals;
using Beacon.Web.Features.MyWork;
using Beacon.Core.Timescales;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Beacon.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Referrals;

/// <summary>My referrals: every concern the person raised and what was decided, so no referrer is left guessing.</summary>
[Authorize(Policy = Policies.Practitioner)]
public sealed class IndexModel(BeaconDbContext db, StatutoryTimescales timescales, TimeProvider clock) : PageModel
{
    /// <summary>One referral; <see cref="MayView"/> false when the child's record has since been restricted to others.</summary>
    public sealed record Row(Guid Id, Guid ChildId, bool MayView, string ChildName, DateTime ReceivedAtUtc, ReferralStatus Status, TriageOutcome? Outcome,
        string? Reason, DateTime? DecidedAtUtc, TimescaleOutcome Timescale);

    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    /// <summary>Newest first (the default) or oldest first.</summary>
    [BindProperty(SupportsGet = true)] public MyReferralsOrder Order { get; set; } = MyReferralsOrder.NewestFirst;
    /// <summary>Only referrals the front door has not yet decided.</summary>
    [BindProperty(SupportsGet = true)] public bool WaitingOnly { get; set; }
    public Paged<Row> Rows { get; private set; } = new([], 1, 1, 0);
    /// <summary>Whether the person has raised any referral at all (the filters may leave none shown).</summary>
    public bool AnyRaised { get; private set; }

    public enum MyReferralsOrder
    {
        [System.ComponentModel.DataAnnotations.Display(Name = "Newest first")] NewestFirst,
        [System.ComponentModel.DataAnnotations.Display(Name = "Oldest first")] OldestFirst,
    }

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> OrderItems() => GovUkChoices.Of<MyReferralsOrder>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        var me = actor.UserId;
        var now = clock.GetUtcNow().UtcDateTime;
        // Only the referrer's own referrals, and of those only what the child's record rule lets them see: a
        // record restricted since keeps its referral on the list, without the child's name or the decision.
        var visible = db.Children.Where(ChildAccess.VisibleTo(actor));
        var mine = db.Referrals.Where(r => r.ReferrerUserId == me);
        if (WaitingOnly) mine = mine.Where(r => r.Status != ReferralStatus.Decided);
        var ordered = Order == MyReferralsOrder.OldestFirst
            ? mine.OrderBy(r => r.ReceivedAtUtc).ThenBy(r => r.Id)
            : mine.OrderByDescending(r => r.ReceivedAtUtc).ThenBy(r => r.Id);
        var page = await Paged<Mine>.ReadAsync(
            ordered.Select(referral => new Mine(referral, db.Children.Where(c => c.Id == referral.ChildId).OrderBy(c => c.Id).Select(c => c.FirstName + " " + c.LastName).First(),
                visible.Any(v => v.Id == referral.ChildId))),
            PageNumber, PageSize, ct);
        AnyRaised = page.Total > 0 || (WaitingOnly && await db.Referrals.AnyAsync(r => r.ReferrerUserId == me, ct));
        Rows = new Paged<Row>(page.Items.Select(m => new Row(m.referral.Id, m.referral.ChildId, m.MayView,
            m.MayView ? m.ChildName : Workload.RestrictedName, m.referral.ReceivedAtUtc,
            m.referral.Status, m.MayView ? m.referral.Outcome : null, m.MayView && m.referral.Outcome is not null ? m.referral.DecisionReason : null,
            m.referral.DecisionEffectiveAtUtc, m.referral.DecisionTimescale(timescales, now))).ToList(), page.PageNumber, page.PageCount, page.Total);
    }

    private sealed record Mine(Referral referral, string ChildName, bool MayView);
}
