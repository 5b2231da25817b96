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

    /// <summary>
    /// The concern form for a child with no record, with what was searched for carried over (the first word as the
    /// first name, the rest as the last), so a worried practitioner is never left with only "Add a child".
    /// </summary>
    public string NewChildConcernUrl()
    {
        var words = (Name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var query = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder();
        // A reference searched for is no name to carry.
        if (Core.Common.RecordReference.TryRead(Name, out _)) words = [];
        if (words.Length > 0) query.Add("firstName", words[0]);
        if (words.Length > 1) query.Add("lastName", string.Join(' ', words[1..]));
        if (!string.IsNullOrWhiteSpace(DateOfBirth.Day)) query.Add("day", DateOfBirth.Day.Trim());
        if (!string.IsNullOrWhiteSpace(DateOfBirth.Month)) query.Add("month", DateOfBirth.Month.Trim());
        if (!string.IsNullOrWhiteSpace(DateOfBirth.Year)) query.Add("year", DateOfBirth.Year.Trim());
        return "/Referrals/NewChild" + query.ToQueryString();
    }

    /// <summary>A referral or case found by the reference typed, on a child the person may see.</summary>
    public sealed record FoundRecord(string Reference, string Kind, string Url, Guid ChildId);
    public IReadOnlyList<FoundRecord> FoundByReference { get; private set; } = [];

    public sealed record ChildSearchResult(Guid Id, string FirstName, string LastName, DateOnly DateOfBirth, bool IsLookedAfter, bool IsRestricted, IEnumerable<string> Aliases);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is { } described)
            await audit.RecordAsync(AuditAction.Viewed, "ChildSearch", "-", null, $"{described}: {Results.Count} shown", ct);
        return Page();
    }

    /// <summary>The children the search shows, as CSV (the same search, the same cap): audited as an export.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is not { } described) return Page();
        await audit.RecordAsync(AuditAction.Exported, "ChildSearch", "-", null, $"Downloaded as CSV: {described}: {Results.Count} children", ct);
        return await Infrastructure.Web.CsvDownload.WriteAsync(Response, "children-search.csv",
        [
            new("Name", c => $"{c.FirstName} {c.LastName}"),
            new("Also known as", c => string.Join("; ", c.Aliases)),
            new("Date of birth", c => c.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Looked after", c => c.IsLookedAfter ? "Yes" : "No"),
            new("Restricted record", c => c.IsRestricted ? "Yes" : "No"),
        ], Results.ToAsyncEnumerable(), ct);
    }

    /// <summary>Runs the search typed (a reference, or names and a date of birth); what was searched for, or null when nothing was.</summary>
    private async Task<string?> FindAsync(CancellationToken ct)
    {
        if (Core.Common.RecordReference.TryRead(Name, out var references)) return await FindByReferenceAsync(references, ct);
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
        if (!ModelState.IsValid || (terms.Count == 0 && dateOfBirth is null)) return null;

        Results = await Search(terms, dateOfBirth).ToListAsync(ct);
        Searched = true;
        return $"Searched children for name '{Name}'{(dateOfBirth is { } d ? $" born {d:yyyy-MM-dd}" : "")}";
    }

    /// <summary>
    /// A referral's or case's reference finds its child, when the person may see the child; one they may not see is
    /// not found, so a reference tells nothing about records beyond their reach.
    /// </summary>
    private async Task<string> FindByReferenceAsync(IReadOnlyList<string> references, CancellationToken ct)
    {
        var visible = records.VisibleTo(User);
        var referralReference = references.FirstOrDefault(r => r[0] == 'R');
        var caseReference = references.FirstOrDefault(r => r[0] == 'C');
        var found = new List<FoundRecord>();
        if (referralReference is not null)
            found.AddRange(await db.Referrals.Where(r => r.Reference == referralReference && visible.Any(c => c.Id == r.ChildId))
                .Select(r => new FoundRecord(r.Reference, "Referral", "/Referrals/" + r.Id, r.ChildId)).ToListAsync(ct));
        if (caseReference is not null)
            found.AddRange(await db.Cases.Where(c => c.Reference == caseReference && visible.Any(v => v.Id == c.ChildId))
                .Select(c => new FoundRecord(c.Reference, "Case", "/Cases/" + c.Id, c.ChildId)).ToListAsync(ct));
        FoundByReference = found;
        var children = FoundByReference.Select(f => f.ChildId).Distinct().ToList();
        Results = await visible.Where(c => children.Contains(c.Id)).OrderBy(c => c.SortName)
            .Select(c => new ChildSearchResult(c.Id, c.FirstName, c.LastName, c.DateOfBirth, c.IsLookedAfter, c.IsRestricted,
                c.Aliases.Where(a => a.WithdrawnAtUtc == null).Select(a => a.Name).ToList())).ToListAsync(ct);
        Searched = true;
        return $"Searched for the reference {string.Join(" or ", references)}";
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
        return query.OrderBy(c => c.SortName).Take(MaxResults)
            .Select(c => new ChildSearchResult(c.Id, c.FirstName, c.LastName, c.DateOfBirth, c.IsLookedAfter, c.IsRestricted,
                c.Aliases.Where(a => a.WithdrawnAtUtc == null).Select(a => a.Name).ToList()));
    }
}
