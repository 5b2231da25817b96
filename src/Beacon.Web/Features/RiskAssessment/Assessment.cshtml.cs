using Beacon.Core.Access;
using Beacon.Core.Children;
using Beacon.Core.Common;
using Beacon.Core.RiskAssessment;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Assessment = Beacon.Core.RiskAssessment.RiskAssessment;

namespace Beacon.Web.Features.RiskAssessment;

/// <summary>
/// One assessment: while a draft, the screening tool (indicators ticked with evidence and source agency),
/// the computed level and why, the practitioner's own level, a team manager's approval for lowering, and
/// sign-off. Once signed off it is shown read only. Every rule is the domain's; this page only calls it.
/// </summary>
public sealed class AssessmentModel(Assessments assessments, BeaconDbContext db, AuditTrail audit,
    ScoringPolicy policy, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid Id { get; set; }

    /// <summary>Codes of the indicators ticked on the form.</summary>
    [BindProperty] public List<string> Ticked { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Evidence { get; set; } = new();
    [BindProperty] public Dictionary<string, string?> Source { get; set; } = new();
    [BindProperty] public ExploitationRiskLevel? JudgedLevel { get; set; }
    [BindProperty] public string? JudgementReason { get; set; }
    [BindProperty] public string? WithdrawalReason { get; set; }
    /// <summary>The version of the assessment the form was opened on.</summary>
    [BindProperty] public int Version { get; set; }
    /// <summary>"Check and sign off": the screening tool is saved as shown, then the check page follows.</summary>
    [BindProperty] public bool ThenSignOff { get; set; }

    public Assessment? Assessment { get; private set; }
    public Child? Child { get; private set; }
    public RiskScore? Score { get; private set; }
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public bool MayEdit { get; private set; }
    public bool MayApprove { get; private set; }
    public bool MayRequestWithdrawal { get; private set; }
    public bool MayAgreeWithdrawal { get; private set; }
    public bool Conflict { get; private set; }
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    private string UserId => User.ToActor().UserId;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (assessment, child, refusal) = await assessments.LoadAsync(Id, User, RiskAssessmentOperations.View, ct);
        if (refusal is not null) return refusal;
        await audit.RecordViewAsync(child!, "CSE risk assessment", ct);
        FillForm(assessment!);
        return await ShowAsync(assessment!, child!, ct);
    }

    /// <summary>Saves the screening tool: ticks, unticks and evidence in one go, then shows the level they make.</summary>
    public async Task<IActionResult> OnPostIndicatorsAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (assessment, child, refusal) = await assessments.LoadAsync(Id, User, RiskAssessmentOperations.Edit, ct);
        if (refusal is not null) return refusal;
        var a = assessment!;

        // Codes come from the form, so anything not on the tool is refused before anything changes.
        var ticked = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in Ticked.Where(c => !string.IsNullOrWhiteSpace(c)))
        {
            if (IndicatorCatalogue.Find(code) is { } indicator) ticked.Add(indicator.Code);
            else Refuse(() => IndicatorCatalogue.Get(code), nameof(Ticked));
        }
        if (!ModelState.IsValid) return await RedisplayAsync(child!, ct, keepIndicators: true);

        foreach (var indicator in IndicatorCatalogue.All)
        {
            var code = indicator.Code;
            var existing = a.Indicators.FirstOrDefault(i => i.Code == code);
            var evidence = Evidence.GetValueOrDefault(code);
            if (ticked.Contains(code))
            {
                if (!Enum.TryParse<Agency>(Source.GetValueOrDefault(code), out var agency) || !Enum.IsDefined(agency))
                {
                    ModelState.AddModelError(SourceKey(code), $"Choose the agency the evidence for '{indicator.Label}' came from");
                    continue;
                }
                if (existing is null)
                    Try(() => a.TickIndicator(code, agency, evidence, UserId, Now), code);
                else if (existing.SourceAgency != agency || existing.Evidence != Clean(evidence))
                    Try(() => a.RecordEvidence(code, agency, evidence, UserId, Now), code);
            }
            else if (existing is not null)
                Try(() => a.UntickIndicator(code), code);
        }
        if (!ModelState.IsValid) return await RedisplayAsync(child!, ct, keepIndicators: true);
        return await SaveAsync(a, child!, "Screening saved. The level below reflects your changes.", ct,
            then: ThenSignOff ? $"/RiskAssessment/{Id}/SignOff" : null);
    }

    public async Task<IActionResult> OnPostJudgementAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (assessment, child, refusal) = await assessments.LoadAsync(Id, User, RiskAssessmentOperations.Edit, ct);
        if (refusal is not null) return refusal;
        if (JudgedLevel is null) ModelState.AddModelError(nameof(JudgedLevel), "Choose the level you judge the risk to be");
        else Try(() => assessment!.RecordJudgement(JudgedLevel.Value, JudgementReason ?? "", UserId, Now), null);
        if (!ModelState.IsValid) return await RedisplayAsync(child!, ct, keepJudgement: true);
        var saved = assessment!.NeedsLoweringApproval(policy)
            ? "Level recorded. Lowering it below the computed level needs a team manager's approval before sign-off."
            : "Level recorded";
        return await SaveAsync(assessment, child!, saved, ct);
    }

    public async Task<IActionResult> OnPostClearJudgementAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (assessment, child, refusal) = await assessments.LoadAsync(Id, User, RiskAssessmentOperations.Edit, ct);
        if (refusal is not null) return refusal;
        Try(() => assessment!.ClearJudgement(), null);
        if (!ModelState.IsValid) return await RedisplayAsync(child!, ct);
        return await SaveAsync(assessment!, child!, "The computed level will be used", ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (assessment, child, refusal) = await assessments.LoadAsync(Id, User, RiskAssessmentOperations.ApproveLowering, ct);
        if (refusal is not null) return refusal;
        Try(() => assessment!.ApproveLowering(User.ToActor(), Now, policy), null);
        if (!ModelState.IsValid) return await RedisplayAsync(child!, ct);
        return await SaveAsync(assessment!, child!, "Lowering approved", ct);
    }

    /// <summary>Asks for a mistaken sign-off to be withdrawn; a team manager decides.</summary>
    public async Task<IActionResult> OnPostRequestWithdrawalAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (assessment, child, refusal) = await assessments.LoadAsync(Id, User, RiskAssessmentOperations.Edit, ct);
        if (refusal is not null) return refusal;
        Refuse(() => assessment!.RequestWithdrawal(WithdrawalReason ?? "", UserId, Now), nameof(WithdrawalReason));
        if (!ModelState.IsValid) return await RedisplayAsync(child!, ct);
        return await SaveAsync(assessment!, child!, "Withdrawal asked for: a team manager will decide", ct);
    }

    public async Task<IActionResult> OnPostAgreeWithdrawalAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (assessment, child, refusal) = await assessments.LoadAsync(Id, User, RiskAssessmentOperations.AgreeWithdrawal, ct);
        if (refusal is not null) return refusal;
        // The assessment it had superseded becomes the child's current one again.
        var superseded = assessment!.SupersedesId is { } earlier ? await db.RiskAssessments.SingleOrDefaultAsync(x => x.Id == earlier, ct) : null;
        Refuse(() => assessment.AgreeWithdrawal(User.ToActor(), Now, superseded), "");
        if (!ModelState.IsValid) return await RedisplayAsync(child!, ct);
        return await SaveAsync(assessment, child!, "Assessment withdrawn" + (superseded is null ? "" : ": the earlier assessment is current again"), ct);
    }

    public async Task<IActionResult> OnPostDeclineWithdrawalAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (assessment, child, refusal) = await assessments.LoadAsync(Id, User, RiskAssessmentOperations.AgreeWithdrawal, ct);
        if (refusal is not null) return refusal;
        Refuse(() => assessment!.DeclineWithdrawal(User.ToActor()), "");
        if (!ModelState.IsValid) return await RedisplayAsync(child!, ct);
        return await SaveAsync(assessment!, child!, "Withdrawal declined: the assessment stands", ct);
    }

    private async Task<IActionResult> SaveAsync(Assessment assessment, Child child, string done, CancellationToken ct, string? then = null)
    {
        // The version the form was opened on: if anyone saved since, the update matches no row and is refused.
        var entry = db.Entry(assessment);
        entry.Property(x => x.Version).OriginalValue = Version;
        entry.Property(x => x.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
            if (then is not null) return Redirect(then);
            TempData["Saved"] = done;
            return Redirect($"/RiskAssessment/{Id}");
        }
        catch (DbUpdateConcurrencyException)
        {
            Conflict = true;
            ModelState.AddModelError("", "Someone else changed this assessment since you opened it. Your changes have not been saved: the page now shows the latest version.");
            db.ChangeTracker.Clear();
            var latest = await db.RiskAssessments.SingleAsync(a => a.Id == Id, ct);
            FillForm(latest);
            return await ShowAsync(latest, child, ct);
        }
    }

    /// <summary>Shows the page again after a refusal: the saved assessment, with what the person typed kept in the form.</summary>
    private async Task<IActionResult> RedisplayAsync(Child child, CancellationToken ct, bool keepJudgement = false, bool keepIndicators = false)
    {
        db.ChangeTracker.Clear();
        var saved = await db.RiskAssessments.AsNoTracking().SingleAsync(a => a.Id == Id, ct);
        if (!keepJudgement) { JudgedLevel = saved.JudgedLevel; JudgementReason = saved.JudgementReason; }
        // Only the screening form posts indicators; after any other form they come from the saved assessment
        // (the dictionaries would otherwise have bound that form's other fields).
        if (!keepIndicators) FillIndicators(saved);
        return await ShowAsync(saved, child, ct);
    }

    private void FillForm(Assessment assessment)
    {
        FillIndicators(assessment);
        JudgedLevel = assessment.JudgedLevel;
        JudgementReason = assessment.JudgementReason;
        Version = assessment.Version;
    }

    private void FillIndicators(Assessment assessment)
    {
        Ticked = assessment.Indicators.Select(i => i.Code).ToList();
        Evidence = assessment.Indicators.ToDictionary(i => i.Code, i => i.Evidence);
        Source = assessment.Indicators.ToDictionary(i => i.Code, i => (string?)i.SourceAgency.ToString());
    }

    private async Task<IActionResult> ShowAsync(Assessment assessment, Child child, CancellationToken ct)
    {
        Assessment = assessment;
        Child = child;
        Score = assessment.IsDraft ? assessment.Evaluate(policy) : null;
        Names = await assessments.NamesAsync(
            assessment.Indicators.Select(i => i.RecordedByUserId)
                .Append(assessment.AuthorUserId).Append(assessment.JudgementByUserId)
                .Append(assessment.LoweringApprovedByUserId).Append(assessment.SignedOffByUserId)
                .Append(assessment.WithdrawalRequestedByUserId).Append(assessment.WithdrawnByUserId), ct);
        MayEdit = assessment.IsDraft && await assessments.MayAsync(User, child, assessment, RiskAssessmentOperations.Edit);
        // Only offered to a manager who neither wrote the assessment nor set its level (the domain refuses them anyway).
        var me = User.ToActor().UserId;
        MayApprove = assessment.IsDraft && await assessments.MayAsync(User, child, assessment, RiskAssessmentOperations.ApproveLowering) && assessment.NeedsLoweringApproval(policy) && !assessment.IsLoweringApproved
            && assessment.AuthorUserId != me && assessment.JudgementByUserId != me;
        MayRequestWithdrawal = assessment.IsCurrent && !assessment.IsWithdrawalRequested
            && await assessments.MayAsync(User, child, assessment, RiskAssessmentOperations.Edit);
        // Offered only to a team manager other than the person who asked (the domain refuses them anyway).
        MayAgreeWithdrawal = assessment.IsWithdrawalRequested && assessment.WithdrawalRequestedByUserId != me && assessment.SignedOffByUserId != me
            && await assessments.MayAsync(User, child, assessment, RiskAssessmentOperations.AgreeWithdrawal);
        return Page();
    }

    public string NameOf(string? userId) => userId is null ? "" : Names.GetValueOrDefault(userId, "a former user");

    public static string EvidenceKey(string code) => $"{nameof(Evidence)}[{code}]";
    public static string SourceKey(string code) => $"{nameof(Source)}[{code}]";
    public static string FieldId(string key) => TagBuilder.CreateSanitizedId(key, "-");

    public static IEnumerable<SelectListItem> AgencyItems() =>
        new[] { new SelectListItem("Select agency", "") }
            .Concat(Enum.GetValues<Agency>().Select(a => new SelectListItem(a.Name(), a.ToString())));

    public static IEnumerable<SelectListItem> LevelItems() =>
        Enum.GetValues<ExploitationRiskLevel>().Select(l => new SelectListItem(l.DisplayName(), l.ToString()));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Runs a domain step; a refusal goes beside the field it names (an indicator's evidence, the level, or the top).</summary>
    private void Try(Action step, string? indicatorCode)
    {
        try { step(); }
        catch (DomainRuleViolation rule) { ModelState.AddModelError(KeyFor(rule.Field, indicatorCode), rule.Message); }
    }

    private void Refuse(Action step, string key)
    {
        try { step(); }
        catch (DomainRuleViolation rule) { ModelState.AddModelError(key, rule.Message); }
    }

    private static string KeyFor(string? field, string? indicatorCode)
    {
        if (field == nameof(TickedIndicator.SourceAgency) && indicatorCode is not null) return SourceKey(indicatorCode);
        if (IndicatorCatalogue.Find(field) is { } indicator) return EvidenceKey(indicator.Code);
        if (indicatorCode is not null) return EvidenceKey(indicatorCode);
        return field is nameof(JudgedLevel) or nameof(JudgementReason) ? field : "";
    }
}
