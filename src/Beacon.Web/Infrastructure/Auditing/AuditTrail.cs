using Beacon.Core.Audit;
using Beacon.Core.Children;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;

namespace Beacon.Web.Infrastructure.Auditing;

/// <summary>Records what people look at. Changes are recorded by <see cref="AuditingInterceptor"/> on every save.</summary>
public sealed class AuditTrail(BeaconDbContext db, ICurrentActor currentActor, AuditAppender appender)
{
    public Task RecordViewAsync(Child child, string what, CancellationToken ct = default) =>
        RecordAsync(AuditAction.Viewed, nameof(Child), child.Id.ToString(), child.Id, $"Viewed {what}", ct);

    /// <summary>One view entry per child, saved together: e.g. each child named on a panel meeting's agenda.</summary>
    public Task RecordViewsAsync(IEnumerable<Guid> childIds, string what, CancellationToken ct = default)
    {
        var actor = currentActor.Actor;
        return AppendAsync(childIds.Distinct()
            .Select(id => new AuditDraft(actor.UserId, actor.Name, actor.Agency.ToString(), AuditAction.Viewed, nameof(Child), id.ToString(), id, $"Viewed {what}", null))
            .ToList(), ct);
    }

    public Task RecordAsync(AuditAction action, string entityType, string entityId, Guid? childId, string summary, CancellationToken ct = default)
    {
        var actor = currentActor.Actor;
        return AppendAsync([new AuditDraft(actor.UserId, actor.Name, actor.Agency.ToString(), action, entityType, entityId, childId, summary, null)], ct);
    }

    /// <summary>
    /// With changes of this request waiting to be saved, or a transaction of its own open, the entries go in this
    /// request's save (its transaction: the change and its record commit or fail together, and the appender never
    /// waits on a transaction that waits on it); otherwise with every other request's, through the <see cref="AuditAppender"/>.
    /// </summary>
    private async Task AppendAsync(IReadOnlyCollection<AuditDraft> drafts, CancellationToken ct)
    {
        if (drafts.Count == 0) return;
        if (db.Database.CurrentTransaction is not null || db.PendingAudit.Count > 0 || db.ChangeTracker.HasChanges())
        {
            db.PendingAudit.AddRange(drafts);
            await db.SaveChangesAsync(ct);
            return;
        }
        await appender.AppendAsync(drafts, ct);
    }
}
