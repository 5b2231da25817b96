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
public sealed class RiskOverview(BeaconDbContext db, ChildRecords records, TimeProvider clock)
{
    public const int PageSize = 25;

    // Member-initialised, not a constructor, so EF Core can keep filtering and ordering on it in SQL.
    private sealed class Joined
    {
        public required Child Child { get; init; }
        public required ChildRiskPosition Position { get; init; }
        public string? WorkerName { get; init; }
        public string? WorkerTeam { get; init; }
    }

    /// <summary>Narrows the overview: children an agency is involved with, those a team key-works, those one person key-works.</summary>
    public sealed record Filter(Agency? Agency = null, string? Team = null, string? KeyWorkerUserId = null);

    /// <summary>The children the user may see with their positions, optionally narrowed (<see cref="Filter"/>).</summary>
    /// <param name="withWorker">Whether rows carry the key worker (to show, or to filter by team): counting without them
    /// spares a look-up per child (a third of the overview's figures query at 100,000 children).</param>
    private IQueryable<Joined> Visible(ClaimsPrincipal user, Filter? filter = null, bool withWorker = true)
    {
        var (agency, team, keyWorker) = filter ?? new Filter();
        var positions = from child in records.VisibleTo(user)
                        join position in db.Set<ChildRiskPosition>() on child.Id equals position.ChildId
                        select new { child, position };
        var joined = withWorker || !string.IsNullOrEmpty(team)
            ? from j in positions
              join w in db.Users on j.child.KeyWorkerUserId equals w.Id into workers
              from worker in workers.DefaultIfEmpty()
              select new Joined { Child = j.child, Position = j.position, WorkerName = worker != null ? worker.DisplayName : null, WorkerTeam = worker != null ? worker.Team : null }
            : positions.Select(j => new Joined { Child = j.child, Position = j.position });
        if (agency is { } kind) joined = joined.Where(j => j.Child.Involvements.Any(i => i.EndedAtUtc == null && i.Agency == kind));
        if (!string.IsNullOrEmpty(team)) joined = joined.Where(j => j.WorkerTeam == team);
        if (!string.IsNullOrEmpty(keyWorker)) joined = joined.Where(j => j.Child.KeyWorkerUserId == keyWorker);
        return joined;
    }

    /// <summary>The figures of the overview, in one pass over the visible children.</summary>
    /// <param name="OverdueAssessed">Of those needing an assessment, how many have one that is overdue (the rest were never assessed).</param>
    public sealed record Summary(IReadOnlyList<(ExploitationRiskLevel? Level, int Count)> Counts, int NeedingAssessment, int LookedAfterAtSeriousRisk, int OverdueAssessed = 0);

    /// <summary>How many visible children stand at each level (null: never assessed), how many need an assessment, how many looked-after children are at serious risk.</summary>
    public async Task<Summary> SummaryAsync(ClaimsPrincipal user, Filter filter, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await Visible(user, filter, withWorker: false).GroupBy(j => j.Position.Level).Select(g => new
        {
            g.Key,
            Count = g.Count(),
            Need = g.Count(j => j.Position.DueReason == ReassessmentReason.NoAssessment || (j.Position.DueAtUtc != null && j.Position.DueAtUtc <= now)),
            Overdue = g.Count(j => j.Position.DueReason != ReassessmentReason.NoAssessment && j.Position.DueAtUtc != null && j.Position.DueAtUtc <= now),
            LookedAfterSerious = g.Count(j => j.Child.IsLookedAfter && j.Position.Level == ExploitationRiskLevel.Serious),
        }).ToListAsync(ct);
        var counts = Enum.GetValues<ExploitationRiskLevel>().Reverse().Select(l => ((ExploitationRiskLevel?)l, rows.FirstOrDefault(c => c.Key == l)?.Count ?? 0))
            .Append((null, rows.FirstOrDefault(c => c.Key == null)?.Count ?? 0)).ToList();
        return new Summary(counts, rows.Sum(r => r.Need), rows.Sum(r => r.LookedAfterSerious), rows.Sum(r => r.Overdue));
    }

