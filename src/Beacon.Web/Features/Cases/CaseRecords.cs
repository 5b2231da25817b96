using System.Security.Claims;
using Beacon.Core.Cases;
using Beacon.Core.Children;
using Beacon.Core.Referrals;
using Beacon.Web.Features.Children;
using Beacon.Core.Access;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases;

/// <summary>
/// Loads a case or a referral together with its child, and checks the operation on the server: one whose child
/// the user may not see answers "not found", so ids cannot be probed; one they may see but not act on, "forbidden".
/// </summary>
public sealed class CaseRecords(BeaconDbContext db, ChildRecords children, IAuthorizationService authorization)
{
    public async Task<(Case? Case, Child? Child, IActionResult? Refusal)> LoadCaseAsync(
        Guid id, ClaimsPrincipal user, OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var found = await db.Cases
            .Include(c => c.StrategyDiscussions).Include(c => c.ReviewConferences).Include(c => c.StageHistory)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        if (found is null) return (null, null, new NotFoundResult());
        var (child, refusal) = await children.LoadAsync(found.ChildId, user, ChildOperations.View, ct);
        if (refusal is not null) return (null, null, refusal);
        return await MayAsync(user, found, child!, operation) ? (found, child, null) : (null, null, new ForbidResult());
    }

    public async Task<(Referral? Referral, Child? Child, IActionResult? Refusal)> LoadReferralAsync(
        Guid id, ClaimsPrincipal user, OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var found = await db.Referrals.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (found is null) return (null, null, new NotFoundResult());
        var (child, refusal) = await children.LoadAsync(found.ChildId, user, ChildOperations.View, ct);
        if (refusal is not null) return (null, null, refusal);
        return await MayAsync(user, found, child!, operation) ? (found, child, null) : (null, null, new ForbidResult());
    }

    /// <summary>May the user do this to the record (a case or a referral) about this child?</summary>
    public async Task<bool> MayAsync<TRecord>(ClaimsPrincipal user, TRecord record, Child child, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(user, new OnChild<TRecord>(child, record), operation)).Succeeded;

    /// <summary>The child's open case, if there is one (there is never more than one).</summary>
    public Task<Guid?> OpenCaseIdAsync(Guid childId, CancellationToken ct) =>
        db.Cases.Where(c => c.ChildId == childId && c.Stage != CaseStage.Closed).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
}
