using Beacon.Core.Access;
using Beacon.Core.Referrals;
using Beacon.Core.Timescales;
using Beacon.Web.Features.Cases;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Beacon.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Referrals;

/// <summary>The Children's Social Care front door: every referral not yet decided, oldest first, against its 1-working-day clock.</summary>
[Authorize(Policy = Policies.SocialCare)]
public sealed class QueueModel(BeaconDbContext db, StatutoryTimescales timescales, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string ChildName, string ReferrerName, Agency ReferrerAgency, DateTime ReceivedAtUtc,
        ReferralStatus Status, DateOnly DueOn, TimescaleOutcome Timescale);

    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public Paged<Row> Rows { get; private set; } = new([], 1, 1, 0);
    /// <summary>Referrals about restricted records this person is not named on: counted, so none is invisible to the team.</summary>
    public int HiddenCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var actor = User.ToActor();
        var areas = actor.AreaIds.ToList();
        // The front door decides for the children its local authority is responsible for. "Waiting" is named as the
        // two statuses (not "not decided") so the (Status, ReceivedAtUtc) index serves the queue in order.
        var ours = db.Children.Where(c => areas.Contains(c.ResponsibleAreaId));
        var visible = ours.Where(ChildAccess.VisibleTo(actor));
        var waiting = db.Referrals.Where(r => r.Status == ReferralStatus.AwaitingDecision || r.Status == ReferralStatus.AwaitingManagerApproval);
        var page = await Paged<Waiting>.ReadAsync(
            from referral in waiting
            join child in visible on referral.ChildId equals child.Id
            join user in db.Users on referral.ReferrerUserId equals user.Id into referrers
            from referrer in referrers.DefaultIfEmpty()
            orderby referral.ReceivedAtUtc, referral.Id
            select new Waiting(referral, child.FirstName, child.LastName, referrer != null ? referrer.DisplayName : "Unknown"),
            PageNumber, PageSize, ct);
        Rows = new Paged<Row>(page.Items.Select(w => new Row(w.Referral.Id, $"{w.FirstName} {w.LastName}", w.ReferrerName, w.Referral.ReferrerAgency,
            w.Referral.ReceivedAtUtc, w.Referral.Status, w.Referral.DecisionDueOn(timescales), w.Referral.DecisionTimescale(timescales, now))).ToList(),
            page.PageNumber, page.PageCount, page.Total);
        HiddenCount = await (from referral in waiting
                             join child in ours on referral.ChildId equals child.Id
                             select referral.Id).CountAsync(ct) - Rows.Total;
    }

    private sealed record Waiting(Referral Referral, string FirstName, string LastName, string ReferrerName);
}
