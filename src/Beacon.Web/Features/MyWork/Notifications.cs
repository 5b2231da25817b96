using Beacon.Core.Access;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.MyWork;

/// <summary>
/// What a person's organisation has been told (for example, a child placed in its area) and nobody there has
/// marked seen yet, on the work list of everyone there who may see the child.
/// </summary>
public sealed class Notifications(BeaconDbContext db, TimeProvider clock)
{
    public const int Shown = 50;

    public sealed record Item(Guid Id, Guid ChildId, string ChildName, string Message, DateTime CreatedAtUtc);

    public async Task<IReadOnlyList<Item>> UnseenAsync(Actor actor, CancellationToken ct) =>
        await (from n in db.WorkNotifications
               join c in db.Children.Where(ChildAccess.VisibleTo(actor)) on n.ChildId equals c.Id
               where n.OrganisationId == actor.OrganisationId && n.SeenAtUtc == null
               orderby n.CreatedAtUtc descending
               select new Item(n.Id, c.Id, c.FirstName + " " + c.LastName, n.Message, n.CreatedAtUtc))
            .Take(Shown).ToListAsync(ct);

    /// <summary>Marks one of the person's organisation's notifications seen; false if it is not theirs to mark.</summary>
    public async Task<bool> MarkSeenAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var notification = await (from n in db.WorkNotifications
                                   join c in db.Children.Where(ChildAccess.VisibleTo(actor)) on n.ChildId equals c.Id
                                   where n.Id == id && n.OrganisationId == actor.OrganisationId
                                   select n).SingleOrDefaultAsync(ct);
        if (notification is null) return false;
        notification.MarkSeen(actor.UserId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
