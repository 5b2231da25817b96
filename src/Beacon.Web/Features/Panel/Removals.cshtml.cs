using Beacon.Core.Access;
using Beacon.Core.Common;
using Beacon.Core.Panel;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Panel;

/// <summary>The chair's decisions: each proposed removal, approved (the child leaves the list, onto the register) or declined.</summary>
[Authorize(Policy = Policies.PanelChair)]
public sealed class RemovalsModel(PanelLists lists, BeaconDbContext db) : PageModel
{
    public sealed record Proposal(Guid ListingId, Guid ChildId, string ChildName, RemovalCategory Category, string Rationale, string ProposedBy,
        string ProposedByUserId, DateTime ProposedAtUtc, Core.RiskAssessment.ExploitationRiskLevel? Level, int Version);

    public IReadOnlyList<Proposal> Waiting { get; private set; } = [];
    public string Me => User.ToActor().UserId;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostApproveAsync(Guid listingId, int version, CancellationToken ct) =>
        DecideAsync(listingId, version, (listing, level) => listing.ApproveRemoval(Me, level, lists.Now), "Removal approved: it is on the register", ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid listingId, int version, CancellationToken ct) =>
        DecideAsync(listingId, version, (listing, _) => listing.DeclineRemoval(Me), "Removal declined: the child stays on the list", ct);

    private async Task<IActionResult> DecideAsync(Guid listingId, int version, Action<PanelListing, Core.RiskAssessment.ExploitationRiskLevel?> decide, string done, CancellationToken ct)
    {
        ModelState.Clear();
        var listing = await db.Set<PanelListing>().SingleOrDefaultAsync(l => l.Id == listingId, ct);
        if (listing is null) return NotFound();
        var (_, refusal) = await lists.LoadChildAsync(listing.ChildId, User, PanelOperations.Chair, ct);
        if (refusal is not null) return refusal;
        try
        {
            db.Entry(listing).Property(l => l.Version).OriginalValue = version;
            decide(listing, await lists.CurrentLevelAsync(listing.ChildId, ct));
            await db.SaveChangesAsync(ct);
            TempData["Saved"] = done;
            return Redirect("/Panel/Removals");
        }
        catch (DomainRuleViolation rule)
        {
            ModelState.AddModelError("", rule.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else decided this removal since you opened the page. Nothing has been saved.");
        }
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        Waiting = await (from l in db.Set<PanelListing>().AsNoTracking()
                         where l.Status == ListingStatus.RemovalProposed
                         join c in db.Children.Where(ChildAccess.VisibleTo(actor)) on l.ChildId equals c.Id
                         join u in db.Users on l.RemovalProposedByUserId equals u.Id into us
                         from u in us.DefaultIfEmpty()
                         join p in db.Set<RiskAssessment.ChildRiskPosition>() on c.Id equals p.ChildId into ps
                         from p in ps.DefaultIfEmpty()
                         orderby l.RemovalProposedAtUtc
                         select new Proposal(l.Id, c.Id, c.FirstName + " " + c.LastName, l.RemovalCategory!.Value, l.RemovalRationale!,
                             u == null ? "" : u.DisplayName, l.RemovalProposedByUserId!, l.RemovalProposedAtUtc!.Value, p == null ? null : p.Level, l.Version))
            .Take(100).ToListAsync(ct);
    }
}
