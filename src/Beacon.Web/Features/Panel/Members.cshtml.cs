using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.Panel;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Beacon.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Panel;

/// <summary>The panel's standing members, named by its chair (see <see cref="PanelMembers"/>).</summary>
[Authorize(Policy = Policies.PanelChair)]
public sealed class MembersModel(PanelMembers members, BeaconDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public string? AddUserId { get; set; }
    public IReadOnlyList<PanelMembers.Member> Current { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Candidates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var chair = User.ToActor();
        var allowed = await members.CandidatesAsync(chair.OrganisationId, ct);
        if (string.IsNullOrEmpty(AddUserId) || allowed.All(c => c.UserId != AddUserId))
            ModelState.AddModelError(nameof(AddUserId), "Choose a practitioner from the list");
        else if (await members.IsMemberAsync(chair.OrganisationId, AddUserId, ct))
            ModelState.AddModelError(nameof(AddUserId), "That person is already a member of the panel");
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }
        var added = await this.TrySaveAsync(db, () =>
        {
            db.Add(PanelMember.Name(chair.OrganisationId, AddUserId, chair.UserId, clock.GetUtcNow().UtcDateTime));
            return Task.FromResult($"{allowed.First(c => c.UserId == AddUserId).Label} is now a member of the panel");
        }, _ => nameof(AddUserId), "That person has just been added by someone else.", ct);
        if (added) return Redirect("/Panel/Members");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(Guid memberId, int version, CancellationToken ct)
    {
        var chair = User.ToActor();
        var member = await db.Set<PanelMember>().SingleOrDefaultAsync(m => m.Id == memberId && m.PanelOrganisationId == chair.OrganisationId, ct);
        if (member is null) return NotFound();
        db.Entry(member).Property(m => m.Version).OriginalValue = version;
        var ended = await this.TrySaveAsync(db, () =>
        {
            member.End(chair.UserId, clock.GetUtcNow().UtcDateTime);
            return Task.FromResult("Membership ended: they no longer see the panel's children or receive its minutes");
        }, _ => "", "Someone else changed this membership since you opened the page. Nothing has been saved.", ct);
        if (ended) return Redirect("/Panel/Members");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var chair = User.ToActor();
        Current = await members.CurrentAsync(chair.OrganisationId, ct);
        var current = Current.Select(m => m.UserId).ToHashSet();
        Candidates = [new SelectListItem("Choose a practitioner", ""),
            .. (await members.CandidatesAsync(chair.OrganisationId, ct)).Where(c => !current.Contains(c.UserId)).Select(c => new SelectListItem(c.Label, c.UserId))];
    }
}
