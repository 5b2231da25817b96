using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using System.Security.Claims;
using Beacon.Core.Access;
using Beacon.Core.Children;
using Beacon.Core.Missing;
using Beacon.Core.Referrals;
using Beacon.Core.RiskAssessment;
using Beacon.Web.Features.Children;
using Beacon.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Beacon.Web.Infrastructure.GovUk;
using Microsoft.EntityFrameworkCore;
using Assessment = Beacon.Core.RiskAssessment.RiskAssessment;

namespace Beacon.Web.Features.RiskAssessment;

/// <summary>
/// Loads assessments for the pages, always through the child's access check: an assessment of a child
/// the user may not see answers "not found", exactly as the child's record would.
/// </summary>
public sealed class Assessments(BeaconDbContext db, ChildRecords records, IAuthorizationService authorization)
{
    public async Task<(Assessment? Assessment, Child? Child, IActionResult? Refusal)> LoadAsync(
        Guid assessmentId, ClaimsPrincipal user, OperationAuthorizationRequirement operation, CancellationToken ct = default)
    {
        var childId = await db.RiskAssessments.IgnoreAutoIncludes().Where(a => a.Id == assessmentId)
            .Select(a => (Guid?)a.ChildId).SingleOrDefaultAsync(ct);
        if (childId is null) return (null, null, new NotFoundResult());
        var (child, refusal) = await records.LoadAsync(childId.Value, user, ChildOperations.View, ct);
        if (refusal is not null) return (null, null, refusal);
        var assessment = await db.RiskAssessments.SingleAsync(a => a.Id == assessmentId, ct);
        return await MayAsync(user, child!, assessment, operation) ? (assessment, child, null) : (null, null, new ForbidResult());
    }

    /// <summary>May the user do this to the child's assessment (null: one not started yet)?</summary>
    public async Task<bool> MayAsync(ClaimsPrincipal user, Child child, Assessment? assessment, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(user, new OnChild<Assessment?>(child, assessment), operation)).Succeeded;

    /// <summary>The child's current (signed-off) assessment, tracked so a new sign-off can supersede it.</summary>
    public Task<Assessment?> CurrentAsync(Guid childId, CancellationToken ct = default) =>
        db.RiskAssessments.Where(a => a.ChildId == childId && a.Status == AssessmentStatus.SignedOff)
            .OrderByDescending(a => a.SignedOffAtUtc).FirstOrDefaultAsync(ct);

