using Beacon.Core.Access;
using Beacon.Core.Audit;
using Beacon.Core.Children;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Children;

[Authorize(Policy = Policies.SeesChildRecords)]
public sealed class IndexModel(ChildRecords records, AuditTrail audit, Infrastructure.Data.BeaconDbContext db) : PageModel
{
    public const int MaxResults = 50;

    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public DateInput DateOfBirth { get; set; } = new();
    public IReadOnlyList<ChildSearchResult> Results { get; private set; } = [];
    public bool Searched { get; private set; }
    public bool MayCreate => ChildAccess.MayCreate(User.ToActor());

    public sealed record ChildSearchResult(Guid Id, string FirstName, string LastName, DateOnly DateOfBirth, bool IsLookedAfter, bool IsRestricted, IEnumerable<string> Aliases);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Each word typed, folded as names are stored for search; the longest (most telling) first.
        var terms = (Name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => ChildNameToken.Words(t.Replace("-", "")).FirstOrDefault()).OfType<string>().Distinct()
            .OrderByDescending(t => t.Length).ToList();
        DateOnly? dateOfBirth = null;
        if (!DateOfBirth.IsEmpty)
        {
            if (DateOfBirth.TryRead("date of birth", out var date, out var error)) dateOfBirth = date;
            else ModelState.AddModelError(nameof(DateOfBirth), error);
        }
        if (Name?.Length > Child.NameMaxLength * 2) ModelState.AddModelError(nameof(Name), "Name must be 200 characters or fewer");
        if (!ModelState.IsValid || (terms.Count == 0 && dateOfBirth is null)) return Page();

        Results = await Search(terms, dateOfBirth).ToListAsync(ct);
        Searched = true;
        await audit.RecordAsync(AuditAction.Viewed, "ChildSearch", "-", null,
            $"Searched children for name '{Name}'{(dateOfBirth is { } d ? $" born {d:yyyy-MM-dd}" : "")}: {Results.Count} shown", ct);
        return Page();
    }

    private IQueryable<ChildSearchResult> Search(List<string> terms, DateOnly? dateOfBirth)
    {
        var query = records.VisibleTo(User);
        if (dateOfBirth is { } dob) query = query.Where(c => c.DateOfBirth == dob);
        // Every word typed must start a word of the first name, last name or a current alias. The name words are
        // indexed, so the longest term picks its children by an index range and the others are checked on those.
        var tokens = db.Set<ChildNameToken>();
        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            var after = ChildNameToken.UpperBound(term);
            var matching = tokens.Where(t => t.Token.CompareTo(term) >= 0 && t.Token.CompareTo(after) < 0);
            query = i == 0
                ? query.Where(c => matching.Select(t => t.ChildId).Contains(c.Id))
                : query.Where(c => matching.Any(t => t.ChildId == c.Id));
        }
        return query.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).Take(MaxResults)
            .Select(c => new ChildSearchResult(c.Id, c.FirstName, c.LastName, c.DateOfBirth, c.IsLookedAfter, c.IsRestricted,
                c.Aliases.Where(a => a.WithdrawnAtUtc == null).Select(a => a.Name).ToList()));
    }
}
