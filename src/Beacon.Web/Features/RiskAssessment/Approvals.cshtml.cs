using Beacon.Core.Access;
using Beacon.Core.RiskAssessment;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.RiskAssessment;

/// <summary>Team managers: draft assessments whose level has been set below the computed level and wait for approval.</summary>
[Authorize(Policy = Policies.TeamManager)]
public sealed class ApprovalsModel(BeaconDbContext db, Children.ChildRecords records, Assessments assessments, ScoringPolicy policy) : PageModel
{
    public sealed record Waiting(Guid AssessmentId, Guid ChildId, string ChildName, ExploitationRiskLevel Computed, ExploitationRiskLevel Judged,
        string? Reason, string JudgedBy, DateTime? JudgedAtUtc, bool IsYours);

    public IReadOnlyList<Waiting> Items { get; private set; } = [];

    /// <summary>A signed-off assessment someone has asked to withdraw as a mistake.</summary>
    public sealed record Withdrawal(Guid AssessmentId, string ChildName, ExploitationRiskLevel? Level, string Reason, string AskedBy, DateTime AskedAtUtc, bool IsYours);
    public IReadOnlyList<Withdrawal> Withdrawals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var visible = records.VisibleTo(User).Select(c => new { c.Id, c.FirstName, c.LastName });
        var drafts = await db.RiskAssessments.AsNoTracking()
            .Where(a => a.Status == AssessmentStatus.Draft && a.JudgedLevel != null && a.LoweringApprovedByUserId == null)
            .Join(visible, a => a.ChildId, c => c.Id, (a, c) => new { Assessment = a, Name = c.FirstName + " " + c.LastName })
            .ToListAsync(ct);
        var waiting = drafts.Where(d => d.Assessment.NeedsLoweringApproval(policy)).ToList();
        var names = await assessments.NamesAsync(waiting.Select(w => w.Assessment.JudgementByUserId), ct);
        var actor = User.ToActor();
        var me = actor.UserId;
        // Withdrawals are decided by the responsible local authority's managers, for their own area's children.
        var decidesWithdrawals = Capabilities.IsSocialCareManager(actor);
        var areas = actor.AreaIds.ToList();
        Items = waiting.Select(w => new Waiting(w.Assessment.Id, w.Assessment.ChildId, w.Name, w.Assessment.Evaluate(policy).Level,
                w.Assessment.JudgedLevel!.Value, w.Assessment.JudgementReason, names.GetValueOrDefault(w.Assessment.JudgementByUserId ?? "", "a former user"),
                w.Assessment.JudgementAtUtc, w.Assessment.AuthorUserId == me || w.Assessment.JudgementByUserId == me))
            .OrderBy(w => w.JudgedAtUtc).ToList();

        var asked = await db.RiskAssessments.AsNoTracking().IgnoreAutoIncludes()
            .Where(a => decidesWithdrawals && a.Status == AssessmentStatus.SignedOff && a.WithdrawalRequestedAtUtc != null
                && db.Children.Any(c => c.Id == a.ChildId && areas.Contains(c.ResponsibleAreaId)))
            .Join(visible, a => a.ChildId, c => c.Id, (a, c) => new { a.Id, Name = c.FirstName + " " + c.LastName, a.Level, a.WithdrawalReason, a.WithdrawalRequestedByUserId, a.WithdrawalRequestedAtUtc, a.SignedOffByUserId })
            .OrderBy(a => a.WithdrawalRequestedAtUtc).Take(200).ToListAsync(ct);
        var askers = await assessments.NamesAsync(asked.Select(a => a.WithdrawalRequestedByUserId), ct);
        Withdrawals = asked.Select(a => new Withdrawal(a.Id, a.Name, a.Level, a.WithdrawalReason ?? "", askers.GetValueOrDefault(a.WithdrawalRequestedByUserId ?? "", "a former user"),
            a.WithdrawalRequestedAtUtc!.Value, a.WithdrawalRequestedByUserId == me || a.SignedOffByUserId == me)).ToList();
    }
}
