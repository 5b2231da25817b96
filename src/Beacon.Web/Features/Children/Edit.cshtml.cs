using Beacon.Core.Children;
using Beacon.Core.Common;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Children;

public sealed class EditModel(ChildRecords records, BeaconDbContext db, ChildOrganisations organisations, TimeProvider clock)
    : ChildFormModel(db, organisations, clock)
{
    [FromRoute] public Guid Id { get; set; }
    public string ChildName { get; private set; } = "";
    /// <summary>The save was refused because the record changed since the form was opened.</summary>
    public bool Conflict { get; private set; }
    public override bool AsksResponsibleArea => false;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (child, refusal) = await records.LoadAsync(Id, User, ChildOperations.Edit, ct);
        if (refusal is not null) return refusal;
        Input = ChildInput.From(child!);
        ChildName = child!.FullName;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (child, refusal) = await records.LoadAsync(Id, User, ChildOperations.Edit, ct);
        if (refusal is not null) return refusal;
        ChildName = child!.FullName;
        var details = Input.ToDetails(ModelState, nameof(Input), Today);
        await CheckReferencesAsync(ct);
        if (details is not null && ModelState.IsValid)
        {
            // The version the form was based on: if anyone saved since, the update matches no row and is refused.
            Db.Entry(child).Property(c => c.Version).OriginalValue = Input.Version;
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
                Conflict = true;
                ModelState.AddModelError("", "Someone else changed this record since you opened it. Your changes have not been saved.");
                // The next save is checked against the version now on file.
                Input.Version = await Db.Children.AsNoTracking().Where(c => c.Id == Id).Select(c => c.Version).SingleAsync(ct);
            }
            catch (DomainRuleViolation rule)
            {
                AddRefusal(rule);
            }
        }
        await LoadChoicesAsync(ct);
        return Page();
    }
}
