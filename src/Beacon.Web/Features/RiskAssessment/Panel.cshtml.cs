using Beacon.Core.Access;
using Microsoft.AspNetCore.Authorization;
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
    public IReadOnlyList<ChildRisk> Children { get; private set; } = [];
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Children = (await overview.ForVisibleChildrenAsync(User, ct))
            .Where(c => c.OnPanelList)
            .OrderByDescending(c => c.Level).ThenBy(c => c.Name).ToList();
    }
}
