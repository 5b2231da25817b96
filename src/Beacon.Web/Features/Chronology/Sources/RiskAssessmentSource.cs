using Beacon.Core.Common;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Assessment = Beacon.Core.RiskAssessment.RiskAssessment;

namespace Beacon.Web.Features.Chronology.Sources;

/// <summary>Exploitation risk assessments once signed off (drafts are work in progress, not events).</summary>
public sealed class RiskAssessmentSource(BeaconDbContext db) : IChronologySource
{
    public IReadOnlyList<string> Types { get; } = [ChronologyTypes.RiskAssessment];

    public async Task<IEnumerable<ChronologyEvent>> EventsAsync(Guid childId, CancellationToken ct)
    {
        if (!db.Stores<Assessment>()) return [];
        var signedOff = await db.Set<Assessment>().AsNoTracking()
            .Where(a => a.ChildId == childId && a.SignedOffAtUtc != null)
            .Select(a => new { a.Id, a.SignedOffAtUtc, a.SignedOffByUserId, a.Level, a.Score, a.Status })
            .ToListAsync(ct);
        return signedOff.Select(a => new ChronologyEvent(a.SignedOffAtUtc!.Value, true, ChronologyTypes.RiskAssessment,
            $"Risk assessment signed off: {a.Level?.Name() ?? "level not set"}")
        {
            ByUserId = a.SignedOffByUserId,
            Detail = a.Score is { } score ? $"Score {score}" : null,
            Link = $"/RiskAssessment/{a.Id}",
            Flag = a.Status == Beacon.Core.RiskAssessment.AssessmentStatus.Withdrawn ? "Withdrawn" : null,
        });
    }
}
