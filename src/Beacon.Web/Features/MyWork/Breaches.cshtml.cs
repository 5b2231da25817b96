using Beacon.Core.Access;
using Beacon.Core.Timescales;
using Beacon.Web.Features.Cases;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.MyWork;

/// <summary>Every timescale breach (who, what, by how long), counted by step: late work is never invisible.</summary>
[Authorize(Policy = Policies.SeesTimescaleBreaches)]
public sealed class BreachesModel(Workload workload) : PageModel
{
    public IReadOnlyList<Workload.Breach> Breaches { get; private set; } = [];
    public IReadOnlyList<(StatutoryStep Step, int Overdue, int Late)> Counts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        Breaches = await workload.BreachesAsync(actor, ct);
        Counts = Breaches.GroupBy(b => b.Timescale.Step).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count(b => b.Timescale.State == TimescaleState.Overdue), g.Count(b => b.Timescale.State == TimescaleState.MetLate)))
            .ToList();
        return Page();
    }
}
