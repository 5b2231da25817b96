using Beacon.Core.Access;
using Beacon.Core.Children;
using Beacon.Core.Common;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Beacon.Web.Features.Children;

/// <summary>
/// Loads one child's record for an operation, checked on the server: a record that does not exist and a
/// record the user may not see both answer "not found" to a stranger, so ids cannot be probed.
/// </summary>
public sealed class ChildRecords(BeaconDbContext db, IAuthorizationService authorization, Infrastructure.Auditing.AuditTrail audit)
{
    public async Task<(Child? Child, IActionResult? Refusal)> LoadAsync(Guid id, ClaimsPrincipal user, OperationAuthorizationRequirement operation, CancellationToken ct = default)
    {
        // The whole record, in two queries of two short lists each (one query per list cost a command each on every page
        // about a child; all four in one would return every combination of them): first what the access rules ask
        // (organisations involved, grants), then, for someone allowed, the aliases and addresses, which EF adds to the
        // child it already tracks.
        var child = await db.Children.Include(c => c.Involvements).Include(c => c.AccessGrants).AsSingleQuery()
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        if (child is null) return (null, new NotFoundResult());
        if ((await authorization.AuthorizeAsync(user, child, operation)).Succeeded)
        {
            await db.Children.Where(c => c.Id == id).Include(c => c.Aliases).Include(c => c.Addresses).AsSingleQuery().LoadAsync(ct);
            return (child, null);
        }
        // Someone who may see the record but not do this gets "forbidden"; anyone else learns nothing. Either way
        // the attempt is on the child's audit trail.
        var mayView = (await authorization.AuthorizeAsync(user, child, ChildOperations.View)).Succeeded;
        await audit.RecordAsync(Core.Audit.AuditAction.AccessRefused, nameof(Child), child.Id.ToString(), child.Id,
            $"Refused: {operation.Name.Replace("ChildOperation.", "").ToLowerInvariant()} of a child's record", ct);
        return (null, mayView ? new ForbidResult() : new NotFoundResult());
    }

    public IQueryable<Child> VisibleTo(ClaimsPrincipal user) => db.Children.Where(ChildAccess.VisibleTo(user.ToActor()));

    /// <summary>
    /// Loads the child for an operation on one kind of record about them (a note, the panel listing, …): "not found"
    /// when the person may not see the child, "forbidden" when they may see but not do this.
    /// </summary>
    public async Task<(Child? Child, IActionResult? Refusal)> LoadForAsync<TRecord>(Guid childId, ClaimsPrincipal user, OperationAuthorizationRequirement operation, CancellationToken ct)
        where TRecord : class
    {
        var (child, refusal) = await LoadAsync(childId, user, ChildOperations.View, ct);
        if (refusal is not null) return (null, refusal);
        return await MayAsync<TRecord>(user, child!, null, operation) ? (child, null) : (null, new ForbidResult());
    }

    /// <summary>May the person do this to a record (or, with null, a new record) of this kind about the child?</summary>
    public async Task<bool> MayAsync<TRecord>(ClaimsPrincipal user, Child child, TRecord? record, OperationAuthorizationRequirement operation) where TRecord : class =>
        (await authorization.AuthorizeAsync(user, new OnChild<TRecord?>(child, record), operation)).Succeeded;
}

