using Beacon.Core.Access;
using Beacon.Core.Children;
using Beacon.Core.Common;
using Beacon.Core.Notifications;
using Beacon.Core.Organisations;
using Beacon.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Children;

/// <summary>
/// The organisations and areas around a child's record: the choices the forms offer, the organisations ticked
/// on a form, and who must be told when a looked-after child is placed in another area.
/// </summary>
public sealed class ChildOrganisations(BeaconDbContext db)
{
    /// <summary>
    /// Organisations a practitioner can tick as working with the child. Children's Social Care sees children by
    /// area and the board by aggregates, so neither is ticked here.
    /// </summary>
    public async Task<IReadOnlyList<SelectListItem>> InvolvementChoicesAsync(CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind != Agency.ChildrensSocialCare && o.Kind != Agency.SafeguardingBoard)
            .OrderBy(o => o.Kind).ThenBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(ct);
        return organisations.Select(o => new SelectListItem($"{o.Name} ({o.Kind.Name()})", o.Id.ToString())).ToList();
    }

    public async Task<IReadOnlyList<SelectListItem>> AreaChoicesAsync(string placeholder, CancellationToken ct) =>
        [new SelectListItem(placeholder, ""), .. (await db.Areas.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .Select(a => new SelectListItem(a.Name, a.Id.ToString()))];

    public Task<bool> AreaExistsAsync(Guid id, CancellationToken ct) => db.Areas.AnyAsync(a => a.Id == id, ct);

    /// <summary>
    /// Makes the child's involvements match the organisations ticked (among those a form offers). An unknown
    /// organisation is refused, not stored.
    /// </summary>
    public async Task ApplyTickedAsync(Child child, IReadOnlyCollection<Guid> ticked, DateTime nowUtc, bool endUnticked, CancellationToken ct)
    {
        var offered = await db.Organisations
            .Where(o => o.Kind != Agency.ChildrensSocialCare && o.Kind != Agency.SafeguardingBoard)
            .ToListAsync(ct);
        if (ticked.Except(offered.Select(o => o.Id)).Any())
            throw new DomainRuleViolation("Select organisations from the list", "Organisations");
        foreach (var organisation in offered.Where(o => ticked.Contains(o.Id))) child.Involve(organisation, nowUtc);
        if (!endUnticked) return;
        foreach (var organisation in offered.Where(o => !ticked.Contains(o.Id) && child.IsInvolved(o.Id)))
            child.EndInvolvement(organisation.Id, nowUtc);
    }

    /// <summary>
    /// After a save that may have placed the child in another area: the host area's Children's Social Care and
    /// police are involved, and each is told on its work list.
    /// </summary>
    public async Task InformHostAreaAsync(Child child, Guid? hostAreaBefore, DateTime nowUtc, CancellationToken ct)
    {
        if (child.HostAreaId is not { } host || host == hostAreaBefore) return;
        var serving = await db.Organisations.Include(o => o.Areas).Where(o => o.Areas.Any(a => a.AreaId == host)).ToListAsync(ct);
        var areaName = await db.Areas.Where(a => a.Id == host).Select(a => a.Name).SingleAsync(ct);
        var responsible = await db.Areas.Where(a => a.Id == child.ResponsibleAreaId).Select(a => a.Name).SingleAsync(ct);
        foreach (var organisation in child.InvolveHostAreaServices(serving, nowUtc))
            db.WorkNotifications.Add(WorkNotification.To(organisation.Id, child.Id,
                $"A looked-after child of {responsible} has been placed in {areaName}. Children placed away from home are at raised risk of exploitation: check what your services know of them.", nowUtc));
    }
}
