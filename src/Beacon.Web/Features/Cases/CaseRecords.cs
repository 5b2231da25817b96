using System.Security.Claims;
using Beacon.Core.Cases;
using Beacon.Core.Children;
using Beacon.Core.Referrals;
using Beacon.Web.Features.Children;
using Beacon.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases;

/// <summary>
/// Loads a case or a referral together with its child, checked on the server the same way as the child's
/// record: one the user may not see answers "not found", so ids cannot be probed.
/// </summary>
public sealed class CaseRecords(BeaconDbContext db, ChildRecords children)
{
    public async Task<(Case? Case, Child? Child, IActionResult? Refusal)> LoadCaseAsync(
        Guid id, ClaimsPrincipal user, OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var found = await db.Cases
            .Include(c => c.StrategyDiscussions).Include(c => c.ReviewConferences).Include(c => c.StageHistory)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        if (found is null) return (null, null, new NotFoundResult());
        var (child, refusal) = await children.LoadAsync(found.ChildId, user, operation, ct);
        return refusal is null ? (found, child, null) : (null, null, refusal);
    }

    public async Task<(Referral? Referral, Child? Child, IActionResult? Refusal)> LoadReferralAsync(
        Guid id, ClaimsPrincipal user, OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var found = await db.Referrals.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (found is null) return (null, null, new NotFoundResult());
        var (child, refusal) = await children.LoadAsync(found.ChildId, user, operation, ct);
        return refusal is null ? (found, child, null) : (null, null, refusal);
    }

    /// <summary>The child's open case, if there is one (there is never more than one).</summary>
    public Task<Guid?> OpenCaseIdAsync(Guid childId, CancellationToken ct) =>
        db.Cases.Where(c => c.ChildId == childId && c.Stage != CaseStage.Closed).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
}
