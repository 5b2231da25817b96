using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.Referrals;

/// <summary>The first step of a referral: find the child, so a concern is added to their record rather than a new one.</summary>
[Authorize(Policy = Policies.Practitioner)]
public sealed class FindModel(LikelyDuplicates duplicates) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? FirstName { get; set; }
    [BindProperty(SupportsGet = true)] public string? LastName { get; set; }
    [BindProperty(SupportsGet = true)] public DateInput DateOfBirth { get; set; } = new();
    public LikelyDuplicates.Result? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(FirstName) && string.IsNullOrWhiteSpace(LastName) && DateOfBirth.IsEmpty) return;
        DateOnly? dateOfBirth = null;
        if (!DateOfBirth.IsEmpty)
        {
            if (DateOfBirth.TryRead("date of birth", out var date, out var error)) dateOfBirth = date;
            else { ModelState.AddModelError(nameof(DateOfBirth), error); return; }
        }
        Result = await duplicates.FindAsync(User.ToActor(), FirstName, LastName, null, dateOfBirth, ct);
    }
}