    public Task<Guid?> OpenDraftIdAsync(Guid childId, CancellationToken ct = default) =>
        db.RiskAssessments.IgnoreAutoIncludes().Where(a => a.ChildId == childId && a.Status == AssessmentStatus.Draft)
            .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);

    /// <summary>A draft whose level was set below the computed one, waiting for a team manager's approval.</summary>
    public sealed record LoweringWaiting(Assessment Assessment, string ChildName);

    /// <summary>
    /// Drafts of children the person may see whose judged level is below the computed one and not yet approved, oldest
    /// judgement first. Whether a level is lower is the scoring policy's answer, so the drafts with a judged level are
    /// read and asked: a team has few open at once (at most 200 are read).
    /// </summary>
    public async Task<IReadOnlyList<LoweringWaiting>> LoweringWaitingAsync(Actor actor, ScoringPolicy policy, CancellationToken ct)
    {
        var drafts = await (from a in db.RiskAssessments.AsNoTracking()
                            where a.Status == AssessmentStatus.Draft && a.JudgedLevel != null && a.LoweringApprovedByUserId == null
                            join c in db.Children.Where(ChildAccess.VisibleTo(actor)) on a.ChildId equals c.Id
                            orderby a.JudgementAtUtc
                            select new { Assessment = a, Name = c.FirstName + " " + c.LastName })
            .Take(200).ToListAsync(ct);
        return drafts.Where(d => d.Assessment.NeedsLoweringApproval(policy)).Select(d => new LoweringWaiting(d.Assessment, d.Name)).ToList();
    }

    /// <summary>A signed-off assessment someone has asked to withdraw.</summary>
    public sealed class PendingWithdrawal
    {
        public Guid AssessmentId { get; init; }
        public string ChildName { get; init; } = "";
        public ExploitationRiskLevel? Level { get; init; }
        public string? Reason { get; init; }
        public string? AskedByUserId { get; init; }
        public DateTime? AskedAtUtc { get; init; }
        public string? SignedByUserId { get; init; }
    }

    /// <summary>
    /// Withdrawals waiting for a decision by this person: the responsible local authority's managers decide them, for
    /// their own area's children they may see (nothing for anyone else). Oldest request first.
    /// </summary>
    public IQueryable<PendingWithdrawal> WithdrawalsWaiting(Actor actor)
    {
        var decides = Capabilities.IsSocialCareManager(actor);
        var areas = actor.AreaIds.ToList();
        return from a in db.RiskAssessments.IgnoreAutoIncludes()
               where decides && a.Status == AssessmentStatus.SignedOff && a.WithdrawalRequestedAtUtc != null
               join c in db.Children.Where(ChildAccess.VisibleTo(actor)) on a.ChildId equals c.Id
               where areas.Contains(c.ResponsibleAreaId)
               orderby a.WithdrawalRequestedAtUtc
               select new PendingWithdrawal
               {
                   AssessmentId = a.Id, ChildName = c.FirstName + " " + c.LastName, Level = a.Level, Reason = a.WithdrawalReason,
                   AskedByUserId = a.WithdrawalRequestedByUserId, AskedAtUtc = a.WithdrawalRequestedAtUtc, SignedByUserId = a.SignedOffByUserId,
               };
    }

    /// <summary>Display names for user ids (people who ticked, judged, approved, signed off).</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string?> userIds, CancellationToken ct = default)
    {
        var ids = userIds.Where(i => !string.IsNullOrEmpty(i)).Cast<string>().Distinct().ToList();
        return await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}

/// <summary>One child's risk position for the lists: current level, open draft and when the next assessment is due.</summary>
/// <summary>How a risk list is sorted; each is an ORDER BY the database runs, so paging stays right.</summary>
public enum RiskListOrder
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Longest overdue first")] LongestOverdue = 0,
    [System.ComponentModel.DataAnnotations.Display(Name = "Most serious risk first")] MostSerious = 1,
    [System.ComponentModel.DataAnnotations.Display(Name = "Name (A to Z)")] Name = 2,
}

public sealed record ChildRisk(
    Guid ChildId,
    string Name,
    DateOnly DateOfBirth,
    bool IsLookedAfter,
    bool PlacedOutOfArea,
    string? KeyWorkerName,
    string? KeyWorkerTeam,
    IReadOnlyList<Agency> Agencies,
    ExploitationRiskLevel? Level,
    DateTime? SignedOffAtUtc,
    Guid? CurrentAssessmentId,
    Guid? DraftId,
    ReassessmentReason DueReason,
    DateTime? DueAtUtc,
    ReassessmentTriggerKind? TriggerKind)
{
    public ReassessmentDue Due => ChildRiskPosition.DueOf(DueReason, DueAtUtc, Level, TriggerKind);
    public bool IsOverdue(DateTime nowUtc) => Due.IsDueBy(nowUtc);
    public bool OnPanelList => Level is { } level && PanelList.BelongsOnPanelList(level);
}

