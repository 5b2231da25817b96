using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.Whistleblowing;
using Beacon.Web.Features.Cases;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Beacon.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Concerns;

/// <summary>
/// One concern, for an independent chair it does not name: messages with the raiser, the people it names (who are then
/// kept out of it), who handles it, and closing it with an outcome for the raiser.
/// </summary>
[Authorize]
public sealed class HandleModel(BeaconDbContext db, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Message { get; set; }
    [BindProperty] public string? NamedUserId { get; set; }
    [BindProperty] public string? AssignTo { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public bool CloseConfirmed { get; set; }
    /// <summary>The last message is the chair's: the raiser has not answered it yet.</summary>
    public bool QuestionUnanswered => Concern?.Messages.LastOrDefault() is { FromRaiser: false };

    public ConfidentialConcern? Concern { get; private set; }
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<SelectListItem> People { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Handlers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public Task<IActionResult> OnPostMessageAsync(CancellationToken ct) => StepAsync(c => { c.Answer(Message, Me, Now); return "Message sent: the raiser sees it when they follow up"; }, ct);
    public Task<IActionResult> OnPostNameAsync(CancellationToken ct) => StepAsync(c =>
    {
        if (string.IsNullOrEmpty(NamedUserId) || (People.All(p => p.Value != NamedUserId) && NamedUserId != Me)) throw new DomainRuleViolation("Choose the person the concern names", nameof(NamedUserId));
        c.RecordNamed([NamedUserId], Me);
        return "Recorded: that person can no longer see or act on this concern";
    }, ct);
    public Task<IActionResult> OnPostAssignAsync(CancellationToken ct) => StepAsync(c =>
    {
        if (!string.IsNullOrEmpty(AssignTo) && Handlers.All(h => h.Value != AssignTo)) throw new DomainRuleViolation("Choose an independent chair", nameof(AssignTo));
        c.Assign(AssignTo, Me);
        return "Handler recorded";
    }, ct);
    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => StepAsync(c =>
    {
        if (!string.IsNullOrWhiteSpace(Outcome) && !CloseConfirmed)
            throw new DomainRuleViolation("Confirm that the raiser can no longer reply once the concern is closed", nameof(CloseConfirmed));
        c.Close(Outcome, Me, Now);
        return "Concern closed: the raiser sees the outcome when they follow up";
    }, ct);

    private string Me => User.ToActor().UserId;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<IActionResult> StepAsync(Func<ConfidentialConcern, string> step, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal) return refusal;
        db.Entry(Concern!).Property(c => c.Version).OriginalValue = Version;
        // Messages and named people are rows of their own: marking the concern changed makes every step check and move its version.
        db.Entry(Concern!).State = EntityState.Modified;
        var saved = await this.TrySaveAsync(db, () => Task.FromResult(step(Concern!)), field => field switch
        {
            nameof(ConcernMessage.Text) => nameof(Message),
            nameof(NamedUserId) => nameof(NamedUserId),
            nameof(ConfidentialConcern.AssignedToUserId) or nameof(AssignTo) => nameof(AssignTo),
            nameof(ConfidentialConcern.Outcome) => nameof(Outcome),
            nameof(CloseConfirmed) => nameof(CloseConfirmed),
            _ => "",
        }, "Someone else changed this concern since you opened it. Nothing has been saved: check it again below.", ct);
        if (saved) return Redirect($"/Concerns/{Id}");
        await LoadAsync(ct);
        if (Concern is not null) Version = Concern.Version;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        if (!ConcernAccess.Handles(actor)) return Forbid();
        Concern = await db.Set<ConfidentialConcern>().Include("_messages").Include("_named").SingleOrDefaultAsync(c => c.Id == Id, ct);
        // A concern that names this person does not exist for them.
        if (Concern is null || !ConcernAccess.MayHandle(actor, Concern)) return NotFound();
        if (HttpMethods.IsGet(Request.Method)) Version = Concern.Version;
        var people = await db.People().OrderBy(p => p.OrganisationName).ThenBy(p => p.DisplayName)
            .Select(p => new { p.Id, Label = p.DisplayName + " – " + p.OrganisationName }).Take(1_000).ToListAsync(ct);
        People = [new SelectListItem("Choose a person", ""), .. people.Where(p => !Concern.Names(p.Id) && p.Id != actor.UserId).Select(p => new SelectListItem(p.Label, p.Id))];
        var chairRole = BeaconRoles.IndependentChair;
        var chairs = await (from u in db.Users
                            where db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == chairRole)) && !u.IsDisabled
                            select new { u.Id, u.DisplayName }).ToListAsync(ct);
        Handlers = [new SelectListItem("Choose an independent chair", ""), .. chairs.Where(c => !Concern.Names(c.Id)).Select(c => new SelectListItem(c.DisplayName, c.Id))];
        Names = await UserNames.ForAsync(db, Concern.NamedUserIds.Concat(Concern.Messages.Select(m => m.HandlerUserId))
            .Append(Concern.RaisedByUserId).Append(Concern.AssignedToUserId).Append(Concern.ClosedByUserId), ct);
        return null;
    }
}
