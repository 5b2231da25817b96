using Beacon.Core.Access;
using Beacon.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.RiskAssessment;

/// <summary>
/// The multi-agency CSE panel's list: every child whose current assessment is significant or serious risk.
/// Worked out from the assessments each time (PanelList.BelongsOnPanelList), never a flag someone sets, so a
/// signed-off assessment puts a child on it at once and a lower one takes them off.
/// </summary>
[Authorize(Policy = Policies.Practitioner)]
public sealed class PanelModel(RiskOverview overview, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public Paged<ChildRisk> Children { get; private set; } = new([], 1, 1, 0);
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Children = await overview.PanelListAsync(User, PageNumber, ct);
    }
}