/// <summary>
/// Risk across the children a user may see, from each child's stored risk position (<see cref="ChildRiskPosition"/>,
/// worked out from the current assessment, the schedule and trigger events whenever they change). Counts and
/// lists are computed and paged in the database, so they cost the same for a hundred children or a hundred thousand.
/// </summary>
public sealed class RiskOverview(BeaconDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;

    /// <summary>Narrows the overview: children an agency is involved with, those a team key-works, those one person key-works.</summary>
    public sealed record Filter(Agency? Agency = null, string? Team = null, string? KeyWorkerUserId = null);

    /// <summary>
    /// The risk positions of the children the user may see: <see cref="ChildAccess.Scope"/>'s disjoint parts, each read
    /// from this table's own indexes (an area's children by area; those the organisation works with through its current
    /// involvements; restricted records through the person's grants), one after the other. Testing the access rule on
    /// every child's record instead took 80–250 ms for an area of 60,000 children.
    /// </summary>
    public IQueryable<ChildRiskPosition> VisiblePositions(ClaimsPrincipal user) => All(VisibleParts(user.ToActor()));

    /// <summary>
    /// The same positions as <see cref="VisiblePositions"/>, part by part (disjoint), for another list over them that counts
    /// and reads each part from its own index (<see cref="Paged{T}.FirstOfEach"/>).
    /// </summary>
    public List<IQueryable<ChildRiskPosition>> VisiblePositionParts(Actor actor) => VisibleParts(actor);

    /// <summary>
    /// The same parts as one condition on a position, for a list read from another index (the panel's list by risk
    /// starts from the children risk holds on it): each position tests its own columns, with no look at the record.
    /// </summary>
    public System.Linq.Expressions.Expression<Func<ChildRiskPosition, bool>> SeenBy(Actor actor)
    {
        var scope = ChildAccess.Scope.Of(actor);
        var areas = scope.AreaIds;
        var (seesAreas, throughOrganisation, areaBound) = (scope.SeesAreas, scope.ThroughOrganisation, scope.AreaBound);
        var (involved, granted) = ThroughRecords(scope);
        return p => p.IsRestricted
            ? granted.Contains(p.ChildId)
            : (seesAreas && (areas.Contains(p.ResponsibleAreaId) || (p.HostAreaId != null && areas.Contains(p.HostAreaId.Value))))
              || (throughOrganisation && involved.Contains(p.ChildId)
                  && (!areaBound || areas.Contains(p.ResponsibleAreaId) || (p.HostAreaId != null && areas.Contains(p.HostAreaId.Value))));
    }

    /// <summary>
    /// The children the person sees through records rather than areas: those their organisation works with (for a
    /// council, only those outside its areas, kept apart as they are usually none: checking each of its tens of thousands
    /// of involvements against the child's areas cost 25 ms on every list), and the restricted records naming them.
    /// </summary>
    private (IQueryable<Guid> Involved, IQueryable<Guid> Granted) ThroughRecords(ChildAccess.Scope scope)
    {
        var (organisation, userId) = (scope.OrganisationId, scope.UserId);
        var involved = scope.SeesAreas
            ? db.Set<Children.OutsideAreaInvolvement>().Where(o => o.OrganisationId == organisation).Select(o => o.ChildId)
            : db.Involvements.Where(i => i.OrganisationId == organisation && i.EndedAtUtc == null).Select(i => i.ChildId);
        var granted = db.Set<Core.Children.ChildAccessGrant>().Where(g => g.UserId == userId && g.RevokedAtUtc == null).Select(g => g.ChildId);
        return (involved, granted);
    }

    private List<IQueryable<ChildRiskPosition>> VisibleParts(Actor actor)
    {
        var scope = ChildAccess.Scope.Of(actor);
        var areas = scope.AreaIds;
        var (involved, granted) = ThroughRecords(scope);
        var positions = db.Set<ChildRiskPosition>().AsNoTracking();
        var parts = new List<IQueryable<ChildRiskPosition>>();
        if (scope.SeesAreas)
        {
            parts.Add(positions.Where(p => !p.IsRestricted && areas.Contains(p.ResponsibleAreaId)));
            parts.Add(positions.Where(p => !p.IsRestricted && p.HostAreaId != null && areas.Contains(p.HostAreaId.Value) && !areas.Contains(p.ResponsibleAreaId)));
        }
        if (scope.ThroughOrganisation)
        {
            var worksWith = positions.Where(p => !p.IsRestricted && involved.Contains(p.ChildId));
            if (scope.SeesAreas)
                worksWith = worksWith.Where(p => !areas.Contains(p.ResponsibleAreaId) && (p.HostAreaId == null || !areas.Contains(p.HostAreaId.Value)));
            else if (scope.AreaBound)
                worksWith = worksWith.Where(p => areas.Contains(p.ResponsibleAreaId) || (p.HostAreaId != null && areas.Contains(p.HostAreaId.Value)));
            parts.Add(worksWith);
        }
        parts.Add(positions.Where(p => p.IsRestricted && granted.Contains(p.ChildId)));
        return parts;
    }

    /// <summary>The parts of what the user may see, each narrowed (<see cref="Filter"/>) and then <paramref name="where"/>.</summary>
    private List<IQueryable<ChildRiskPosition>> Visible(ClaimsPrincipal user, Filter? filter, System.Linq.Expressions.Expression<Func<ChildRiskPosition, bool>>? where = null)
    {
        var (agency, team, keyWorker) = filter ?? new Filter();
        return VisibleParts(user.ToActor()).Select(part =>
        {
            if (agency is { } kind) part = part.Where(p => db.Involvements.Any(i => i.ChildId == p.ChildId && i.EndedAtUtc == null && i.Agency == kind));
            if (!string.IsNullOrEmpty(team)) part = part.Where(p => db.Users.Any(u => u.Id == p.KeyWorkerUserId && u.Team == team));
            if (!string.IsNullOrEmpty(keyWorker)) part = part.Where(p => p.KeyWorkerUserId == keyWorker);
            return where is null ? part : part.Where(where);
        }).ToList();
    }

    private static IQueryable<ChildRiskPosition> All(List<IQueryable<ChildRiskPosition>> parts) => Paged<ChildRiskPosition>.All(parts);

    private static IQueryable<ChildRiskPosition> FirstOfEach(List<IQueryable<ChildRiskPosition>> parts,
        Func<IQueryable<ChildRiskPosition>, IOrderedQueryable<ChildRiskPosition>> order, int enough) => Paged<ChildRiskPosition>.FirstOfEach(parts, order, enough);

    /// <summary>The figures of the overview, counted part by part over the visible children.</summary>
    /// <param name="OverdueByLevel">Of those needing an assessment, how many at each level (most serious first) have one that is overdue; the rest were never assessed.</param>
    /// <param name="PartsWithChildren">Which parts of what the person sees (<see cref="VisibleParts"/>) hold any child: the lists
    /// that follow skip the empty ones (a council's children outside its own areas are usually none, and checking cost
    /// as much as the rest of the list).</param>
    /// <param name="AsOfUtc">The moment the figures were counted at; the lists that follow use it, so they match the counts.</param>
    public sealed record Summary(IReadOnlyList<(ExploitationRiskLevel? Level, int Count)> Counts, int NeedingAssessment, int LookedAfterAtSeriousRisk,
        IReadOnlyList<(ExploitationRiskLevel Level, int Count)> OverdueByLevel, IReadOnlyList<bool> PartsWithChildren, DateTime AsOfUtc)
    {
        public int OverdueAssessed => OverdueByLevel.Sum(l => l.Count);
    }

    /// <summary>How many visible children stand at each level (null: never assessed), how many need an assessment, how many looked-after children are at serious risk.</summary>
    public async Task<Summary> SummaryAsync(ClaimsPrincipal user, Filter filter, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Part by part (they are disjoint, so the figures add up), to learn which parts hold any child.
        var rows = new List<LevelFigures>();
        var partsWithChildren = new List<bool>();
        var scope = ChildAccess.Scope.Of(user.ToActor());
        var parts = Visible(user, filter);
        for (var n = 0; n < parts.Count; n++)
        {
            // An area's own children, unfiltered (the first part of what a council's practitioners see, and most of it): the
            // stored figures, and the overdue ones counted. The other parts are a few children each, counted here.
            var figures = n == 0 && scope.SeesAreas && filter is { Agency: null, Team: null or "", KeyWorkerUserId: null or "" }
                ? await AreaFiguresAsync(scope.AreaIds, now, ct)
                : await parts[n].GroupBy(p => p.Level).Select(g => new LevelFigures(
                    g.Key,
                    g.Count(),
                    g.Count(p => p.DueReason == ReassessmentReason.NoAssessment || (p.DueAtUtc != null && p.DueAtUtc <= now)),
                    g.Count(p => p.DueReason != ReassessmentReason.NoAssessment && p.DueAtUtc != null && p.DueAtUtc <= now),
                    g.Count(p => p.IsLookedAfter && p.Level == ExploitationRiskLevel.Serious))).ToListAsync(ct);
            rows.AddRange(figures);
            partsWithChildren.Add(figures.Count > 0);
        }
        rows = rows.GroupBy(r => r.Key).Select(g => new LevelFigures(g.Key, g.Sum(r => r.Count), g.Sum(r => r.Need), g.Sum(r => r.Overdue), g.Sum(r => r.LookedAfterSerious))).ToList();
        var counts = Enum.GetValues<ExploitationRiskLevel>().Reverse().Select(l => ((ExploitationRiskLevel?)l, rows.FirstOrDefault(c => c.Key == l)?.Count ?? 0))
            .Append((null, rows.FirstOrDefault(c => c.Key == null)?.Count ?? 0)).ToList();
        var overdueByLevel = Enum.GetValues<ExploitationRiskLevel>().Reverse().Select(l => (l, rows.FirstOrDefault(c => c.Key == l)?.Overdue ?? 0)).ToList();
        return new Summary(counts, rows.Sum(r => r.Need), rows.Sum(r => r.LookedAfterSerious), overdueByLevel, partsWithChildren, now);
    }

    private sealed record LevelFigures(ExploitationRiskLevel? Key, int Count, int Need, int Overdue, int LookedAfterSerious);

    private static readonly List<ExploitationRiskLevel?> Levels = Enum.GetValues<ExploitationRiskLevel>().Select(l => (ExploitationRiskLevel?)l).ToList();

    /// <summary>
    /// The figures of the areas' own children (not restricted) from <see cref="AreaRiskFigure"/> rows, with the overdue
    /// assessments counted level by level from the overdue positions' index alone: whether one is overdue moves with the clock.
    /// </summary>
    private async Task<List<LevelFigures>> AreaFiguresAsync(List<Guid> areas, DateTime now, CancellationToken ct)
    {
        var stored = await db.Set<AreaRiskFigure>().AsNoTracking().Where(f => areas.Contains(f.AreaId) && f.Children > 0).ToListAsync(ct);
        if (stored.Count == 0) return [];
        // Level by level (the levels listed), so each is a range of the index in due order rather than the area read whole.
        var overdue = await db.Set<ChildRiskPosition>().AsNoTracking()
            .Where(p => !p.IsRestricted && areas.Contains(p.ResponsibleAreaId) && Levels.Contains(p.Level)
                && p.DueReason != ReassessmentReason.NoAssessment && p.DueAtUtc != null && p.DueAtUtc <= now)
            .GroupBy(p => p.Level).Select(g => new { Level = g.Key, Count = g.Count() }).ToListAsync(ct);
        return stored.GroupBy(f => f.Level).Select(g =>
        {
            var late = overdue.FirstOrDefault(o => o.Level == g.Key)?.Count ?? 0;
            return new LevelFigures(g.Key, g.Sum(f => f.Children), g.Sum(f => f.WithoutAssessment) + late, late,
                g.Key == ExploitationRiskLevel.Serious ? g.Sum(f => f.LookedAfter) : 0);
        }).ToList();
    }

    /// <summary>The parts <paramref name="summary"/> found children in.</summary>
    private static List<IQueryable<ChildRiskPosition>> NotEmpty(List<IQueryable<ChildRiskPosition>> parts, Summary summary) =>
        parts.Where((_, n) => summary.PartsWithChildren[n]).DefaultIfEmpty(parts[0]).ToList();

    /// <summary>Children with an overdue assessment (longest overdue first), then those never assessed; <paramref name="summary"/> from <see cref="SummaryAsync"/> gives the counts.</summary>
    public async Task<Paged<ChildRisk>> NeedingAssessmentAsync(ClaimsPrincipal user, Filter filter, int pageNumber, Summary summary, CancellationToken ct,
        RiskListOrder order = RiskListOrder.LongestOverdue)
    {
        // The summary's moment, not a new one: its counts size the lists, so a due date passing in between cannot move a
        // child across lists and off the page.
        var now = summary.AsOfUtc;
        var total = summary.NeedingAssessment;
        if (order is RiskListOrder.Name)
        {
            var due = NotEmpty(Visible(user, filter, p => p.DueReason == ReassessmentReason.NoAssessment || (p.DueAtUtc != null && p.DueAtUtc <= now)), summary);
            return await PageAsync(user, due, q => q.OrderBy(p => p.SortName).ThenBy(p => p.ChildId), pageNumber, total, ct);
        }
        // Lists one after the other, each read in an index's order and stopped at the page, rather than sorting every
        // due child: overdue assessments (longest overdue first, or level by level, most serious first), then children
        // never assessed (a child has a level exactly when they have an assessment, so these come last either way).
        var (_, _, skip) = Paged<ChildRiskPosition>.Place(pageNumber, PageSize, total);
        var enough = skip + PageSize;
        var overdue = NotEmpty(Visible(user, filter, p => p.DueReason != ReassessmentReason.NoAssessment && p.DueAtUtc != null && p.DueAtUtc <= now), summary);
        var overdueLists = order is RiskListOrder.MostSerious
            ? summary.OverdueByLevel.Select(l => (Parts: overdue.Select(part => part.Where(p => p.Level == l.Level)).ToList(), l.Count))
            : [(Parts: overdue, Count: summary.OverdueAssessed)];
        var lists = overdueLists
            .Select(o => (FirstOfEach(o.Parts, q => q.OrderBy(p => p.DueAtUtc).ThenBy(p => p.SortName).ThenBy(p => p.ChildId), enough), o.Count))
            .Append((FirstOfEach(NotEmpty(Visible(user, filter, p => p.DueReason == ReassessmentReason.NoAssessment), summary),
                q => q.OrderBy(p => p.SortName).ThenBy(p => p.ChildId), Math.Max(0, skip - summary.OverdueAssessed) + PageSize), total - summary.OverdueAssessed))
            .ToList();
        return await DescribeAsync(await Paged<ChildRiskPosition>.ReadAsync(lists, pageNumber, PageSize, ct, ReadPageAsync), user, ct);
    }

    public Task<Paged<ChildRisk>> LookedAfterAtSeriousRiskAsync(ClaimsPrincipal user, Filter filter, int pageNumber, Summary summary, CancellationToken ct) =>
        PageAsync(user, NotEmpty(Visible(user, filter, p => p.IsLookedAfter && p.Level == ExploitationRiskLevel.Serious), summary),
            q => q.OrderBy(p => p.SortName).ThenBy(p => p.ChildId), pageNumber, summary.LookedAfterAtSeriousRisk, ct);

    /// <summary>The panel list: every visible child whose current level is significant or serious, most serious first.</summary>
    public async Task<Paged<ChildRisk>> PanelListAsync(ClaimsPrincipal user, int pageNumber, CancellationToken ct)
    {
        // Counted part by part, so the page reads only the parts holding any child.
        var list = new List<IQueryable<ChildRiskPosition>>();
        var total = 0;
        foreach (var part in Visible(user, null, OnPanelList))
        {
            var count = await part.CountAsync(ct);
            if (count > 0) list.Add(part);
            total += count;
        }
        return total == 0 ? new Paged<ChildRisk>([], 1, 1, 0) : await PageAsync(user, list, PanelListOrder, pageNumber, total, ct);
    }

    private static readonly System.Linq.Expressions.Expression<Func<ChildRiskPosition, bool>> OnPanelList =
        p => p.Level >= Core.RiskAssessment.PanelList.ThresholdLevel;

    private static IOrderedQueryable<ChildRiskPosition> PanelListOrder(IQueryable<ChildRiskPosition> q) =>
        q.OrderByDescending(p => p.Level).ThenBy(p => p.SortName).ThenBy(p => p.ChildId);

    /// <summary>The whole panel list, most serious first, streamed from the database (for the CSV download).</summary>
    public IAsyncEnumerable<ChildRisk> WholePanelList(ClaimsPrincipal user) =>
        (from p in All(Visible(user, null, OnPanelList))
         join c in db.Children.Where(ChildAccess.VisibleTo(user.ToActor())) on p.ChildId equals c.Id
         join w in db.Users on p.KeyWorkerUserId equals w.Id into workers
         from worker in workers.DefaultIfEmpty()
         orderby p.Level descending, p.SortName, p.ChildId
         select new ChildRisk(c.Id, c.FirstName + " " + c.LastName, c.DateOfBirth, c.IsLookedAfter, c.PlacedOutOfArea,
             worker != null ? worker.DisplayName : null, worker != null ? worker.Team : null, Array.Empty<Agency>(),
             p.Level, p.SignedOffAtUtc, p.CurrentAssessmentId, p.DraftId, p.DueReason, p.DueAtUtc, p.TriggerKind))
        .AsNoTracking().AsAsyncEnumerable();

    /// <summary>The teams of the people key-working any child, for the filter.</summary>
    public async Task<IReadOnlyList<string>> KeyWorkerTeamsAsync(CancellationToken ct) =>
        await db.Users.Where(u => u.Team != null && db.Children.Any(c => c.KeyWorkerUserId == u.Id))
            .Select(u => u.Team!).Distinct().OrderBy(t => t).ToListAsync(ct);

    private async Task<Paged<ChildRisk>> PageAsync(ClaimsPrincipal user, List<IQueryable<ChildRiskPosition>> parts, Func<IQueryable<ChildRiskPosition>, IOrderedQueryable<ChildRiskPosition>> order,
        int pageNumber, int total, CancellationToken ct)
    {
        var (_, _, skip) = Paged<ChildRiskPosition>.Place(pageNumber, PageSize, total);
        return await DescribeAsync(await Paged<ChildRiskPosition>.ReadAsync(FirstOfEach(parts, order, skip + PageSize), pageNumber, PageSize, total, ct, ReadPageAsync), user, ct);
    }

    /// <summary>Past this many children, a page finds its children's ids first, then reads their rows.</summary>
    internal int DeepPageRows { get; init; } = 1_000;

    /// <summary>
    /// A page of a list. Deep in a long list, the page's children are found from the list's index alone (their ids: the
    /// index holds every column the list filters and orders on), then only their rows are read: skipping 30,000 children
    /// by reading each one's row took PostgreSQL 30 ms, and 10 ms from the index. Nearer the start, one query is cheaper.
    /// </summary>
    private async Task<List<ChildRiskPosition>> ReadPageAsync(IQueryable<ChildRiskPosition> ordered, int skip, int take, CancellationToken ct)
    {
        if (skip < DeepPageRows) return await Paged<ChildRiskPosition>.SkipTake(ordered, skip, take, ct);
        var ids = await ordered.Skip(skip).Take(take).Select(p => p.ChildId).ToListAsync(ct);
        var rows = await db.Set<ChildRiskPosition>().AsNoTracking().Where(p => ids.Contains(p.ChildId)).ToDictionaryAsync(p => p.ChildId, ct);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }

    /// <summary>
    /// The page's children as the lists show them: names, key workers and agencies for those children only, in two
    /// queries. The record's own access rule is asked again of these few, so a position whose copied facts had drifted
    /// from the record could drop a child from the page but never show one the person may not see.
    /// </summary>
    private async Task<Paged<ChildRisk>> DescribeAsync(Paged<ChildRiskPosition> page, ClaimsPrincipal user, CancellationToken ct)
    {
        var ids = page.Items.Select(p => p.ChildId).ToList();
        if (ids.Count == 0) return new Paged<ChildRisk>([], page.PageNumber, page.PageCount, page.Total);
        var children = await (
            from c in db.Children.AsNoTracking().Where(ChildAccess.VisibleTo(user.ToActor()))
            where ids.Contains(c.Id)
            join w in db.Users on c.KeyWorkerUserId equals w.Id into workers
            from worker in workers.DefaultIfEmpty()
            select new { c.Id, Name = c.FirstName + " " + c.LastName, c.DateOfBirth, c.IsLookedAfter, c.PlacedOutOfArea,
                WorkerName = worker != null ? worker.DisplayName : null, WorkerTeam = worker != null ? worker.Team : null })
            .ToDictionaryAsync(c => c.Id, ct);
        var agencies = (await db.Involvements.Where(i => ids.Contains(i.ChildId) && i.EndedAtUtc == null).Select(i => new { i.ChildId, i.Agency }).ToListAsync(ct))
            .ToLookup(i => i.ChildId, i => i.Agency);
        return new Paged<ChildRisk>(page.Items.Where(p => children.ContainsKey(p.ChildId)).Select(p =>
        {
            var c = children[p.ChildId];
            return new ChildRisk(c.Id, c.Name, c.DateOfBirth, c.IsLookedAfter, c.PlacedOutOfArea, c.WorkerName, c.WorkerTeam,
                agencies[c.Id].Distinct().ToList(), p.Level, p.SignedOffAtUtc, p.CurrentAssessmentId, p.DraftId, p.DueReason, p.DueAtUtc, p.TriggerKind);
        }).ToList(), page.PageNumber, page.PageCount, page.Total);
    }

    /// <summary>When one child's next assessment is due.</summary>
    public async Task<ReassessmentDue> DueForAsync(Guid childId, CancellationToken ct = default) =>
        (await db.Set<ChildRiskPosition>().AsNoTracking().SingleOrDefaultAsync(p => p.ChildId == childId, ct))?.Due
        ?? new ReassessmentDue(ReassessmentReason.NoAssessment, null);
}