    /// <summary>Children with an overdue assessment (longest overdue first), then those never assessed; <paramref name="summary"/> from <see cref="SummaryAsync"/> gives the counts.</summary>
    public async Task<Paged<ChildRisk>> NeedingAssessmentAsync(ClaimsPrincipal user, Filter filter, int pageNumber, Summary summary, CancellationToken ct,
        RiskListOrder order = RiskListOrder.LongestOverdue)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var visible = Visible(user, filter);
        var total = summary.NeedingAssessment;
        if (order is RiskListOrder.LongestOverdue)
        {
            // Two lists one after the other, each read in an index's order and stopped at the page (sorting every child
            // needing an assessment took 450 ms at 100,000 children): overdue assessments, longest overdue first, then
            // children never assessed.
            var overdue = visible.Where(j => j.Position.DueReason != ReassessmentReason.NoAssessment && j.Position.DueAtUtc != null && j.Position.DueAtUtc <= now)
                .OrderBy(j => j.Position.DueAtUtc).ThenBy(j => j.Child.SortName).ThenBy(j => j.Child.Id);
            var never = visible.Where(j => j.Position.DueReason == ReassessmentReason.NoAssessment)
                .OrderBy(j => j.Child.SortName).ThenBy(j => j.Child.Id);
            return await WithAgenciesAsync(
                await Paged<ChildRisk>.ReadAsync(AsChildRisk(overdue), summary.OverdueAssessed, AsChildRisk(never), pageNumber, PageSize, total, ct), ct);
        }
        var due = visible.Where(j => j.Position.DueReason == ReassessmentReason.NoAssessment || (j.Position.DueAtUtc != null && j.Position.DueAtUtc <= now));
        var ordered = order switch
        {
            RiskListOrder.Name => due.OrderBy(j => j.Child.SortName),
            // Most serious first; never assessed after the assessed levels; then the longest overdue.
            _ => due.OrderByDescending(j => j.Position.Level.HasValue).ThenByDescending(j => j.Position.Level)
                .ThenBy(j => j.Position.DueReason == ReassessmentReason.NoAssessment ? 1 : 0).ThenBy(j => j.Position.DueAtUtc),
        };
        return await PageAsync(ordered.ThenBy(j => j.Child.SortName).ThenBy(j => j.Child.Id), pageNumber, total, ct);
    }

    public Task<Paged<ChildRisk>> LookedAfterAtSeriousRiskAsync(ClaimsPrincipal user, Filter filter, int pageNumber, int total, CancellationToken ct) =>
        PageAsync(Visible(user, filter).Where(j => j.Child.IsLookedAfter && j.Position.Level == ExploitationRiskLevel.Serious)
            .OrderBy(j => j.Child.SortName).ThenBy(j => j.Child.Id), pageNumber, total, ct);

    /// <summary>The panel list: every visible child whose current level is significant or serious, most serious first.</summary>
    public Task<Paged<ChildRisk>> PanelListAsync(ClaimsPrincipal user, int pageNumber, CancellationToken ct) =>
        PageAsync(PanelList(user), pageNumber, ct);

    /// <summary>The whole panel list, most serious first, streamed from the database (for the CSV download).</summary>
    public IAsyncEnumerable<ChildRisk> WholePanelList(ClaimsPrincipal user) =>
        AsChildRisk(PanelList(user)).AsNoTracking().AsAsyncEnumerable();

    private IQueryable<Joined> PanelList(ClaimsPrincipal user) =>
        Visible(user).Where(j => j.Position.Level >= Core.RiskAssessment.PanelList.ThresholdLevel)
            .OrderByDescending(j => j.Position.Level).ThenBy(j => j.Child.SortName).ThenBy(j => j.Child.Id);

    private static IQueryable<ChildRisk> AsChildRisk(IQueryable<Joined> joined) => joined.Select(j => new ChildRisk(
        j.Child.Id, j.Child.FirstName + " " + j.Child.LastName, j.Child.DateOfBirth, j.Child.IsLookedAfter, j.Child.PlacedOutOfArea,
        j.WorkerName, j.WorkerTeam, Array.Empty<Agency>(),
        j.Position.Level, j.Position.SignedOffAtUtc, j.Position.CurrentAssessmentId, j.Position.DraftId,
        j.Position.DueReason, j.Position.DueAtUtc, j.Position.TriggerKind));

    /// <summary>The teams of the people key-working any child, for the filter.</summary>
    public async Task<IReadOnlyList<string>> KeyWorkerTeamsAsync(CancellationToken ct) =>
        await db.Users.Where(u => u.Team != null && db.Children.Any(c => c.KeyWorkerUserId == u.Id))
            .Select(u => u.Team!).Distinct().OrderBy(t => t).ToListAsync(ct);

    private async Task<Paged<ChildRisk>> PageAsync(IQueryable<Joined> ordered, int pageNumber, CancellationToken ct) =>
        await PageAsync(ordered, pageNumber, await ordered.CountAsync(ct), ct);

    private async Task<Paged<ChildRisk>> PageAsync(IQueryable<Joined> ordered, int pageNumber, int total, CancellationToken ct)
    {
        return await WithAgenciesAsync(await Paged<ChildRisk>.ReadAsync(AsChildRisk(ordered), pageNumber, PageSize, total, ct), ct);
    }

    private async Task<Paged<ChildRisk>> WithAgenciesAsync(Paged<ChildRisk> page, CancellationToken ct)
    {
        // The agencies involved, for the page's children only: one query.
        var ids = page.Items.Select(c => c.ChildId).ToList();
        var agencies = (await db.Involvements.Where(i => ids.Contains(i.ChildId) && i.EndedAtUtc == null).Select(i => new { i.ChildId, i.Agency }).ToListAsync(ct))
            .ToLookup(i => i.ChildId, i => i.Agency);
        return page with { Items = page.Items.Select(c => c with { Agencies = agencies[c.ChildId].Distinct().ToList() }).ToList() };
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
