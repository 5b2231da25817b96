using Beacon.Core.Access;
using Beacon.Core.Cases;
using Beacon.Core.Common;
using Beacon.Core.Referrals;
using Beacon.Core.Timescales;
using Beacon.Web.Features.Cases;
using Beacon.Web.Features.RiskAssessment;
using Beacon.Web.Features.Timescales;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.GovUk;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.MyWork;

/// <summary>
/// Caseloads, what is due, and every timescale breach. The clocks are the domain's own (Case.TimescaleOutcomes,
/// Referral.DecisionTimescale), stored with their due dates whenever a case or referral changes
/// (<see cref="StatutoryClock"/>), so the lists can never disagree with the case pages and the database counts
/// and pages them: a page costs the same whether a borough has a hundred cases or a hundred thousand.
/// </summary>
public sealed class Workload(BeaconDbContext db, StatutoryTimescales timescales, RiskOverview overview, TimeProvider clock)
{
    public const int PageSize = 25;

    public sealed record CaseRow(Guid CaseId, Guid ChildId, string ChildName, CaseStage Stage, string WorkerName, int Outstanding, int Overdue);
    public sealed record DueItem(string ChildName, string What, string Link, string WorkerName, TimescaleOutcome Timescale);
    public sealed record Breach(string ChildName, string Responsible, string Link, TimescaleOutcome Timescale);
    public sealed record StepCount(StatutoryStep Step, int Overdue, int Late);

    public const string RestrictedName = "Restricted record";

    private DateOnly Today => UkTime.ToUkDate(clock.GetUtcNow().UtcDateTime);

    /// <summary>How a caseload is ordered: by worker and child (the default), or the most overdue steps first.</summary>
    public enum CaseloadOrder
    {
        [System.ComponentModel.DataAnnotations.Display(Name = "Worker, then child's last name")] WorkerAndChild,
        [System.ComponentModel.DataAnnotations.Display(Name = "Most overdue steps first")] MostOverdue,
        [System.ComponentModel.DataAnnotations.Display(Name = "Child's last name")] ChildName,
    }

    /// <summary>Whether a breach is still overdue or was done late.</summary>
    public enum BreachStanding
    {
        [System.ComponentModel.DataAnnotations.Display(Name = "Still overdue")] Overdue = 1,
        [System.ComponentModel.DataAnnotations.Display(Name = "Done late")] Late = 2,
    }

    /// <summary>Narrows the breaches list: one step, still overdue or done late, or only those the person is responsible for.</summary>
    public sealed record BreachFilter(StatutoryStep? Step = null, BreachStanding? Standing = null, bool MineOnly = false)
    {
        public bool Narrows => Step is not null || Standing is not null || MineOnly;
    }

    /// <summary>Narrows a caseload: one stage, or only cases with a step overdue (null: no narrowing).</summary>
    public sealed record CaseloadFilter(CaseStage? Stage = null, bool OverdueOnly = false);

    /// <summary>One page of the open cases allocated to these workers, with how many steps are running and overdue on each.</summary>
    public async Task<Paged<CaseRow>> CaseloadAsync(Actor actor, IReadOnlyCollection<string> workerIds, int pageNumber, CancellationToken ct,
        CaseloadOrder order = CaseloadOrder.WorkerAndChild, CaseloadFilter? filter = null)
    {
        var page = await Paged<CaseKey>.ReadAsync(Cases(actor, workerIds, order, filter), pageNumber, PageSize, ct,
            read: (ordered, skip, take, c) => Named(actor, ordered.Skip(skip).Take(take), order).ToListAsync(c));
        return new Paged<CaseRow>(page.Items.Select(ToRow).ToList(), page.PageNumber, page.PageCount, page.Total);
    }

    /// <summary>The whole caseload, in order, for a download (read row by row, never held in memory).</summary>
    public IQueryable<CaseRow> Caseload(Actor actor, IReadOnlyCollection<string> workerIds, CaseloadOrder order, CaseloadFilter? filter = null) =>
        Named(actor, Cases(actor, workerIds, order, filter), order).Select(r => ToRow(r));

    private static CaseRow ToRow(CaseKey r) => new(r.Id, r.ChildId, r.Name, r.Stage, r.Worker, r.Outstanding, r.Overdue);

