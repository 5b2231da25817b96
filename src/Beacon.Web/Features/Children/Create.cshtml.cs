using Beacon.Core.Children;
using Beacon.Core.Common;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Beacon.Web.Features.Children;

[Authorize(Policy = Policies.Practitioner)]
public sealed class CreateModel(BeaconDbContext db, ChildOrganisations organisations, TimeProvider clock) : ChildFormModel(db, organisations, clock)
{
    [BindProperty] public string? Alias { get; set; }
    [BindProperty] public AddressInput Address { get; set; } = new();

    public sealed class AddressInput
    {
        public string? Line1 { get; set; }
        public string? Town { get; set; }
        public string? Postcode { get; set; }
        public DateInput From { get; set; } = new();
        public bool IsEmpty => string.IsNullOrWhiteSpace(Line1) && string.IsNullOrWhiteSpace(Town) && string.IsNullOrWhiteSpace(Postcode) && From.IsEmpty;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear(); // every rule below is Beacon's own, with its own wording
        var details = Input.ToDetails(ModelState, nameof(Input), Today);
        await CheckReferencesAsync(ct);
        if (details is not null && ModelState.IsValid)
        {
            var actor = User.ToActor();
            try
            {
                var child = await NewChildAsync(details, actor, ct);
                if (!string.IsNullOrWhiteSpace(Alias)) child.AddAlias(Alias, Now);
                if (!Address.IsEmpty)
                {
                    if (!Address.From.TryRead("date they moved in", out var from, out var error))
                        throw new DomainRuleViolation(error, "Address.From");
                    child.MoveTo(Address.Line1 ?? "", Address.Town ?? "", Address.Postcode ?? "", from, Today);
                }
                if (ModelState.IsValid)
                {
                    Db.Children.Add(child);
                    await Db.SaveChangesAsync(ct);
                    return Redirect($"/Children/{child.Id}");
                }
            }
            catch (DomainRuleViolation rule)
            {
                AddRefusal(rule, field => field switch
                {
                    "Alias" => nameof(Alias),
                    "Line1" or "Town" or "Postcode" or "From" => $"Address.{field}",
                    _ when field.StartsWith("Address.") => field,
                    _ => null,
                });
            }
        }
        await LoadChoicesAsync(ct);
        return Page();
    }
}
