using Beacon.Core.Audit;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Children;

[Authorize(Policy = Policies.Auditor)]
public sealed class AccessHistoryModel(ChildRecords records, BeaconDbContext db, AuditTrail audit) : PageModel
{
    public string ChildName { get; private set; } = "";
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (child, refusal) = await records.LoadAsync(id, User, ChildOperations.ViewAccessHistory, ct);
        if (refusal is not null) return refusal;
        ChildName = child!.IsRestricted ? "Restricted record" : child.FullName;
        Entries = await db.AuditEntries.AsNoTracking().Where(e => e.ChildId == id).OrderByDescending(e => e.Sequence).Take(500).ToListAsync(ct);
        // Looking at who looked is itself looked at.
        await audit.RecordViewAsync(child, "access history", ct);
        return Page();
    }
}
