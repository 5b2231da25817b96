using Beacon.Core.Access;
using Beacon.Core.RiskAssessment;
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
public sealed class IndexModel(RiskOverview overview, TimeProvider clock) : PageModel
{
    /// <summary>Only children this agency is involved with.</summary>
    [BindProperty(SupportsGet = true)] public Agency? Agency { get; set; }
    /// <summary>Only children whose key worker is in this team.</summary>
    [BindProperty(SupportsGet = true)] public string? Team { get; set; }

    public IReadOnlyList<ChildRisk> Children { get; private set; } = [];
    public IReadOnlyList<ChildRisk> NeedAssessment { get; private set; } = [];
    public IReadOnlyList<ChildRisk> LookedAfterSerious { get; private set; } = [];
    public IReadOnlyList<(ExploitationRiskLevel? Level, int Count)> Counts { get; private set; } = [];
    public IReadOnlyList<string> Teams { get; private set; } = [];
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await overview.ForVisibleChildrenAsync(User, ct);
        Teams = all.Select(c => c.KeyWorkerTeam).Where(t => t is not null).Cast<string>().Distinct().Order().ToList();
        Children = all
            .Where(c => Agency is null || c.Agencies.Contains(Agency.Value))
            .Where(c => string.IsNullOrEmpty(Team) || string.Equals(c.KeyWorkerTeam, Team, StringComparison.OrdinalIgnoreCase))
            .ToList();
        NeedAssessment = Children.Where(c => c.IsOverdue(Now))
            .OrderBy(c => c.Due.Reason == ReassessmentReason.NoAssessment ? 1 : 0).ThenBy(c => c.Due.DueAtUtc).ThenBy(c => c.Name).ToList();
        LookedAfterSerious = Children.Where(c => c.IsLookedAfter && c.Level == ExploitationRiskLevel.Serious).ToList();
        Counts = Enum.GetValues<ExploitationRiskLevel>().Reverse().Select(l => ((ExploitationRiskLevel?)l, Children.Count(c => c.Level == l)))
            .Append((null, Children.Count(c => c.Level is null))).ToList();
    }

    public IEnumerable<SelectListItem> AgencyItems() =>
        new[] { new SelectListItem("All agencies", "") }.Concat(Enum.GetValues<Agency>().Where(a => a != Core.Access.Agency.SafeguardingBoard)
            .Select(a => new SelectListItem(Core.Common.EnumDisplay.Name(a), a.ToString())));

    public IEnumerable<SelectListItem> TeamItems() =>
        new[] { new SelectListItem("All teams", "") }.Concat(Teams.Select(t => new SelectListItem(t, t)));
}
