using Beacon.Core.Access;
using Beacon.Core.Cases;
using Beacon.Core.Children;
using Beacon.Core.Common;
using Beacon.Core.RiskAssessment;
using Beacon.Core.Timescales;
using Beacon.Web.Features.RiskAssessment;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases;

/// <summary>
/// One case: where it stands, how it got there, its statutory clocks, and a form for each step the
/// workflow allows next. Every step is the domain's own method; every POST checks the case's operation on the server.
/// </summary>
public sealed class DetailsModel(CaseRecords records, BeaconDbContext db, AuditTrail audit, RiskLevels riskLevels,
    StatutoryTimescales timescales, TimeProvider clock) : PageModel
{
    public const int AttendeeRows = 6;

    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public DateInput StrategyOn { get; set; } = new();
    [BindProperty] public List<AttendeeInput> Attendees { get; set; } = [];
    [BindProperty] public DateInput Section47On { get; set; } = new();
    [BindProperty] public DateInput AssessmentStartOn { get; set; } = new();
    [BindProperty] public string? Section17Reason { get; set; }
    [BindProperty] public DateInput Section17On { get; set; } = new();
    [BindProperty] public DateInput AssessmentCompleteOn { get; set; } = new();
    [BindProperty] public DateInput ConferenceOn { get; set; } = new();
    [BindProperty] public ConferenceOutcome? ConferenceOutcome { get; set; }
    [BindProperty] public AbuseCategory? AbuseCategory { get; set; }
    [BindProperty] public string? CoreGroup { get; set; }
    [BindProperty] public string? StrategyDecisions { get; set; }
    [BindProperty] public string? PlanOutcomes { get; set; }
    [BindProperty] public ReviewOutcome? ReviewOutcome { get; set; }
    [BindProperty] public PlanKind? PlanKind { get; set; }
    [BindProperty] public DateInput PlanOn { get; set; } = new();
    [BindProperty] public DateInput ReviewOn { get; set; } = new();
    [BindProperty] public string? ClosureReason { get; set; }
    [BindProperty] public string? AllocateTo { get; set; }

    public sealed class AttendeeInput
    {
        public string? Name { get; set; }
        public Agency? Agency { get; set; }
    }

    public Case? Case { get; private set; }
    public Child? Child { get; private set; }
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<TimescaleOutcome> Timescales { get; private set; } = [];
    public ExploitationRiskLevel RiskLevel { get; private set; }
    public bool RiskAssessed { get; private set; }
    public bool MayAct { get; private set; }
    public bool MayManage { get; private set; }
    public bool MayAgreeAsChair { get; private set; }
    public bool ClosureAskedByMe { get; private set; }
    public bool ClosureAwaitsChair { get; private set; }
    public IReadOnlyList<SelectListItem> WorkerItems { get; private set; } = [];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => UkTime.ToUkDate(Now);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (@case, child, refusal) = await records.LoadCaseAsync(Id, User, CaseOperations.View, ct);
        if (refusal is not null) return refusal;
        await audit.RecordViewAsync(child!, "case", ct);
        return await ShowAsync(@case!, child!, ct);
    }

    public Task<IActionResult> OnPostStrategyDiscussionAsync(CancellationToken ct) =>
        ActAsync(CaseOperations.Progress, nameof(StrategyOn), (c, by) =>
        {
            if (!ReadDate(StrategyOn, nameof(StrategyOn), "date of the strategy discussion", out var on)) return null;
            var people = new List<StrategyDiscussionAttendee>();
            for (var i = 0; i < Attendees.Count; i++)
            {
                var row = Attendees[i];
                if (string.IsNullOrWhiteSpace(row.Name) && row.Agency is null) continue;
                if (string.IsNullOrWhiteSpace(row.Name)) { ModelState.AddModelError($"Attendees[{i}].Name", "Enter the attendee's name"); continue; }
                if (row.Agency is null) { ModelState.AddModelError($"Attendees[{i}].Agency", $"Choose the agency {row.Name.Trim()} attended for"); continue; }
                people.Add(new StrategyDiscussionAttendee(row.Name, row.Agency.Value));
            }
            if (!ModelState.IsValid) return null;
            c.HoldStrategyDiscussion(on, people, by, StrategyDecisions);
            return "Strategy discussion recorded";
        }, ct);

    public Task<IActionResult> OnPostSection47Async(CancellationToken ct) =>
        ActAsync(CaseOperations.Progress, nameof(Section47On), (c, by) =>
        {
            if (!ReadDate(Section47On, nameof(Section47On), "date the enquiry started", out var on)) return null;
            c.StartSection47Enquiry(on, by);
            return "Section 47 enquiry started";
        }, ct);

    public Task<IActionResult> OnPostStartAssessmentAsync(CancellationToken ct) =>
        ActAsync(CaseOperations.Progress, nameof(AssessmentStartOn), (c, by) =>
        {
            if (!ReadDate(AssessmentStartOn, nameof(AssessmentStartOn), "date the assessment started", out var on)) return null;
            c.StartAssessment(on, by);
            return "Assessment started";
        }, ct);

    public Task<IActionResult> OnPostContinueUnderSection17Async(CancellationToken ct) =>
        ActAsync(CaseOperations.Progress, nameof(Section17Reason), (c, by) =>
        {
            if (!ReadDate(Section17On, nameof(Section17On), "date the enquiry ended", out var on)) return null;
            c.ContinueUnderSection17(Section17Reason ?? "", on, by);
            return "Section 47 enquiry ended without a conference: the assessment continues under section 17";
        }, ct);

    public Task<IActionResult> OnPostCompleteAssessmentAsync(CancellationToken ct) =>
        ActAsync(CaseOperations.Progress, nameof(AssessmentCompleteOn), (c, by) =>
        {
            if (!ReadDate(AssessmentCompleteOn, nameof(AssessmentCompleteOn), "date the assessment was completed", out var on)) return null;
            c.CompleteAssessment(on, by);
            return "Assessment completed";
        }, ct);

    public Task<IActionResult> OnPostInitialConferenceAsync(CancellationToken ct) =>
        ActAsync(CaseOperations.Progress, nameof(ConferenceOn), (c, by) =>
        {
            if (ConferenceOutcome is null) ModelState.AddModelError(nameof(ConferenceOutcome), "Choose what the conference decided.");
            if (!ReadDate(ConferenceOn, nameof(ConferenceOn), "date of the conference", out var on) || ConferenceOutcome is null) return null;
            c.HoldInitialConference(on, by, ConferenceOutcome, AbuseCategory, CoreGroup);
            return "Initial child protection conference recorded";
        }, ct);

    public Task<IActionResult> OnPostPlanAsync(CancellationToken ct) =>
        ActAsync(CaseOperations.Progress, nameof(PlanOn), (c, by) =>
        {
            if (PlanKind is null) ModelState.AddModelError(nameof(PlanKind), "Choose the kind of plan.");
            if (!ReadDate(PlanOn, nameof(PlanOn), "date the plan started", out var on) || PlanKind is null) return null;
            c.StartPlan(PlanKind.Value, on, by, PlanOutcomes);
            return $"{PlanKind.Value.Name()} started";
        }, ct);

    public Task<IActionResult> OnPostReviewAsync(CancellationToken ct) =>
        ActAsync(CaseOperations.Progress, nameof(ReviewOn), (c, by) =>
        {
            if (ReviewOutcome is null) ModelState.AddModelError(nameof(ReviewOutcome), "Choose what the review decided.");
            if (!ReadDate(ReviewOn, nameof(ReviewOn), "date of the review conference", out var on) || ReviewOutcome is null) return null;
            c.HoldReviewConference(on, by, timescales, ReviewOutcome);
            return "Review conference recorded";
        }, ct);

    public Task<IActionResult> OnPostRequestClosureAsync(CancellationToken ct) =>
        ActAsync(CaseOperations.Progress, nameof(ClosureReason), (c, by) =>
        {
            if ((ClosureReason ?? "").Length > ReferralConfiguration.TextMaxLength)
            {
                ModelState.AddModelError(nameof(ClosureReason), $"The reason must be {ReferralConfiguration.TextMaxLength} characters or fewer");
                return null;
            }
            c.RequestClosure(ClosureReason ?? "", by, Now);
            return "Closure requested: a team manager must approve it";
        }, ct);

    public Task<IActionResult> OnPostApproveClosureAsync(CancellationToken ct) =>
        ActAsync(CaseOperations.Manage, "", (c, by) =>
        {
            c.ApproveClosure(by, Now, RiskLevel);
            return "Case closed";
        }, ct);

    public Task<IActionResult> OnPostDeclineClosureAsync(CancellationToken ct) =>
        ActAsync(CaseOperations.Manage, "", (c, by) =>
        {
            c.DeclineClosure(by);
            return "Closure declined: work on the case continues";
        }, ct);

    public Task<IActionResult> OnPostAgreeClosureAsync(CancellationToken ct) =>
        ActAsync(CaseOperations.AgreeClosureAsPanelChair, "", (c, by) =>
        {
            c.AgreeClosureAsPanelChair(by, Now);
            return "Panel chair's agreement to close recorded";
        }, ct);

    public Task<IActionResult> OnPostAllocateAsync(CancellationToken ct) =>
        ActAsync(CaseOperations.Manage, nameof(AllocateTo), (c, _) =>
        {
            if (string.IsNullOrEmpty(AllocateTo) || !WorkerIds().Contains(AllocateTo))
            {
                ModelState.AddModelError(nameof(AllocateTo), "Choose a social worker from the list");
                return null;
            }
            c.Allocate(AllocateTo);
            return "Case allocated";
        }, ct);

    /// <summary>
    /// The shape of every step: check the role, load the case the person may see, apply the domain's method,
    /// and either save and say so, or show the domain's refusal beside the field with nothing changed.
    /// </summary>
    private async Task<IActionResult> ActAsync(OperationAuthorizationRequirement operation, string errorKey, Func<Case, string, string?> step, CancellationToken ct)
    {
        ModelState.Clear();
        var actor = User.ToActor();
        var (@case, child, refusal) = await records.LoadCaseAsync(Id, User, operation, ct);
        if (refusal is not null) return refusal;
        RiskLevel = await riskLevels.CurrentLevelAsync(child!.Id, ct) ?? ExploitationRiskLevel.NoApparentRisk;
        await LoadWorkersAsync(ct);
        try
        {
            db.Entry(@case!).Property(c => c.Version).OriginalValue = Version;
            if (step(@case!, actor.UserId) is { } done && ModelState.IsValid)
            {
                await db.SaveChangesAsync(ct);
                TempData["Saved"] = done;
                return Redirect($"/Cases/{Id}");
            }
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError(rule.Field switch
            {
                nameof(Core.Cases.Case.PlanKind) => nameof(PlanKind),
                nameof(StrategyDiscussion.Attendees) => "Attendees",
                nameof(Core.Cases.Case.ClosureReason) => nameof(ClosureReason),
                nameof(Core.Cases.Case.InitialConferenceOutcome) => nameof(ConferenceOutcome),
                nameof(Core.Cases.Case.AbuseCategory) => nameof(AbuseCategory),
                nameof(Core.Cases.Case.CoreGroup) => nameof(CoreGroup),
                nameof(Core.Cases.Case.PlanOutcomes) => nameof(PlanOutcomes),
                nameof(StrategyDiscussion.Decisions) => nameof(StrategyDecisions),
                nameof(Core.Cases.ReviewConference.Outcome) => nameof(ReviewOutcome),
                _ => errorKey,
            }, rule.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else changed this case since you opened it. Nothing has been saved: check it again below.");
        }
        // Show the case as it stands in the database: the refused change never happened.
        db.ChangeTracker.Clear();
        (@case, child, refusal) = await records.LoadCaseAsync(Id, User, CaseOperations.View, ct);
        return refusal ?? await ShowAsync(@case!, child!, ct);
    }

    private Task<bool> MayAsync(OperationAuthorizationRequirement operation, Case @case, Child child) =>
        records.MayAsync(User, @case, child, operation);

    private bool ReadDate(DateInput input, string key, string label, out DateOnly date)
    {
        if (!input.TryRead(label, out date, out var error)) { ModelState.AddModelError(key, error); return false; }
        if (date > Today) { ModelState.AddModelError(key, $"The {label} must be today or in the past"); return false; }
        return true;
    }

    private List<string> _workerIds = [];
    private List<string> WorkerIds() => _workerIds;

    private async Task LoadWorkersAsync(CancellationToken ct)
    {
        // Cases are allocated within the manager's own local authority.
        var organisationId = User.ToActor().OrganisationId;
        var workers = await (from user in db.Users
                             join userRole in db.UserRoles on user.Id equals userRole.UserId
                             join role in db.Roles on userRole.RoleId equals role.Id
                             where user.OrganisationId == organisationId && (role.Name == BeaconRoles.SocialWorker || role.Name == BeaconRoles.TeamManager)
                             select new { user.Id, user.DisplayName, user.Team }).Distinct().ToListAsync(ct);
        _workerIds = workers.Select(w => w.Id).ToList();
        WorkerItems = [new SelectListItem("Choose a worker", ""), .. workers.OrderBy(w => w.DisplayName)
            .Select(w => new SelectListItem($"{w.DisplayName}{(w.Team is null ? "" : $" ({w.Team})")}", w.Id))];
    }

    private async Task<IActionResult> ShowAsync(Case @case, Child child, CancellationToken ct)
    {
        var actor = User.ToActor();
        Case = @case;
        Child = child;
        Version = @case.Version;
        Timescales = @case.TimescaleOutcomes(timescales, Now);
        var level = await riskLevels.CurrentLevelAsync(child.Id, ct);
        RiskAssessed = level is not null;
        RiskLevel = level ?? ExploitationRiskLevel.NoApparentRisk;
        MayAct = !@case.IsClosed && await MayAsync(CaseOperations.Progress, @case, child);
        MayManage = !@case.IsClosed && await MayAsync(CaseOperations.Manage, @case, child);
        // Approval is offered only when it can succeed: not to the person who asked, and not before the panel chair
        // has agreed where the child's risk needs it (the domain refuses both; the page says who is awaited instead).
        var me = User.ToActor().UserId;
        ClosureAskedByMe = @case.IsClosureRequested && string.Equals(@case.ClosureRequestedByUserId, me, StringComparison.OrdinalIgnoreCase);
        ClosureAwaitsChair = @case.IsClosureRequested && level >= ExploitationRiskLevel.Significant && @case.PanelChairAgreedByUserId is null;
        MayAgreeAsChair = await MayAsync(CaseOperations.AgreeClosureAsPanelChair, @case, child) && @case.IsClosureRequested && @case.PanelChairAgreedByUserId is null
            && RiskLevel >= ExploitationRiskLevel.Significant;
        Names = await UserNames.ForAsync(db, @case.StageHistory.Select(s => s.ByUserId)
            .Concat([@case.OpenedByUserId, @case.AllocatedWorkerUserId, @case.ClosureRequestedByUserId, @case.PanelChairAgreedByUserId, @case.ClosureApprovedByUserId]), ct);
        if (MayManage && WorkerItems.Count == 0) await LoadWorkersAsync(ct);
        while (Attendees.Count < AttendeeRows) Attendees.Add(new AttendeeInput());
        return Page();
    }

    public static IEnumerable<SelectListItem> AgencyItems() =>
        [new SelectListItem("Choose agency", ""), .. Enum.GetValues<Agency>().Select(a => new SelectListItem(a.Name(), a.ToString()))];

    public static IEnumerable<SelectListItem> ConferenceOutcomeItems() =>
        Enum.GetValues<ConferenceOutcome>().Select(o => new SelectListItem(o.Name(), o.ToString()));

    public static IEnumerable<SelectListItem> AbuseCategoryItems() =>
        Enum.GetValues<AbuseCategory>().Select(o => new SelectListItem(o.Name(), o.ToString()));

    public static IEnumerable<SelectListItem> ReviewOutcomeItems() =>
        Enum.GetValues<ReviewOutcome>().Select(o => new SelectListItem(o.Name(), o.ToString()));

    public static IEnumerable<SelectListItem> PlanKindItems() =>
        Enum.GetValues<PlanKind>().Select(k => new SelectListItem(k.Name(), k.ToString()));
}
