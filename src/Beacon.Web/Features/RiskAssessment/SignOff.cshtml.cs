using Beacon.Core.Common;
using Beacon.Core.RiskAssessment;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Assessment = Beacon.Core.RiskAssessment.RiskAssessment;

namespace Beacon.Web.Features.RiskAssessment;

/// <summary>
/// Check your answers before sign-off: the level, the score and every indicator with its evidence, exactly as they
/// are saved. The person confirms what they see, and the sign-off signs that: if anything changed since (a tick saved
/// or lost in another tab, a colleague's edit), nothing is signed and the page shows the assessment as it now is.
/// </summary>
public sealed class SignOffModel(Assessments assessments, BeaconDbContext db, ScoringPolicy policy, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    /// <summary>What the page showed: the version, the level and the indicators.</summary>
    [BindProperty] public int Version { get; set; }
    [BindProperty] public ExploitationRiskLevel? LevelSeen { get; set; }
    [BindProperty] public List<string> IndicatorsSeen { get; set; } = [];
    [BindProperty] public bool Confirmed { get; set; }

    public Assessment Assessment { get; private set; } = default!;
    public Core.Children.Child Child { get; private set; } = default!;
    public RiskScore Score { get; private set; } = default!;
    public ExploitationRiskLevel Level => Assessment.JudgedLevel ?? Score.Level;
    /// <summary>Why it cannot be signed off yet (evidence missing, lowering not approved); null when it can.</summary>
    public string? NotReady { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (assessment, child, refusal) = await assessments.LoadAsync(Id, User, RiskAssessmentOperations.Edit, ct);
        if (refusal is not null) return refusal;
        if (!assessment!.IsDraft) return Redirect($"/RiskAssessment/{Id}");
        return Show(assessment, child!);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (assessment, child, refusal) = await assessments.LoadAsync(Id, User, RiskAssessmentOperations.Edit, ct);
        if (refusal is not null) return refusal;
        ModelState.Clear();
        if (!assessment!.IsDraft)
        {
            TempData["Saved"] = "This assessment has already been signed off";
            return Redirect($"/RiskAssessment/{Id}");
        }
        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), assessment.Indicators.Count == 0
                ? "Confirm that you screened the child and found none of the indicators"
                : "Confirm that this is the assessment you are signing off");
            return Show(assessment, child!);
        }
        var previous = await assessments.CurrentAsync(assessment.ChildId, ct);
        try
        {
            if (assessment.Version != Version || LevelSeen is not { } seen)
                throw new DomainRuleViolation("The assessment has changed since you checked it. Check it again before signing off.");
            assessment.SignOff(User.ToActor().UserId, clock.GetUtcNow().UtcDateTime, policy, previous, seen, IndicatorsSeen);
            db.Entry(assessment).Property(a => a.Version).OriginalValue = Version;
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DomainRuleViolation or DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", e is DomainRuleViolation rule ? rule.Message
                : "Someone else changed this assessment as you signed it off. Nothing was signed: check it again.");
            db.ChangeTracker.Clear();
            var latest = await db.RiskAssessments.SingleAsync(a => a.Id == Id, ct);
            if (!latest.IsDraft)
            {
                TempData["Saved"] = "Someone else signed this assessment off first: nothing of yours was signed";
                return Redirect($"/RiskAssessment/{Id}");
            }
            return Show(latest, child!);
        }
        TempData["Saved"] = $"Assessment signed off: {assessment.Level!.Value.DisplayName().ToLowerInvariant()}"
            + (previous is null ? "" : ". It replaces the previous assessment, which is kept in the history.");
        return Redirect($"/RiskAssessment/{Id}");
    }

    private PageResult Show(Assessment assessment, Core.Children.Child child)
    {
        Assessment = assessment;
        Child = child;
        Score = assessment.Evaluate(policy);
        Version = assessment.Version;
        LevelSeen = Level;
        IndicatorsSeen = assessment.Indicators.Select(i => i.Code).ToList();
        Confirmed = false;
        var unevidenced = assessment.Indicators.Where(i => !i.HasEvidence).Select(i => i.Indicator.Label).ToList();
        NotReady = unevidenced.Count > 0
            ? "Every ticked indicator needs evidence before sign-off. Add evidence for: " + string.Join("; ", unevidenced) + "."
            : assessment.NeedsLoweringApproval(policy) && !assessment.IsLoweringApproved
                ? $"Lowering the level from {Score.Level.DisplayName()} to {Level.DisplayName()} needs a team manager's approval before sign-off."
                : null;
        return Page();
    }
}