/// <summary>The child's details as typed into the add and change forms.</summary>
public sealed class ChildInput
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public DateInput DateOfBirth { get; set; } = new();
    public Gender? Gender { get; set; }
    public Ethnicity? Ethnicity { get; set; }
    public string? School { get; set; }
    public bool IsLookedAfter { get; set; }
    public string? Placement { get; set; }
    public bool PlacedOutOfArea { get; set; }
    /// <summary>The area a looked-after child is placed in, when it uses Beacon.</summary>
    public Guid? HostAreaId { get; set; }
    public string? KeyWorkerUserId { get; set; }
    /// <summary>The local authority responsible for the child (asked when the record is made).</summary>
    public Guid? ResponsibleAreaId { get; set; }
    /// <summary>Organisations working with the child: their practitioners see the record.</summary>
    public List<Guid> Organisations { get; set; } = [];
    public int Version { get; set; }

    public static ChildInput From(Child child) => new()
    {
        FirstName = child.FirstName,
        LastName = child.LastName,
        DateOfBirth = DateInput.From(child.DateOfBirth),
        Gender = child.Gender,
        Ethnicity = child.Ethnicity,
        School = child.School,
        IsLookedAfter = child.IsLookedAfter,
        Placement = child.Placement,
        PlacedOutOfArea = child.PlacedOutOfArea,
        HostAreaId = child.HostAreaId,
        KeyWorkerUserId = child.KeyWorkerUserId,
        ResponsibleAreaId = child.ResponsibleAreaId,
        Organisations = child.CurrentInvolvements.Select(i => i.OrganisationId).ToList(),
        Version = child.Version,
    };

    /// <summary>Reads the form into domain details; problems go into ModelState beside their fields.</summary>
    public ChildDetails? ToDetails(ModelStateDictionary modelState, string prefix, DateOnly today)
    {
        // Messages are added in the order the fields appear on the page, as the GOV.UK error summary expects.
        var typed = new ChildDetails(FirstName ?? "", LastName ?? "", today.AddYears(-10), default, default, School, IsLookedAfter, Placement);
        foreach (var field in new[] { "FirstName", "LastName" }) AddRuleError(typed, field, modelState, prefix, today);
        if (!DateOfBirth.TryRead("date of birth", out var dateOfBirth, out var dateError))
            modelState.AddModelError($"{prefix}.DateOfBirth", dateError);
        if (Gender is null) modelState.AddModelError($"{prefix}.Gender", "Select the child's gender, or 'Not recorded'");
        if (Ethnicity is null) modelState.AddModelError($"{prefix}.Ethnicity", "Select the child's ethnicity, or 'Not recorded' or 'Refused'");
        foreach (var field in new[] { "School", "Placement" }) AddRuleError(typed, field, modelState, prefix, today);
        if (!modelState.IsValid) return null;

        var details = new ChildDetails(FirstName ?? "", LastName ?? "", dateOfBirth, Gender!.Value, Ethnicity!.Value,
            School, IsLookedAfter, Placement, PlacedOutOfArea, KeyWorkerUserId, PlacedOutOfArea ? HostAreaId : null);
        try { details.Validate(today); }
        catch (DomainRuleViolation rule) { modelState.AddModelError(rule.Field is null ? "" : $"{prefix}.{rule.Field}", rule.Message); }
        return modelState.IsValid ? details : null;
    }

    /// <summary>Runs the domain's validation on one typed field alone (the others made valid) and keeps its complaint.</summary>
    private static void AddRuleError(ChildDetails typed, string field, ModelStateDictionary modelState, string prefix, DateOnly today)
    {
        var valid = new ChildDetails("x", "x", typed.DateOfBirth, default, default);
        var only = field switch
        {
            "FirstName" => valid with { FirstName = typed.FirstName },
            "LastName" => valid with { LastName = typed.LastName },
            "School" => valid with { School = typed.School },
            _ => valid with { Placement = typed.Placement },
        };
        try { only.Validate(today); }
        catch (DomainRuleViolation rule) when (rule.Field == field) { modelState.AddModelError($"{prefix}.{field}", rule.Message); }
        catch (DomainRuleViolation) { }
    }

    public static IEnumerable<SelectListItem> GenderItems() =>
        Enum.GetValues<Gender>().Select(g => new SelectListItem(g.Name(), g.ToString()));

    /// <summary>Ethnicity grouped as the ONS lists it; "not recorded" is offered last, never preselected.</summary>
    public static IEnumerable<SelectListItem> EthnicityItems()
    {
        var groups = new Dictionary<string, SelectListGroup>();
        var items = new List<SelectListItem> { new("Select ethnicity", "") };
        foreach (var e in Enum.GetValues<Ethnicity>().OrderBy(e => e is Core.Children.Ethnicity.NotRecorded or Core.Children.Ethnicity.Refused))
        {
            var groupName = e.Group() ?? "";
            if (!groups.TryGetValue(groupName, out var group)) groups[groupName] = group = new SelectListGroup { Name = groupName };
            items.Add(new SelectListItem(e.Name(), e.ToString()) { Group = group });
        }
        return items;
    }

}
