using Beacon.Core.Access;
using Beacon.Core.RiskAssessment;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Beacon.Web.Features.RiskAssessment;

/// <summary>
/// Risk across the children the user may see: counts by level, children with no assessment or an overdue one
/// (by agency and team), and looked-after children at serious risk.
/// </summary>
[Authorize(Policy = Policies.SeesChildRecords)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Web.RequestLimits.HeavyReport)]
public sealed class IndexModel(RiskOverview overview, TimeProvider clock) : PageModel
{
    /// <summary>Only children this agency is involved with.</summary>
    [BindProperty(SupportsGet = true)] public Agency? Agency { get; set; }
    /// <summary>Only children whose key worker is in this team.</summary>
    [BindProperty(SupportsGet = true)] public string? Team { get; set; }
    /// <summary>Only the children the person key-works (from My work's "risk assessments due" list).</summary>
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }

    [BindProperty(SupportsGet = true)] public int DuePage { get; set; } = 1;
    /// <summary>How the children needing an assessment are sorted.</summary>
    [BindProperty(SupportsGet = true)] public RiskListOrder Sort { get; set; } = RiskListOrder.LongestOverdue;
    [BindProperty(SupportsGet = true)] public int LookedAfterPage { get; set; } = 1;

    public Paged<ChildRisk> NeedAssessment { get; private set; } = new([], 1, 1, 0);
    public Paged<ChildRisk> LookedAfterSerious { get; private set; } = new([], 1, 1, 0);
    public IReadOnlyList<(ExploitationRiskLevel? Level, int Count)> Counts { get; private set; } = [];
    public IReadOnlyList<string> Teams { get; private set; } = [];
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Teams = await overview.KeyWorkerTeamsAsync(ct);
        var filter = new RiskOverview.Filter(Agency, Team, Mine ? User.ToActor().UserId : null);
        var summary = await overview.SummaryAsync(User, filter, ct);
        Counts = summary.Counts;
        NeedAssessment = await overview.NeedingAssessmentAsync(User, filter, DuePage, summary, ct,
            Enum.IsDefined(Sort) ? Sort : RiskListOrder.LongestOverdue);
        LookedAfterSerious = await overview.LookedAfterAtSeriousRiskAsync(User, filter, LookedAfterPage, summary, ct);
    }

    public IEnumerable<SelectListItem> AgencyItems() => GovUkChoices.Of<Agency>("All agencies", a => a != Core.Access.Agency.SafeguardingBoard);

    public static IEnumerable<SelectListItem> SortItems() => GovUkChoices.Of<RiskListOrder>();

    public IEnumerable<SelectListItem> TeamItems() =>
        new[] { new SelectListItem("All teams", "") }.Concat(Teams.Select(t => new SelectListItem(t, t)));
}
