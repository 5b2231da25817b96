using Beacon.Core.Access;
using Beacon.Core.Cases;
using Beacon.Core.Common;
using Beacon.Core.Referrals;
using Beacon.Core.Timescales;
using Beacon.Web.Features.Cases;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.MyWork;

/// <summary>
/// Caseloads, what is due, and every timescale breach, computed from the domain's own clocks
/// (Case.TimescaleOutcomes, Referral.DecisionTimescale) so the lists can never disagree with the case pages.
/// </summary>
public sealed class Workload(BeaconDbContext db, StatutoryTimescales timescales, TimeProvider clock)
{
    public sealed record CaseRow(Guid CaseId, Guid ChildId, string ChildName, CaseStage Stage, string WorkerName, int Outstanding, int Overdue);
    public sealed record DueItem(string ChildName, string What, string Link, string WorkerName, TimescaleOutcome Timescale);
    public sealed record Breach(string ChildName, string Responsible, string Link, TimescaleOutcome Timescale);
    public sealed record Caseload(IReadOnlyList<CaseRow> Cases, IReadOnlyList<DueItem> Due);

    public const string RestrictedName = "Restricted record";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The open cases allocated to these workers and everything due or overdue on them, plus (for the
    /// person themself) the decisions awaited on their own referrals and, for social care, the front door's.
    /// </summary>
    public async Task<Caseload> ForAsync(Actor actor, IReadOnlyCollection<string> workerIds, CancellationToken ct)
    {
        var cases = await db.Cases.Include(c => c.StrategyDiscussions).Include(c => c.ReviewConferences).AsSplitQuery()
            .Where(c => c.Stage != CaseStage.Closed && c.AllocatedWorkerUserId != null && workerIds.Contains(c.AllocatedWorkerUserId))
            .ToListAsync(ct);
        var names = await ChildNamesAsync(actor, cases.Select(c => c.ChildId), ct);
        var workers = await UserNames.ForAsync(db, cases.Select(c => c.AllocatedWorkerUserId), ct);
        var now = Now;
        var rows = new List<CaseRow>();
        var due = new List<DueItem>();
        foreach (var c in cases.Where(c => names.ContainsKey(c.ChildId)))
        {
            var outcomes = c.TimescaleOutcomes(timescales, now).Where(o => o.IsOutstanding).ToList();
            rows.Add(new CaseRow(c.Id, c.ChildId, names[c.ChildId], c.Stage, workers.Name(c.AllocatedWorkerUserId), outcomes.Count,
                outcomes.Count(o => o.State == TimescaleState.Overdue)));
            due.AddRange(outcomes.Select(o => new DueItem(names[c.ChildId], o.Step.Name(), $"/Cases/{c.Id}", workers.Name(c.AllocatedWorkerUserId), o)));
        }

        // Referrals the person raised that still wait for a decision, and the front door's queue for social care.
        // The front door's queue is its own area's children (a host authority is told of a placement, not given the case).
        var isSocialCare = Capabilities.IsSocialCare(actor);
        var areas = actor.AreaIds.ToList();
        var waiting = await (from r in db.Referrals
                             join c in db.Children on r.ChildId equals c.Id
                             where r.Status != ReferralStatus.Decided
                                 && (r.ReferrerUserId == actor.UserId || (isSocialCare && areas.Contains(c.ResponsibleAreaId)))
                             select r)
            .ToListAsync(ct);
        var referralNames = await ChildNamesAsync(actor, waiting.Select(r => r.ChildId), ct);
        foreach (var r in waiting.Where(r => referralNames.ContainsKey(r.ChildId)))
        {
            var what = r.Status == ReferralStatus.AwaitingManagerApproval ? "Decision on referral (no further action awaiting manager)"
                : r.ReferrerUserId == actor.UserId ? "Decision on your referral" : "Decision on referral (front door)";
            due.Add(new DueItem(referralNames[r.ChildId], what, $"/Referrals/{r.Id}", "Front door", r.DecisionTimescale(timescales, now)));
        }
        return new(rows.OrderBy(r => r.WorkerName).ThenBy(r => r.ChildName).ToList(), due.OrderBy(d => d.Timescale.DueOn).ThenBy(d => d.ChildName).ToList());
    }

    /// <summary>
    /// Every breach on record: late or overdue referral decisions and case steps, open or closed. The child is
    /// named only to those who may see the record.
    /// </summary>
    public async Task<IReadOnlyList<Breach>> BreachesAsync(Actor actor, CancellationToken ct)
    {
        var now = Now;
        // The breaches of the person's own areas: a restricted child there is counted without a name, a child of
        // another local authority is that authority's to see.
        var areas = actor.AreaIds.ToList();
        var ours = db.Children.Where(c => areas.Contains(c.ResponsibleAreaId) || (c.HostAreaId != null && areas.Contains(c.HostAreaId.Value))).Select(c => c.Id);
        var cases = await db.Cases.Include(c => c.StrategyDiscussions).Include(c => c.ReviewConferences).AsSplitQuery()
            .Where(c => ours.Contains(c.ChildId)).ToListAsync(ct);
        var referrals = await db.Referrals.Where(r => ours.Contains(r.ChildId)).ToListAsync(ct);
        var names = await ChildNamesAsync(actor, cases.Select(c => c.ChildId).Concat(referrals.Select(r => r.ChildId)), ct);
        var people = await UserNames.ForAsync(db, cases.Select(c => c.AllocatedWorkerUserId).Concat(referrals.Select(r => r.DecidedByUserId)), ct);
        var breaches = new List<Breach>();
        foreach (var r in referrals)
        {
            var outcome = r.DecisionTimescale(timescales, now);
            if (!outcome.IsBreach) continue;
            var named = names.TryGetValue(r.ChildId, out var name);
            breaches.Add(new Breach(named ? name! : RestrictedName, r.DecidedByUserId is null ? "Front door" : $"Front door ({people.Name(r.DecidedByUserId)})",
                named ? $"/Referrals/{r.Id}" : "", outcome));
        }
        foreach (var c in cases)
        {
            var named = names.TryGetValue(c.ChildId, out var name);
            foreach (var outcome in c.TimescaleOutcomes(timescales, now).Where(o => o.IsBreach))
                breaches.Add(new Breach(named ? name! : RestrictedName, c.AllocatedWorkerUserId is null ? "Not allocated" : people.Name(c.AllocatedWorkerUserId),
                    named ? $"/Cases/{c.Id}" : "", outcome));
        }
        return breaches.OrderBy(b => b.Timescale.DueOn).ToList();
    }

    /// <summary>Names of the children among these the person may see.</summary>
    private async Task<Dictionary<Guid, string>> ChildNamesAsync(Actor actor, IEnumerable<Guid> childIds, CancellationToken ct)
    {
        var ids = childIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.Children.Where(ChildAccess.VisibleTo(actor)).Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.FirstName + " " + c.LastName, ct);
    }
}
