using Beacon.Core.Access;
using Beacon.Core.RiskAssessment;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.RiskAssessment;

/// <summary>Team managers: draft assessments whose level has been set below the computed level and wait for approval.</summary>
[Authorize(Policy = Policies.TeamManager)]
public sealed class ApprovalsModel(Assessments assessments, ScoringPolicy policy) : PageModel
{
    public sealed record Waiting(Guid AssessmentId, Guid ChildId, string ChildName, ExploitationRiskLevel Computed, ExploitationRiskLevel Judged,
        string? Reason, string JudgedBy, DateTime? JudgedAtUtc, bool IsYours);

    public IReadOnlyList<Waiting> Items { get; private set; } = [];

    /// <summary>A signed-off assessment someone has asked to withdraw as a mistake.</summary>
    public sealed record Withdrawal(Guid AssessmentId, string ChildName, ExploitationRiskLevel? Level, string Reason, string AskedBy, DateTime AskedAtUtc, bool IsYours);
    public IReadOnlyList<Withdrawal> Withdrawals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        var me = actor.UserId;
        var waiting = await assessments.LoweringWaitingAsync(actor, policy, ct);
        var asked = await assessments.WithdrawalsWaiting(actor).Take(200).ToListAsync(ct);
        var names = await assessments.NamesAsync(waiting.Select(w => w.Assessment.JudgementByUserId).Concat(asked.Select(a => a.AskedByUserId)), ct);
        Items = waiting.Select(w => new Waiting(w.Assessment.Id, w.Assessment.ChildId, w.ChildName, w.Assessment.Evaluate(policy).Level,
                w.Assessment.JudgedLevel!.Value, w.Assessment.JudgementReason, names.GetValueOrDefault(w.Assessment.JudgementByUserId ?? "", "a former user"),
                w.Assessment.JudgementAtUtc, w.Assessment.AuthorUserId == me || w.Assessment.JudgementByUserId == me))
            .ToList();
        Withdrawals = asked.Select(a => new Withdrawal(a.AssessmentId, a.ChildName, a.Level, a.Reason ?? "", names.GetValueOrDefault(a.AskedByUserId ?? "", "a former user"),
            a.AskedAtUtc!.Value, a.AskedByUserId == me || a.SignedByUserId == me)).ToList();
    }
}