    /// <summary>
    /// The cases, in order, as what orders them: the child's access facts and sort name come from their risk position
    /// (<see cref="RiskOverview.SeenBy"/>, the access rule on a row of its own), so only the page's children are read
    /// for their names and only its cases have their steps counted, unless the order or filter is by steps overdue.
    /// Testing the rule on each child's record cost most of My work's time at 100,000 children.
    /// </summary>
    private IQueryable<CaseKey> Cases(Actor actor, IReadOnlyCollection<string> workerIds, CaseloadOrder order, CaseloadFilter? filter)
    {
        var stage = filter?.Stage;
        var today = Today;
        var clocks = db.Set<StatutoryClock>();
        var byOverdue = order == CaseloadOrder.MostOverdue || filter?.OverdueOnly == true;
        var rows = from c in db.Cases
                   where c.Stage != CaseStage.Closed && c.AllocatedWorkerUserId != null && workerIds.Contains(c.AllocatedWorkerUserId)
                         && (stage == null || c.Stage == stage)
                   join p in db.Set<ChildRiskPosition>().Where(overview.SeenBy(actor)) on c.ChildId equals p.ChildId
                   join worker in db.Users on c.AllocatedWorkerUserId equals worker.Id
                   select new CaseKey
                   {
                       Id = c.Id, ChildId = c.ChildId, SortName = p.SortName, Stage = c.Stage, Worker = worker.DisplayName,
                       Outstanding = byOverdue ? clocks.Count(k => k.RecordId == c.Id && k.MetOn == null) : 0,
                       Overdue = byOverdue ? clocks.Count(k => k.RecordId == c.Id && k.MetOn == null && k.DueOn < today) : 0,
                   };
        if (filter?.OverdueOnly == true) rows = rows.Where(r => r.Overdue > 0);
        return Ordered(rows, order);
    }