/// <summary>How levels and due dates look on every risk page.</summary>
public static class RiskDisplay
{
    public static string TagClass(ExploitationRiskLevel? level) => level switch
    {
        ExploitationRiskLevel.Serious => "govuk-tag govuk-tag--red",
        ExploitationRiskLevel.Significant => "govuk-tag govuk-tag--orange",
        ExploitationRiskLevel.AtRisk => "govuk-tag govuk-tag--yellow",
        ExploitationRiskLevel.NoApparentRisk => "govuk-tag govuk-tag--green",
        _ => "govuk-tag govuk-tag--grey",
    };

    public static string Name(ExploitationRiskLevel? level) => level?.DisplayName() ?? "Not assessed";

    /// <summary>Overdue (or never assessed) shows as a red tag on every list, so it is never just another line of text.</summary>
    public static string DueClass(ReassessmentDue due, DateTime nowUtc) => due.IsDueBy(nowUtc) ? "govuk-tag govuk-tag--red" : "";

    public static string Describe(ReassessmentDue due, DateTime nowUtc) => due.Reason switch
    {
        ReassessmentReason.NoAssessment => "Due now: no signed-off assessment",
        ReassessmentReason.NotRequired => "No review scheduled",
        ReassessmentReason.TriggerEvent => $"{(due.IsDueBy(nowUtc) ? "Overdue" : "Due")} since {due.DueAtUtc:d MMM yyyy}: {TriggerName(due.Trigger!.Kind).ToLowerInvariant()}",
        _ => $"{(due.IsDueBy(nowUtc) ? "Overdue since" : "Due by")} {due.DueAtUtc:d MMM yyyy}",
    };

    public static string TriggerName(ReassessmentTriggerKind kind) => kind switch
    {
        ReassessmentTriggerKind.MissingEpisode => "New missing episode",
        ReassessmentTriggerKind.PoliceReport => "New police report",
        ReassessmentTriggerKind.Referral => "New referral",
        _ => kind.ToString(),
    };
}
