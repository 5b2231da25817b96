using Beacon.Core.Whistleblowing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Concerns;

/// <summary>The independent chair's list of confidential concerns, leaving out any that name them.</summary>
[Authorize]
public sealed class IndexModel(BeaconDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Reference, DateTime RaisedAtUtc, ConcernStatus Status, bool Anonymous, string? AssignedToUserId, int Messages, bool RaiserWaiting);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        if (!ConcernAccess.Handles(actor)) return Forbid();
        var me = actor.UserId;
        Rows = await db.Set<ConfidentialConcern>().AsNoTracking()
            .Where(c => !EF.Property<List<ConcernNamedPerson>>(c, "_named").Any(n => n.UserId == me))
            .OrderBy(c => c.Status).ThenByDescending(c => c.RaisedAtUtc)
            .Select(c => new Row(c.Id, c.Reference, c.RaisedAtUtc, c.Status, c.RaisedByUserId == null, c.AssignedToUserId,
                EF.Property<List<ConcernMessage>>(c, "_messages").Count(),
                EF.Property<List<ConcernMessage>>(c, "_messages").OrderByDescending(m => m.SentAtUtc).Select(m => (bool?)m.FromRaiser).FirstOrDefault() == true))
            .Take(500).ToListAsync(ct);
        return Page();
    }
}
