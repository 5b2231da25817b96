using Beacon.Core.Access;
using Beacon.Core.Referrals;
using Beacon.Core.Timescales;
using Beacon.Web.Features.Cases;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Referrals;

/// <summary>The Children's Social Care front door: every referral not yet decided, oldest first, against its 1-working-day clock.</summary>
[Authorize(Policy = Policies.SocialCare)]
public sealed class QueueModel(BeaconDbContext db, StatutoryTimescales timescales, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string ChildName, string ReferrerName, Agency ReferrerAgency, DateTime ReceivedAtUtc,
        ReferralStatus Status, DateOnly DueOn, TimescaleOutcome Timescale);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    /// <summary>Referrals about restricted records this person is not named on: counted, so none is invisible to the team.</summary>
    public int HiddenCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var actor = User.ToActor();
        var areas = actor.AreaIds.ToList();
        // The front door decides for the children its local authority is responsible for.
        var ours = db.Children.Where(c => areas.Contains(c.ResponsibleAreaId));
        var visible = ours.Where(ChildAccess.VisibleTo(actor));
        var waiting = await (from referral in db.Referrals
                             join child in visible on referral.ChildId equals child.Id
                             join user in db.Users on referral.ReferrerUserId equals user.Id into referrers
                             from referrer in referrers.DefaultIfEmpty()
                             where referral.Status != ReferralStatus.Decided
                             orderby referral.ReceivedAtUtc
                             select new { referral, child.FirstName, child.LastName, ReferrerName = referrer != null ? referrer.DisplayName : "Unknown" })
            .ToListAsync(ct);
        Rows = waiting.Select(w => new Row(w.referral.Id, $"{w.FirstName} {w.LastName}", w.ReferrerName, w.referral.ReferrerAgency,
            w.referral.ReceivedAtUtc, w.referral.Status, w.referral.DecisionDueOn(timescales), w.referral.DecisionTimescale(timescales, now))).ToList();
        HiddenCount = await (from referral in db.Referrals
                             join child in ours on referral.ChildId equals child.Id
                             where referral.Status != ReferralStatus.Decided
                             select referral.Id).CountAsync(ct) - Rows.Count;
    }
}