    private static IOrderedQueryable<CaseKey> Ordered(IQueryable<CaseKey> rows, CaseloadOrder order) => order switch
    {
        CaseloadOrder.MostOverdue => rows.OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Outstanding).ThenBy(r => r.SortName).ThenBy(r => r.Id),
        CaseloadOrder.ChildName => rows.OrderBy(r => r.SortName).ThenBy(r => r.Id),
        _ => rows.OrderBy(r => r.Worker).ThenBy(r => r.SortName).ThenBy(r => r.Id),
    };

    /// <summary>
    /// Cases already cut to what is shown, with their children's names (the rule on each child's record asked again)
    /// and their steps counted, in the same order.
    /// </summary>
    private IOrderedQueryable<CaseKey> Named(Actor actor, IQueryable<CaseKey> cases, CaseloadOrder order)
    {
        var today = Today;
        var clocks = db.Set<StatutoryClock>();
        var named = from k in cases
                    join child in db.Children.Where(ChildAccess.VisibleTo(actor)) on k.ChildId equals child.Id
                    select new CaseKey
                    {
                        Id = k.Id, ChildId = k.ChildId, SortName = k.SortName, Stage = k.Stage, Worker = k.Worker, Name = child.FirstName + " " + child.LastName,
                        Outstanding = clocks.Count(s => s.RecordId == k.Id && s.MetOn == null),
                        Overdue = clocks.Count(s => s.RecordId == k.Id && s.MetOn == null && s.DueOn < today),
                    };
        return Ordered(named, order);
    }

    // A class with setters: EF Core composes further queries over members it can see, not over a constructor's.
    private sealed class CaseKey
    {
        public Guid Id { get; init; }
        public Guid ChildId { get; init; }
        public string SortName { get; init; } = "";
        public CaseStage Stage { get; init; }
        public string Worker { get; init; } = "";
        public string Name { get; init; } = "";
        public int Outstanding { get; init; }
        public int Overdue { get; init; }
    }

    /// <summary>
    /// Everything due or overdue, oldest first: steps on these workers' cases, decisions awaited on the person's own
    /// referrals and, for social care, on the front door's (its own area's children: a host authority is told of a
    /// placement, not given the case). Children the person may not see are left out: counted and ordered from the
    /// clocks and the children's risk positions (which carry their access facts and sort names), and only the page's
    /// children read for their names, where testing the rule on every child's record cost a millisecond per hundred.
    /// </summary>
    public async Task<Paged<DueItem>> DueAsync(Actor actor, IReadOnlyCollection<string> workerIds, int pageNumber, CancellationToken ct)
    {
        var today = Today;
        var isSocialCare = Capabilities.IsSocialCare(actor);
        var areas = actor.AreaIds.ToList();
        var me = actor.UserId;
        var seen = db.Set<ChildRiskPosition>().Where(overview.SeenBy(actor));
        var outstanding = db.Set<StatutoryClock>().Where(k => k.MetOn == null);

        var onCases = from k in outstanding
                      where k.Record == ClockedRecord.Case && k.ResponsibleUserId != null && workerIds.Contains(k.ResponsibleUserId)
                      join p in seen on k.ChildId equals p.ChildId
                      select new DueRow { RecordId = k.RecordId, Record = k.Record, Step = k.Step, Unit = k.Unit, DueOn = k.DueOn, ChildId = k.ChildId,
                          SortName = p.SortName, ResponsibleUserId = k.ResponsibleUserId };
        // Decisions awaited: the referrals still waiting, each with its clock (the database starts from whichever is
        // fewer, or from the clocks in due order for a page).
        var onReferrals = from k in outstanding
                          where k.Record == ClockedRecord.Referral
                          join r in db.Referrals on k.RecordId equals r.Id
                          where r.Status == ReferralStatus.AwaitingDecision || r.Status == ReferralStatus.AwaitingManagerApproval
                          join p in seen on k.ChildId equals p.ChildId
                          where r.ReferrerUserId == me || (isSocialCare && areas.Contains(p.ResponsibleAreaId))
                          select new DueRow { RecordId = k.RecordId, Record = k.Record, Step = k.Step, Unit = k.Unit, DueOn = k.DueOn, ChildId = k.ChildId,
                              SortName = p.SortName, ResponsibleUserId = k.ResponsibleUserId };
        var visible = db.Children.Where(ChildAccess.VisibleTo(actor));
        List<IQueryable<DueRow>> parts = [onCases, onReferrals];
        var total = await Paged<DueRow>.All(parts).CountAsync(ct);
        var page = await Paged<DueRow>.ReadAsync(DueOrder(Paged<DueRow>.All(parts)), pageNumber, PageSize, total, ct,
            // Each part is read in due order and stopped at the page before the two are put together; only the page's rows
            // are named (their children's own rule asked again) and have their referral's standing read.
            read: (_, skip, take, c) => DueOrder(from d in Paged<DueRow>.FirstOfEach(parts, DueOrder, skip + take).Skip(skip).Take(take)
                                                  join child in visible on d.ChildId equals child.Id
                                                  join w in db.Users on d.ResponsibleUserId equals w.Id into workers
                                                  from worker in workers.DefaultIfEmpty()
                                                  join r in db.Referrals on d.RecordId equals r.Id into referrals
                                                  from referral in referrals.DefaultIfEmpty()
                                                  select new DueRow { RecordId = d.RecordId, Record = d.Record, Step = d.Step, Unit = d.Unit, DueOn = d.DueOn,
                                                      ChildId = d.ChildId, SortName = d.SortName, ResponsibleUserId = d.ResponsibleUserId,
                                                      RaisedByMe = referral != null && referral.ReferrerUserId == me, Status = referral != null ? (ReferralStatus?)referral.Status : null,
                                                      FirstName = child.FirstName, LastName = child.LastName, Who = worker != null ? worker.DisplayName : "" })
                .ToListAsync(c));

        var items = page.Items.Select(d =>
        {
            var timescale = StatutoryClock.Outcome(d.Step, d.Unit, d.DueOn, null, today, timescales.Calendar);
            var name = $"{d.FirstName} {d.LastName}";
            if (d.Record == ClockedRecord.Case) return new DueItem(name, d.Step.Name(), $"/Cases/{d.RecordId}", d.Who, timescale);
            var what = d.Status == ReferralStatus.AwaitingManagerApproval ? "Decision on referral (no further action awaiting manager)"
                : d.RaisedByMe ? "Decision on your referral" : "Decision on referral (front door)";
            return new DueItem(name, what, $"/Referrals/{d.RecordId}", "Front door", timescale);
        }).ToList();
        return new Paged<DueItem>(items, page.PageNumber, page.PageCount, page.Total);
    }

    private static IOrderedQueryable<DueRow> DueOrder(IQueryable<DueRow> rows) => rows.OrderBy(d => d.DueOn).ThenBy(d => d.SortName).ThenBy(d => d.RecordId);

    // A class with setters: EF Core matches the two sides of a UNION by member, not by constructor.
    private sealed class DueRow
    {
        public Guid RecordId { get; init; }
        public ClockedRecord Record { get; init; }
        public StatutoryStep Step { get; init; }
        public TimescaleUnit Unit { get; init; }
        public DateOnly DueOn { get; init; }
        public Guid ChildId { get; init; }
        public string SortName { get; init; } = "";
        public string? ResponsibleUserId { get; init; }
        public string FirstName { get; init; } = "";
        public string LastName { get; init; } = "";
        public string Who { get; init; } = "";
        public bool RaisedByMe { get; init; }
        public ReferralStatus? Status { get; init; }
    }

    /// <summary>
    /// The breaches of the person's own areas (late or overdue referral decisions and case steps, open or closed),
    /// oldest first: a restricted child there is counted without a name; a child of another local authority is
    /// that authority's to count.
    /// </summary>
    public async Task<Paged<Breach>> BreachesAsync(Actor actor, int pageNumber, int total, CancellationToken ct, BreachFilter? filter = null)
    {
        var today = Today;
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var number = Math.Clamp(pageNumber, 1, pageCount);
        // The page is cut from the clocks in index order first; only its rows look up who is responsible. The children
        // placed in an area from others are usually none: then the area's own range is paged alone. Paging the union of
        // both made PostgreSQL sort all of an area's breaches (15 ms a page for 12,000 of them).
        var (own, placedHere) = BreachingParts(actor, today, filter);
        var clocks = Paged<StatutoryClock>.FirstOfEach(await placedHere.AnyAsync(ct) ? [own, placedHere] : [own],
                q => q.OrderBy(k => k.BreachAfter).ThenBy(k => k.RecordId).ThenBy(k => k.Slot), number * PageSize)
            .Skip((number - 1) * PageSize).Take(PageSize);
        var page = await (from k in clocks
                          join person in db.Users on k.ResponsibleUserId equals person.Id into people
                          from responsible in people.DefaultIfEmpty()
                          orderby k.BreachAfter, k.RecordId, k.Slot
                          select new { k.RecordId, k.Slot, k.BreachAfter, k.Record, k.ChildId, k.Step, k.Unit, k.DueOn, k.MetOn, k.ResponsibleUserId, Responsible = responsible != null ? responsible.DisplayName : null })
            .ToListAsync(ct);
        // Named only where the person may see the record: one query for the page's children.
        var childIds = page.Select(b => b.ChildId).Distinct().ToList();
        var names = await db.Children.Where(ChildAccess.VisibleTo(actor)).Where(c => childIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.FirstName + " " + c.LastName, ct);
        var items = page.Select(b =>
        {
            var outcome = StatutoryClock.Outcome(b.Step, b.Unit, b.DueOn, b.MetOn, today, timescales.Calendar);
            var responsible = b.Record == ClockedRecord.Referral
                ? b.ResponsibleUserId is null ? "Front door" : $"Front door ({b.Responsible ?? "Unknown user"})"
                : b.ResponsibleUserId is null ? "Not allocated" : b.Responsible ?? "Unknown user";
            var named = names.TryGetValue(b.ChildId, out var name);
            var link = !named ? "" : b.Record == ClockedRecord.Referral ? $"/Referrals/{b.RecordId}" : $"/Cases/{b.RecordId}";
            return new Breach(named ? name! : RestrictedName, responsible, link, outcome);
        }).ToList();
        return new Paged<Breach>(items, number, pageCount, total);
    }

    /// <summary>
    /// Every breach in the person's areas, in the page's order, for a download: one query read row by row, each child
    /// named only where the person may see them (the same rule as the page).
    /// </summary>
    public async IAsyncEnumerable<Breach> AllBreachesAsync(Actor actor, BreachFilter? filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var today = Today;
        var visible = db.Children.Where(ChildAccess.VisibleTo(actor));
        var rows = from k in Breaching(actor, today, filter)
                   join person in db.Users on k.ResponsibleUserId equals person.Id into people
                   from responsible in people.DefaultIfEmpty()
                   join c in visible on k.ChildId equals c.Id into children
                   from child in children.DefaultIfEmpty()
                   orderby k.BreachAfter, k.RecordId, k.Slot
                   select new { k.RecordId, k.Record, k.Step, k.Unit, k.DueOn, k.MetOn, k.ResponsibleUserId,
                       Responsible = responsible != null ? responsible.DisplayName : null,
                       Name = child != null ? child.FirstName + " " + child.LastName : null };
        await foreach (var b in rows.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var outcome = StatutoryClock.Outcome(b.Step, b.Unit, b.DueOn, b.MetOn, today, timescales.Calendar);
            var who = b.Record == ClockedRecord.Referral
                ? b.ResponsibleUserId is null ? "Front door" : $"Front door ({b.Responsible ?? "Unknown user"})"
                : b.ResponsibleUserId is null ? "Not allocated" : b.Responsible ?? "Unknown user";
            var link = b.Name is null ? "" : b.Record == ClockedRecord.Referral ? $"/Referrals/{b.RecordId}" : $"/Cases/{b.RecordId}";
            yield return new Breach(b.Name ?? RestrictedName, who, link, outcome);
        }
    }

    /// <summary>Breaches in the person's areas by step: still overdue, and done late (their sum is the total <see cref="BreachesAsync"/> pages).</summary>
    public async Task<IReadOnlyList<StepCount>> BreachCountsAsync(Actor actor, CancellationToken ct)
    {
        var today = Today;
        var counts = await Breaching(actor, today)
            .GroupBy(k => k.Step)
            // A breach not done late is still open: counted from the index alone.
            .Select(g => new { Step = g.Key, Overdue = g.Count(k => !k.Late), Late = g.Count(k => k.Late) })
            .ToListAsync(ct);
        return counts.OrderBy(c => c.Step).Select(c => new StepCount(c.Step, c.Overdue, c.Late)).ToList();
    }

    /// <summary>How many breaches the filter leaves (the unfiltered total is the sum of <see cref="BreachCountsAsync"/>).</summary>
    public Task<int> CountBreachesAsync(Actor actor, BreachFilter filter, CancellationToken ct) => Breaching(actor, Today, filter).CountAsync(ct);

    private IQueryable<StatutoryClock> Breaching(Actor actor, DateOnly today, BreachFilter? filter = null)
    {
        var (own, placedHere) = BreachingParts(actor, today, filter);
        return own.Concat(placedHere);
    }

    /// <summary>The breaches of the areas' own children, and of children of other areas placed in them.</summary>
    private (IQueryable<StatutoryClock> Own, IQueryable<StatutoryClock> PlacedHere) BreachingParts(Actor actor, DateOnly today, BreachFilter? filter)
    {
        var areas = actor.AreaIds.ToList();
        // Each clock carries its child's areas, so an area's breaches are two ranges of the clocks' own indexes: the
        // children of the area, then those of other areas placed in it. (One OR over both made the database read
        // every clock of the area and sort them: 120 ms at 100,000 children.)
        var clocks = db.Set<StatutoryClock>().Where(k => k.BreachAfter < today);
        // The step and standing are in the index, so narrowing by them still reads the ranges in order without the table.
        if (filter?.Step is { } step) clocks = clocks.Where(k => k.Step == step);
        if (filter?.Standing is { } standing) clocks = clocks.Where(k => k.Late == (standing == BreachStanding.Late));
        if (filter?.MineOnly == true) clocks = clocks.Where(k => k.ResponsibleUserId == actor.UserId);
        return (clocks.Where(k => areas.Contains(k.AreaId)), clocks.Where(k => k.HostAreaId != null && areas.Contains(k.HostAreaId.Value) && !areas.Contains(k.AreaId)));
    }
}
