using Beacon.Core.Children;
using Beacon.Core.RiskAssessment;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Assessment = Beacon.Core.RiskAssessment.RiskAssessment;

namespace Beacon.Web.Features.RiskAssessment;

/// <summary>A child's assessments: risk level over time, when the next is due, and starting a new one.</summary>
public sealed class ChildAssessmentsModel(Children.ChildRecords records, Assessments assessments, RiskOverview overview, BeaconDbContext db,
    AuditTrail audit, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, AssessmentStatus Status, DateTime StartedAtUtc, DateTime? SignedOffAtUtc, ExploitationRiskLevel? ComputedLevel,
        ExploitationRiskLevel? Level, string? SignedOffBy, bool Judged);

    [FromRoute] public Guid Id { get; set; }
    public Child? Child { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public ReassessmentDue? Due { get; private set; }
    public bool MayStart { get; private set; }
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (child, refusal) = await records.LoadAsync(Id, User, ChildOperations.View, ct);
        if (refusal is not null) return refusal;
        await audit.RecordViewAsync(child!, "CSE risk assessment history", ct);
        Child = child;
        var rows = await db.RiskAssessments.AsNoTracking().IgnoreAutoIncludes().Where(a => a.ChildId == Id)
            .Select(a => new { a.Id, a.Status, a.StartedAtUtc, a.SignedOffAtUtc, a.ComputedLevel, a.Level, a.SignedOffByUserId, a.JudgedLevel })
            .ToListAsync(ct);
        var names = await assessments.NamesAsync(rows.Select(r => r.SignedOffByUserId), ct);
        // Newest first: drafts (not yet signed) lead, then by sign-off.
        Rows = rows.OrderByDescending(r => r.SignedOffAtUtc ?? DateTime.MaxValue).ThenByDescending(r => r.StartedAtUtc)
            .Select(r => new Row(r.Id, r.Status, r.StartedAtUtc, r.SignedOffAtUtc, r.ComputedLevel, r.Level,
                r.SignedOffByUserId is { } s ? names.GetValueOrDefault(s, "a former user") : null, r.JudgedLevel is not null))
            .ToList();
        Due = await overview.DueForAsync(Id, ct);
        MayStart = await assessments.MayAsync(User, child!, null, RiskAssessmentOperations.Edit);
        return Page();
    }

    /// <summary>Starts a draft, or opens the one already in progress (a child has one draft at a time).</summary>
    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var (child, refusal) = await records.LoadAsync(Id, User, ChildOperations.View, ct);
        if (refusal is not null) return refusal;
        if (!await assessments.MayAsync(User, child!, null, RiskAssessmentOperations.Edit)) return Forbid();
        if (await assessments.OpenDraftIdAsync(Id, ct) is { } open) return Redirect($"/RiskAssessment/{open}");
        var draft = Assessment.Start(child!, User.ToActor(), clock.GetUtcNow().UtcDateTime);
        db.RiskAssessments.Add(draft);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            // Someone else started one at the same moment: work on theirs.
            db.ChangeTracker.Clear();
            if (await assessments.OpenDraftIdAsync(Id, ct) is { } rival) return Redirect($"/RiskAssessment/{rival}");
            throw;
        }
        TempData["Saved"] = "Assessment started";
        return Redirect($"/RiskAssessment/{draft.Id}");
    }
}
