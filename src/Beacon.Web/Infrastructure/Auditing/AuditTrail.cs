using Beacon.Core.Audit;
using Beacon.Core.Children;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;

namespace Beacon.Web.Infrastructure.Auditing;

/// <summary>Records what people look at. Changes are recorded by <see cref="AuditingInterceptor"/> on every save.</summary>
public sealed class AuditTrail(BeaconDbContext db, ICurrentActor currentActor)
{
    public Task RecordViewAsync(Child child, string what, CancellationToken ct = default) =>
        RecordAsync(AuditAction.Viewed, nameof(Child), child.Id.ToString(), child.Id, $"Viewed {what}", ct);

    /// <summary>One view entry per child, saved together: e.g. each child named on a panel meeting's agenda.</summary>
    public async Task RecordViewsAsync(IEnumerable<Guid> childIds, string what, CancellationToken ct = default)
    {
        var actor = currentActor.Actor;
        foreach (var id in childIds.Distinct())
            db.PendingAudit.Add(new AuditDraft(actor.UserId, actor.Name, actor.Agency.ToString(), AuditAction.Viewed, nameof(Child), id.ToString(), id, $"Viewed {what}", null));
        await db.SaveChangesAsync(ct);
    }

    public async Task RecordAsync(AuditAction action, string entityType, string entityId, Guid? childId, string summary, CancellationToken ct = default)
    {
        var actor = currentActor.Actor;
        db.PendingAudit.Add(new AuditDraft(actor.UserId, actor.Name, actor.Agency.ToString(), action, entityType, entityId, childId, summary, null));
        await db.SaveChangesAsync(ct);
    }
}
