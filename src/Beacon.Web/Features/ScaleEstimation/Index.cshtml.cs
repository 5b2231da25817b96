using Beacon.Core.ScaleEstimation;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.ScaleEstimation;

/// <summary>The true scale: every estimate made, newest first, and (for analysts) the lists imported to make them.</summary>
[Authorize]
public sealed class IndexModel(ScaleEstimations estimations, Infrastructure.Data.BeaconDbContext db) : PageModel
{
    public sealed record RunRow(Guid Id, DateTime StartedAtUtc, DateOnly PeriodFrom, DateOnly PeriodTo, int Records, long? Observed, double? Estimate, double? Lower, double? Upper, bool Estimated, string? Refusal, string SourcesJson)
    {
        public string Lists => string.Join("; ", ScaleEstimations.Sources(SourcesJson).Select(s => s.Name));
    }
    public sealed record ListRow(Guid Id, string Name, string HeldBy, DateOnly CoversFrom, DateOnly CoversTo, int Entries, DateTime ImportedAtUtc);

    public IReadOnlyList<RunRow> Runs { get; private set; } = [];
    public IReadOnlyList<ListRow> Lists { get; private set; } = [];
    public bool MayLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        if (!ScaleEstimationAccess.SeesResults(actor)) return Forbid();
        MayLink = ScaleEstimationAccess.MayLink(actor);
        Runs = await estimations.Visible(actor).AsNoTracking().OrderByDescending(r => r.StartedAtUtc).Take(100)
            .Select(r => new RunRow(r.Id, r.StartedAtUtc, r.PeriodFrom, r.PeriodTo, r.Records, r.Observed, r.Estimate, r.Lower, r.Upper, r.EstimatedAtUtc != null, r.Refusal, r.SourcesJson))
            .ToListAsync(ct);
        if (MayLink)
            Lists = await db.Set<ImportedList>().AsNoTracking().Where(l => l.OrganisationId == actor.OrganisationId).OrderByDescending(l => l.ImportedAtUtc).Take(100)
                .Select(l => new ListRow(l.Id, l.Name, l.HeldBy, l.CoversFrom, l.CoversTo, l.Entries, l.ImportedAtUtc)).ToListAsync(ct);
        return Page();
    }
}
