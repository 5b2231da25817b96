using Beacon.Core.Referrals;
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
    public sealed record Row(Guid Id, Guid ChildId, string ChildName, DateTime ReceivedAtUtc, ReferralStatus Status, TriageOutcome? Outcome,
        string? Reason, DateTime? DecidedAtUtc, TimescaleOutcome Timescale);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.ToActor().UserId;
        var now = clock.GetUtcNow().UtcDateTime;
        // Only the referrer's own referrals; their agency is involved with each child since they referred.
        var mine = await (from referral in db.Referrals
                          join child in db.Children on referral.ChildId equals child.Id
                          where referral.ReferrerUserId == me
                          orderby referral.ReceivedAtUtc descending
                          select new { referral, child.FirstName, child.LastName }).ToListAsync(ct);
        Rows = mine.Select(m => new Row(m.referral.Id, m.referral.ChildId, $"{m.FirstName} {m.LastName}", m.referral.ReceivedAtUtc,
            m.referral.Status, m.referral.Outcome, m.referral.Outcome is null ? null : m.referral.DecisionReason,
            m.referral.DecisionEffectiveAtUtc, m.referral.DecisionTimescale(timescales, now))).ToList();
    }
}
