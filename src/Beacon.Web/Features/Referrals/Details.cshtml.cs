using Beacon.Core.Cases;
using Beacon.Core.Children;
using Beacon.Core.Common;
using Beacon.Core.Referrals;
using Beacon.Core.Timescales;
using Beacon.Web.Features.Cases;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Referrals;

/// <summary>
/// One referral: what was referred and by whom, its decision clock, and (for Children's Social Care) the
/// triage decision; a "no further action" waits here for a team manager to approve or return it.
/// </summary>
public sealed class DetailsModel(CaseRecords records, BeaconDbContext db, AuditTrail audit, StatutoryTimescales timescales, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public DecisionInput Decision { get; set; } = new();
    [BindProperty] public string? ReturnReason { get; set; }
    [BindProperty] public int Version { get; set; }

    public Referral? Referral { get; private set; }
    public Child? Child { get; private set; }
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public TimescaleOutcome? Timescale { get; private set; }
    public Guid? OpenCaseId { get; private set; }
    public bool MayDecide { get; private set; }
    public bool MayApprove { get; private set; }
    /// <summary>A manager looking at their own proposal of no further action: another manager must approve it.</summary>
    public bool ProposedByMe { get; private set; }

    public sealed class DecisionInput
    {
        public TriageOutcome? Outcome { get; set; }
        public DateInput DecidedOn { get; set; } = new();
        public string? DecidedAt { get; set; }
        public string? Reason { get; set; }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (referral, child, refusal) = await records.LoadReferralAsync(Id, User, ReferralOperations.View, ct);
        if (refusal is not null) return refusal;
        await audit.RecordViewAsync(child!, "referral", ct);
        var nowUk = UkTime.ToUkLocal(Now);
        Decision.DecidedOn = DateInput.From(DateOnly.FromDateTime(nowUk));
        Decision.DecidedAt = nowUk.ToString("HH:mm");
        return await ShowAsync(referral!, child!, ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (referral, child, refusal) = await records.LoadReferralAsync(Id, User, ReferralOperations.Decide, ct);
        if (refusal is not null) return refusal;
        var actor = User.ToActor();

        DateTime? decidedAtUtc = null;
        if (Decision.Outcome is null)
            ModelState.AddModelError("Decision.Outcome", "Choose a decision.");
        if (!Decision.DecidedOn.TryRead("date of the decision", out var on, out var dateError))
            ModelState.AddModelError("Decision.DecidedOn", dateError);
        else if (!UkClock.TryReadTime(Decision.DecidedAt, out var at))
            ModelState.AddModelError("Decision.DecidedAt", "Enter the time of the decision on the 24-hour clock, for example 14:30");
        else if (UkClock.ToUtc(on, at) > Now.AddMinutes(1))
            ModelState.AddModelError("Decision.DecidedOn", "The decision cannot be dated in the future");
        else
        {
            // Typed to the minute: "this minute" means now, so a decision made straight away is never "before" its receipt.
            var typed = UkClock.ToUtc(on, at);
            decidedAtUtc = typed <= Now && Now - typed < TimeSpan.FromMinutes(1) ? Now : typed;
        }
        if ((Decision.Reason ?? "").Length > ReferralConfiguration.TextMaxLength)
            ModelState.AddModelError("Decision.Reason", $"The reason must be {ReferralConfiguration.TextMaxLength} characters or fewer");
        if (!ModelState.IsValid) return await ShowAsync(referral!, child!, ct);

        try
        {
            db.Entry(referral!).Property(r => r.Version).OriginalValue = Version;
            referral!.RecordDecision(Decision.Outcome!.Value, actor.UserId, decidedAtUtc!.Value, Decision.Reason);
            Guid? caseId = null;
            var existing = await records.OpenCaseIdAsync(referral.ChildId, ct);
            if (referral.Outcome is TriageOutcome.Assessment or TriageOutcome.StrategyDiscussion && existing is null)
            {
                // The case is opened at once and allocated to the person who decided, until a manager reallocates it.
                var opened = Case.OpenFromReferral(referral, actor.UserId, decidedAtUtc.Value);
                opened.Allocate(actor.UserId);
                db.Cases.Add(opened);
                caseId = opened.Id;
            }
            await db.SaveChangesAsync(ct);
            if (caseId is { } newCase)
            {
                TempData["Saved"] = $"Decision recorded: {referral.Outcome!.Value.Name()}. A case has been opened for {child!.FullName}";
                return Redirect($"/Cases/{newCase}");
            }
            TempData["Saved"] = referral.Status == ReferralStatus.AwaitingManagerApproval
                ? "No further action proposed: a team manager must approve it before it takes effect"
                : $"Decision recorded: {referral.Outcome!.Value.Name()}" +
                  (existing is not null && referral.Outcome is TriageOutcome.Assessment or TriageOutcome.StrategyDiscussion
                      ? $". {child!.FullName} already has an open case: continue the work there" : "");
            return existing is not null && referral.Outcome is TriageOutcome.Assessment or TriageOutcome.StrategyDiscussion
                ? Redirect($"/Cases/{existing}") : Redirect("/Referrals/Queue");
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(rule.Field switch
            {
                nameof(Core.Referrals.Referral.ProposedOutcome) => "Decision.Outcome",
                nameof(Core.Referrals.Referral.DecidedAtUtc) => "Decision.DecidedOn",
                nameof(Core.Referrals.Referral.DecisionReason) => "Decision.Reason",
                _ => "",
            }, rule.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else has dealt with this referral since you opened it. Nothing has been saved: check it again below.");
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            // The one-open-case index refused a second case opened at the same moment.
            ModelState.AddModelError("", "This child already has an open case. Nothing has been saved: refresh the page and try again.");
        }
        return await ReloadAsync(ct);
    }

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) =>
        ManagerAsync((referral, actor) => referral.ApproveNoFurtherAction(actor, Now), "No further action approved: the referrer can now see the outcome", "", ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) =>
        ManagerAsync((referral, actor) => referral.ReturnNoFurtherAction(actor, ReturnReason ?? ""), "No further action returned: the referral is back in the queue for a fresh decision", nameof(ReturnReason), ct);

    private async Task<IActionResult> ManagerAsync(Action<Referral, string> act, string done, string errorKey, CancellationToken ct)
    {
        ModelState.Clear();
        var actor = User.ToActor();
        var (referral, child, refusal) = await records.LoadReferralAsync(Id, User, ReferralOperations.ApproveNoFurtherAction, ct);
        if (refusal is not null) return refusal;
        try
        {
            db.Entry(referral!).Property(r => r.Version).OriginalValue = Version;
            act(referral!, actor.UserId);
            await db.SaveChangesAsync(ct);
            TempData["Saved"] = done;
            return Redirect("/Referrals/Queue");
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(rule.Field == nameof(Core.Referrals.Referral.ManagerReturnReason) ? nameof(ReturnReason) : errorKey, rule.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else has dealt with this referral since you opened it. Nothing has been saved: check it again below.");
        }
        return await ReloadAsync(ct);
    }

    /// <summary>After a refusal, show the referral as it now stands in the database, with the person's input and messages.</summary>
    private async Task<IActionResult> ReloadAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var (referral, child, refusal) = await records.LoadReferralAsync(Id, User, ReferralOperations.View, ct);
        return refusal ?? await ShowAsync(referral!, child!, ct);
    }

    private async Task<IActionResult> ShowAsync(Referral referral, Child child, CancellationToken ct)
    {
        var actor = User.ToActor();
        Referral = referral;
        Child = child;
        Version = referral.Version;
        Timescale = referral.DecisionTimescale(timescales, Now);
        OpenCaseId = await records.OpenCaseIdAsync(child.Id, ct);
        Names = await UserNames.ForAsync(db, [referral.ReferrerUserId, referral.DecidedByUserId, referral.ApprovedByUserId], ct);
        MayDecide = referral.Status == ReferralStatus.AwaitingDecision && await records.MayAsync(User, referral, child, ReferralOperations.Decide);
        // Offered only to a manager who did not propose it: the domain refuses the proposer, so the page does not offer it.
        var isManager = referral.Status == ReferralStatus.AwaitingManagerApproval && await records.MayAsync(User, referral, child, ReferralOperations.ApproveNoFurtherAction);
        ProposedByMe = isManager && string.Equals(referral.DecidedByUserId, User.ToActor().UserId, StringComparison.OrdinalIgnoreCase);
        MayApprove = isManager && !ProposedByMe;
        return Page();
    }

    public static IEnumerable<SelectListItem> OutcomeItems() =>
        Enum.GetValues<TriageOutcome>().Select(o => new SelectListItem(o.Name(), o.ToString()));
}
