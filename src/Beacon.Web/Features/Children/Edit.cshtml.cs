using Beacon.Core.Children;
using Beacon.Core.Common;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Children;

public sealed class EditModel(ChildRecords records, BeaconDbContext db, ChildOrganisations organisations, Infrastructure.Auditing.AuditTrail audit, TimeProvider clock)
    : ChildFormModel(db, organisations, clock)
{
    [FromRoute] public Guid Id { get; set; }
    public string ChildName { get; private set; } = "";
    /// <summary>The save was refused because the record changed since the form was opened.</summary>
    public bool Conflict { get; private set; }
    /// <summary>After a conflict: the version the person has now seen beside their own changes.</summary>
    [BindProperty] public int? ConflictVersion { get; set; }
    /// <summary>After a conflict the person must choose: "Mine" saves their changes over the other person's, "Theirs" keeps the record as it is.</summary>
    [BindProperty] public string? Resolution { get; set; }
    /// <summary>Where the two versions differ: the field, the value on file now, and this person's value.</summary>
    public IReadOnlyList<(string Field, string Theirs, string Mine)> Differences { get; private set; } = [];

    public static readonly IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> ResolutionItems =
    [
        new("Keep the record as it is now (discard my changes)", "Theirs"),
        new("Save my changes below over theirs", "Mine"),
    ];
    public override bool AsksResponsibleArea => false;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (child, refusal) = await records.LoadAsync(Id, User, ChildOperations.Edit, ct);
        if (refusal is not null) return refusal;
        Input = ChildInput.From(child!);
        ChildName = child!.FullName;
        await audit.RecordViewAsync(child, "child's record, to change it", ct);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (child, refusal) = await records.LoadAsync(Id, User, ChildOperations.Edit, ct);
        if (refusal is not null) return refusal;
        ChildName = child!.FullName;
        if (Input.Version != child.Version)
        {
            // Someone saved since this form was opened. Saving anyway needs the person to have seen both versions
            // (the conflict page, for exactly the version now on file) and chosen theirs over the other.
            if (Resolution == "Theirs")
            {
                TempData["Saved"] = "Your changes were not saved. This is the record as it now stands.";
                return Redirect($"/Children/{Id}");
            }
            if (Resolution != "Mine" || ConflictVersion != child.Version)
                return await ShowConflictAsync(child, ct);
        }
        var details = Input.ToDetails(ModelState, nameof(Input), Today);
        await CheckReferencesAsync(ct);
        if (details is not null && ModelState.IsValid)
        {
            // The form was based on the version just loaded (checked above); if anyone saves before this does, the
            // update matches no row and is refused.
            var hostBefore = child.HostAreaId;
            try
            {
                child.UpdateDetails(details, Today);
                await Organisations.ApplyTickedAsync(child, Input.Organisations, Now, endUnticked: true, ct);
                await Organisations.InformHostAreaAsync(child, hostBefore, Now, ct);
                await Db.SaveChangesAsync(ct);
                TempData["Saved"] = "Details saved";
                return Redirect($"/Children/{Id}");
            }
            catch (DbUpdateConcurrencyException)
            {
                Db.ChangeTracker.Clear();
                var (current, _) = await records.LoadAsync(Id, User, ChildOperations.Edit, ct);
                return current is null ? NotFound() : await ShowConflictAsync(current, ct);
            }
            catch (DomainRuleViolation rule)
            {
                AddRefusal(rule);
            }
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    /// <summary>
    /// Shows both versions side by side and asks the person to choose; their own input stays in the form. The
    /// version they were editing is kept, so pressing Save again without choosing is refused again.
    /// </summary>
    private async Task<IActionResult> ShowConflictAsync(Child current, CancellationToken ct)
    {
        ModelState.Clear();
        Conflict = true;
        ConflictVersion = current.Version;
        Resolution = null;
        await LoadChoicesAsync(ct);
        var theirs = ChildInput.From(current);
        string Choice(IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> items, string? value) =>
            items.FirstOrDefault(i => i.Value == (value ?? ""))?.Text ?? value ?? "";
        string Names(IEnumerable<Guid> ids) => string.Join(", ", ids.Order().Select(id => Choice(OrganisationItems, id.ToString())));
        string Date(Infrastructure.GovUk.DateInput d) => $"{d.Day}/{d.Month}/{d.Year}";
        Differences = new (string Field, string Theirs, string Mine)[]
        {
            ("First name", theirs.FirstName ?? "", Input.FirstName ?? ""),
            ("Last name", theirs.LastName ?? "", Input.LastName ?? ""),
            ("Date of birth", Date(theirs.DateOfBirth), Date(Input.DateOfBirth)),
            ("Gender", theirs.Gender?.ToString() ?? "", Input.Gender?.ToString() ?? ""),
            ("Ethnicity", theirs.Ethnicity?.ToString() ?? "", Input.Ethnicity?.ToString() ?? ""),
            ("School or college", theirs.School ?? "", Input.School ?? ""),
            ("Looked after", theirs.IsLookedAfter ? "Yes" : "No", Input.IsLookedAfter ? "Yes" : "No"),
            ("Placement", theirs.Placement ?? "", Input.Placement ?? ""),
            ("Placed out of area", theirs.PlacedOutOfArea ? Choice(HostAreaItems, theirs.HostAreaId?.ToString()) : "No",
                Input.PlacedOutOfArea ? Choice(HostAreaItems, Input.HostAreaId?.ToString()) : "No"),
            ("Key worker", Choice(KeyWorkerItems, theirs.KeyWorkerUserId), Choice(KeyWorkerItems, Input.KeyWorkerUserId)),
            ("Organisations working with the child", Names(theirs.Organisations), Names(Input.Organisations)),
        }.Where(d => !string.Equals(d.Theirs.Trim(), d.Mine.Trim(), StringComparison.Ordinal)).ToList();
        ModelState.AddModelError(nameof(Resolution), "Someone else changed this record since you opened it. Nothing has been saved: compare the two versions and choose which to keep");
        return Page();
    }
}
