using Beacon.Core.Common;
using Beacon.Core.Referrals;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using T = Beacon.Web.Features.Chronology.ChronologyTypes;

namespace Beacon.Web.Features.Chronology.Sources;

/// <summary>Referrals about the child (who referred, what was seen) and the front door's decision on each.</summary>
public sealed class ReferralSource(BeaconDbContext db) : IChronologySource
{
    public IReadOnlyList<string> Types { get; } = [T.Referral, T.Decision];

    public async Task<IEnumerable<ChronologyEvent>> EventsAsync(Guid childId, CancellationToken ct)
    {
        if (!db.Stores<Referral>()) return [];
        var referrals = await db.Set<Referral>().AsNoTracking().Where(r => r.ChildId == childId).ToListAsync(ct);
        var events = new List<ChronologyEvent>();
        foreach (var r in referrals)
        {
            events.Add(new(r.ReceivedAtUtc, true, T.Referral, $"Referral from {r.ReferrerAgency.Name()}")
            {
                Agency = r.ReferrerAgency,
                ByUserId = r.ReferrerUserId,
                Link = $"/Referrals/{r.Id}",
                Detail = ChronologyServices.Shorten(r.WhatWasSeen),
            });
            if (r.DecidedAtUtc is { } decided && r.ProposedOutcome is { } outcome)
                events.Add(new(decided, true, T.Decision, r.Status == ReferralStatus.AwaitingManagerApproval
                    ? $"Decision proposed: {outcome.Name()} (awaiting manager approval)"
                    : $"Decision: {outcome.Name()}")
                {
                    ByUserId = r.DecidedByUserId,
                    Detail = ChronologyServices.Shorten(r.DecisionReason),
                    Link = $"/Referrals/{r.Id}",
                });
            if (r.ApprovedAtUtc is { } approved)
                events.Add(new(approved, true, T.Decision, $"{r.ProposedOutcome?.Name() ?? "Decision"} approved by a team manager") { ByUserId = r.ApprovedByUserId, Link = $"/Referrals/{r.Id}" });
        }
        return events;
    }
}
