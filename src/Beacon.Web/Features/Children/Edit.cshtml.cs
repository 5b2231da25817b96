using Microsoft.AspNetCore.Authorization;
using Beacon.Core.Children;
using Beacon.Core.Common;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Children;

public sealed class EditModel(ChildRecords records, BeaconDbContext db, ChildOrganisations organisations, Infrastructure.Auditing.AuditTrail audit,
    IAuthorizationService authorization, TimeProvider clock)
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
    /// <summary>The record as this form first showed it, so a conflict can tell this person's changes from the other's.</summary>
    [BindProperty] public string? Base { get; set; }
    /// <summary>Where the versions differ: the field, as it was, the other person's value (on file now) and this person's.</summary>
    public IReadOnlyList<(string Field, string Before, string Theirs, string Mine)> Differences { get; private set; } = [];

    public static readonly IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> ResolutionItems =
    [
        new("Keep the record as it is now (discard my changes)", "Theirs"),
        new("Save my changes, shown below on top of theirs", "Mine"),
    ];
    public override bool AsksResponsibleArea => false;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (child, refusal) = await records.LoadAsync(Id, User, ChildOperations.Edit, ct);
        if (refusal is not null) return refusal;
        Input = ChildInput.From(child!);
        Base = Snapshot(Input);
        ManagesCare = await MayManageCareAsync(child!);
        ChildName = child!.FullName;
        await audit.RecordViewAsync(child, "child's record, to change it", ct);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        // The snapshot is the form's own; anything else in it did not come from this form.
        if (!string.IsNullOrEmpty(Base) && Read(Base) is null) return BadRequest();
        var (child, refusal) = await records.LoadAsync(Id, User, ChildOperations.Edit, ct);
        if (refusal is not null) return refusal;
        ChildName = child!.FullName;
        ManagesCare = await MayManageCareAsync(child);
        if (!ManagesCare)
        {
            // Looked-after status, placement and involvements stay as the responsible authority set them, whatever is posted.
            var kept = ChildInput.From(child);
            (Input.IsLookedAfter, Input.Placement, Input.PlacedOutOfArea, Input.HostAreaId) = (kept.IsLookedAfter, kept.Placement, kept.PlacedOutOfArea, kept.HostAreaId);
            Input.Organisations = kept.Organisations;
        }
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
                if (ManagesCare) await Organisations.ApplyTickedAsync(child, Input.Organisations, Now, endUnticked: true, ct);
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
    /// Puts this person's changes (the fields they changed from what their form first showed) on top of the
    /// version now on file, shows what each person changed, and asks them to choose. Fields only the other person
    /// changed keep the other person's value, so choosing "mine" never silently undoes someone else's work.
    /// </summary>
    private async Task<IActionResult> ShowConflictAsync(Child current, CancellationToken ct)
    {
        ModelState.Clear();
        Conflict = true;
        ConflictVersion = current.Version;
        Resolution = null;
        await LoadChoicesAsync(ct);
        var offered = OrganisationItems.Select(i => Guid.Parse(i.Value)).ToHashSet();
        var theirs = ChildInput.From(current);
        theirs.Organisations = theirs.Organisations.Where(offered.Contains).ToList();
        var before = Read(Base) ?? theirs;
        before.Organisations = before.Organisations.Where(offered.Contains).ToList();
        var mine = Input;
        mine.Organisations = mine.Organisations.Where(offered.Contains).ToList();
        var merged = Read(Snapshot(theirs))!;
        var rows = new List<(string, string, string, string)>();
        foreach (var field in Fields)
        {
            string Show(ChildInput i) => field.Show(i, this);
            var iChanged = Show(mine) != Show(before);
            var theyChanged = Show(theirs) != Show(before);
            if (iChanged) field.Copy(mine, merged);
            if (iChanged || theyChanged) rows.Add((field.Label, Show(before), Show(theirs), Show(mine)));
        }
        merged.Version = Input.Version;
        Input = merged;
        Base = Snapshot(theirs);
        Differences = rows;
        ModelState.AddModelError(nameof(Resolution), "Someone else changed this record since you opened it. Nothing has been saved: check both sets of changes below and choose which to keep");
        return Page();
    }

    private async Task<bool> MayManageCareAsync(Child child) =>
        (await authorization.AuthorizeAsync(User, child, ChildOperations.ManageCareAndInvolvement)).Succeeded;

    private sealed record Field(string Label, Func<ChildInput, EditModel, string> Show, Action<ChildInput, ChildInput> Copy);

    private string Choice(IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> items, string? value) =>
        items.FirstOrDefault(i => i.Value == (value ?? ""))?.Text ?? value ?? "";

    private static readonly Field[] Fields =
    [
        new("First name", (i, _) => (i.FirstName ?? "").Trim(), (f, t) => t.FirstName = f.FirstName),
        new("Last name", (i, _) => (i.LastName ?? "").Trim(), (f, t) => t.LastName = f.LastName),
        new("Date of birth", (i, _) => $"{i.DateOfBirth.Day}/{i.DateOfBirth.Month}/{i.DateOfBirth.Year}", (f, t) => t.DateOfBirth = f.DateOfBirth),
        new("Gender", (i, _) => i.Gender?.Name() ?? "", (f, t) => t.Gender = f.Gender),
        new("Ethnicity", (i, _) => i.Ethnicity?.Name() ?? "", (f, t) => t.Ethnicity = f.Ethnicity),
        new("School or college", (i, _) => (i.School ?? "").Trim(), (f, t) => t.School = f.School),
        new("Looked after", (i, _) => i.IsLookedAfter ? "Yes" : "No", (f, t) => t.IsLookedAfter = f.IsLookedAfter),
        new("Placement", (i, _) => (i.Placement ?? "").Trim(), (f, t) => t.Placement = f.Placement),
        new("Placed out of area", (i, m) => i.PlacedOutOfArea ? m.Choice(m.HostAreaItems, i.HostAreaId?.ToString()) : "No",
            (f, t) => { t.PlacedOutOfArea = f.PlacedOutOfArea; t.HostAreaId = f.HostAreaId; }),
        new("Key worker", (i, m) => m.Choice(m.KeyWorkerItems, i.KeyWorkerUserId), (f, t) => t.KeyWorkerUserId = f.KeyWorkerUserId),
        new("Organisations working with the child", (i, m) => string.Join(", ", i.Organisations.Select(o => m.Choice(m.OrganisationItems, o.ToString())).Order()),
            (f, t) => t.Organisations = f.Organisations.ToList()),
    ];

    private static string Snapshot(ChildInput input) =>
        Convert.ToBase64String(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(input));

    private static ChildInput? Read(string? snapshot)
    {
        try { return string.IsNullOrEmpty(snapshot) ? null : System.Text.Json.JsonSerializer.Deserialize<ChildInput>(Convert.FromBase64String(snapshot)); }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException) { return null; }
    }
}
