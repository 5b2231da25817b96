using Beacon.Core.Access;
using Beacon.Core.Referrals;
using Beacon.Web.Features.MyWork;
using Beacon.Core.Timescales;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
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

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        var me = actor.UserId;
        var now = clock.GetUtcNow().UtcDateTime;
        // Only the referrer's own referrals, and of those only what the child's record rule lets them see: a
        // record restricted since keeps its referral on the list, without the child's name or the decision.
        var visible = db.Children.Where(ChildAccess.VisibleTo(actor));
        var mine = await (from referral in db.Referrals
                          join child in db.Children on referral.ChildId equals child.Id
                          where referral.ReferrerUserId == me
                          orderby referral.ReceivedAtUtc descending
                          select new { referral, child.FirstName, child.LastName, MayView = visible.Any(v => v.Id == child.Id) }).ToListAsync(ct);
        Rows = mine.Select(m => new Row(m.referral.Id, m.referral.ChildId, m.MayView,
            m.MayView ? $"{m.FirstName} {m.LastName}" : Workload.RestrictedName, m.referral.ReceivedAtUtc,
            m.referral.Status, m.MayView ? m.referral.Outcome : null, m.MayView && m.referral.Outcome is not null ? m.referral.DecisionReason : null,
            m.referral.DecisionEffectiveAtUtc, m.referral.DecisionTimescale(timescales, now))).ToList();
    }
}
