using Beacon.Core.RiskAssessment;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.RiskAssessment;

/// <summary>
/// A child's exploitation risk level as other features need it: the level of the child's current
/// (signed-off, not superseded) assessment. Drafts do not count; no assessment means no level.
/// Callers check the user may see the child first.
/// </summary>
public sealed class RiskLevels(BeaconDbContext db)
{
    public async Task<ExploitationRiskLevel?> CurrentLevelAsync(Guid childId, CancellationToken ct = default) =>
        await db.RiskAssessments.AsNoTracking().IgnoreAutoIncludes()
            .Where(a => a.ChildId == childId && a.Status == AssessmentStatus.SignedOff)
            .OrderByDescending(a => a.SignedOffAtUtc)
            .Select(a => a.Level)
            .FirstOrDefaultAsync(ct);

    /// <summary>Current levels for several children at once (children with no current assessment are left out).</summary>
    public async Task<IReadOnlyDictionary<Guid, ExploitationRiskLevel>> CurrentLevelsAsync(IEnumerable<Guid> childIds, CancellationToken ct = default)
    {
        var ids = childIds.Distinct().ToList();
        var rows = await db.RiskAssessments.AsNoTracking().IgnoreAutoIncludes()
            .Where(a => ids.Contains(a.ChildId) && a.Status == AssessmentStatus.SignedOff && a.Level != null)
            .Select(a => new { a.ChildId, a.Level, a.SignedOffAtUtc })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.ChildId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.SignedOffAtUtc).First().Level!.Value);
    }
}
