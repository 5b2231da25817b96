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

    /// <summary>Display names for user ids (people who ticked, judged, approved, signed off).</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string?> userIds, CancellationToken ct = default)
    {
        var ids = userIds.Where(i => !string.IsNullOrEmpty(i)).Cast<string>().Distinct().ToList();
        return await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    /// <summary>
    /// Events after a sign-off that make a reassessment due now. Wired: new missing episodes (from the time the
    /// child went missing) and new referrals (from receipt). Not yet wired: police reports, which Beacon does not record yet.
    /// </summary>
    public async Task<ILookup<Guid, ReassessmentTrigger>> TriggersAsync(IReadOnlyCollection<Guid> childIds, CancellationToken ct = default)
    {
        var missing = await db.Set<MissingEpisode>().AsNoTracking().Where(e => childIds.Contains(e.ChildId))
            .Select(e => new { e.ChildId, At = e.ReportedMissingAtUtc }).ToListAsync(ct);
        var referrals = await db.Set<Referral>().AsNoTracking().Where(r => childIds.Contains(r.ChildId))
            .Select(r => new { r.ChildId, At = r.ReceivedAtUtc }).ToListAsync(ct);
        return missing.Select(m => (m.ChildId, Trigger: new ReassessmentTrigger(ReassessmentTriggerKind.MissingEpisode, m.At)))
            .Concat(referrals.Select(r => (r.ChildId, Trigger: new ReassessmentTrigger(ReassessmentTriggerKind.Referral, r.At))))
            .ToLookup(x => x.ChildId, x => x.Trigger);
    }
}

/// <summary>One child's risk position for the lists: current level, open draft and when the next assessment is due.</summary>
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
    ReassessmentDue Due)
{
    public bool IsOverdue(DateTime nowUtc) => Due.IsDueBy(nowUtc);
    public bool OnPanelList => Level is { } level && PanelList.BelongsOnPanelList(level);
}

/// <summary>
/// Risk across the children a user may see, worked out from current assessments (never a stored flag),
/// the reassessment schedule and trigger events. Work is in memory per request: fine for a local
/// authority's few thousand children at risk, and the first thing to move to SQL if that grows.
/// </summary>
public sealed class RiskOverview(BeaconDbContext db, ChildRecords records, Assessments assessments, ReassessmentSchedule schedule)
{
    public async Task<IReadOnlyList<ChildRisk>> ForVisibleChildrenAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var children = await records.VisibleTo(user)
            .Select(c => new
            {
                c.Id, c.FirstName, c.LastName, c.DateOfBirth, c.IsLookedAfter, c.PlacedOutOfArea, c.KeyWorkerUserId,
                Agencies = c.Involvements.Where(a => a.EndedAtUtc == null).Select(a => a.Agency).ToList(),
            })
            .ToListAsync(ct);
        var ids = children.Select(c => c.Id).ToList();

        var assessed = await db.RiskAssessments.AsNoTracking().IgnoreAutoIncludes()
            .Where(a => ids.Contains(a.ChildId) && (a.Status == AssessmentStatus.SignedOff || a.Status == AssessmentStatus.Draft))
            .Select(a => new { a.Id, a.ChildId, a.Status, a.Level, a.SignedOffAtUtc })
            .ToListAsync(ct);
        var current = assessed.Where(a => a.Status == AssessmentStatus.SignedOff)
            .GroupBy(a => a.ChildId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.SignedOffAtUtc).First());
        var drafts = assessed.Where(a => a.Status == AssessmentStatus.Draft).GroupBy(a => a.ChildId).ToDictionary(g => g.Key, g => g.First().Id);
        var triggers = await assessments.TriggersAsync(ids, ct);

        var workerIds = children.Select(c => c.KeyWorkerUserId).Where(k => k != null).Distinct().ToList();
        var workers = await db.Users.Where(u => workerIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Team }).ToDictionaryAsync(u => u.Id, ct);

        return children.Select(c =>
        {
            current.TryGetValue(c.Id, out var now);
            var due = now is { Level: { } level, SignedOffAtUtc: { } at }
                ? schedule.DueFor(level, at, triggers[c.Id])
                : new ReassessmentDue(ReassessmentReason.NoAssessment, null);
            var worker = c.KeyWorkerUserId is { } k && workers.TryGetValue(k, out var w) ? w : null;
            return new ChildRisk(c.Id, $"{c.FirstName} {c.LastName}", c.DateOfBirth, c.IsLookedAfter, c.PlacedOutOfArea,
                worker?.DisplayName, worker?.Team, c.Agencies.Distinct().ToList(), now?.Level, now?.SignedOffAtUtc, now?.Id,
                drafts.TryGetValue(c.Id, out var d) ? d : null, due);
        }).OrderBy(c => c.Name).ToList();
    }

    /// <summary>When one child's next assessment is due.</summary>
    public async Task<ReassessmentDue> DueForAsync(Guid childId, CancellationToken ct = default)
    {
        var now = await db.RiskAssessments.AsNoTracking().IgnoreAutoIncludes()
            .Where(a => a.ChildId == childId && a.Status == AssessmentStatus.SignedOff)
            .OrderByDescending(a => a.SignedOffAtUtc)
            .Select(a => new { a.Level, a.SignedOffAtUtc }).FirstOrDefaultAsync(ct);
        if (now is not { Level: { } level, SignedOffAtUtc: { } at }) return new ReassessmentDue(ReassessmentReason.NoAssessment, null);
        var triggers = await assessments.TriggersAsync([childId], ct);
        return schedule.DueFor(level, at, triggers[childId]);
    }
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
