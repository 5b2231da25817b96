using Beacon.Core.Children;
using Beacon.Core.Common;
using Beacon.Web.Features.Children;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Beacon.Web.Features.Referrals;

/// <summary>
/// Raise a concern about a child with no record yet. Before the record is made, likely duplicates are
/// shown and the person must say none of them is the child.
/// </summary>
[Authorize(Policy = Policies.Practitioner)]
public sealed class NewChildModel(BeaconDbContext db, ChildOrganisations organisations, LikelyDuplicates duplicates, TimeProvider clock)
    : ChildFormModel(db, organisations, clock), IConcernForm
{
    [BindProperty] public string? Alias { get; set; }
    [BindProperty] public ConcernInput Concern { get; set; } = new();
    /// <summary>Ticked once the person has seen the possible matches and says none is the child.</summary>
    [BindProperty] public bool NoneOfTheseIsTheChild { get; set; }
    public LikelyDuplicates.Result? Matches { get; private set; }

    public async Task OnGetAsync(string? firstName, string? lastName, CancellationToken ct)
    {
        Input.FirstName = firstName;
        Input.LastName = lastName;
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var details = Input.ToDetails(ModelState, nameof(Input), Today);
        await CheckReferencesAsync(ct);
        var actor = User.ToActor();
        // The concern is checked against a placeholder id so every problem is reported at once.
        Concern.TryRaise(ModelState, nameof(Concern), null, actor, Now, details?.DateOfBirth);
        if (details is not null && ModelState.IsValid)
        {
            Matches = await duplicates.FindAsync(actor, details.FirstName, details.LastName, Alias, details.DateOfBirth, ct);
            if (Matches.Any && !NoneOfTheseIsTheChild)
            {
                ModelState.AddModelError(nameof(NoneOfTheseIsTheChild),
                    "This child may already have a record. Raise the concern on their record, or confirm none of these is the child");
            }
            else
            {
                try
                {
                    var child = await NewChildAsync(details, actor, ct);
                    if (!string.IsNullOrWhiteSpace(Alias)) child.AddAlias(Alias, Now);
                    var referral = Concern.TryRaise(ModelState, nameof(Concern), child, actor, Now);
                    if (referral is not null)
                    {
                        Db.Children.Add(child);
                        Db.Referrals.Add(referral);
                        await Db.SaveChangesAsync(ct);
                        TempData["Saved"] = $"Your referral about {child.FullName} has been sent to Children's Social Care";
                        return Redirect("/Referrals");
                    }
                }
                catch (DomainRuleViolation rule)
                {
                    AddRefusal(rule, field => field == "Alias" ? nameof(Alias) : null);
                }
            }
        }
        await LoadChoicesAsync(ct);
        return Page();
    }
}
