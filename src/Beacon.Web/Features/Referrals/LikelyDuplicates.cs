using Beacon.Core.Access;
using Beacon.Core.Children;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Referrals;

/// <summary>
/// Children who may be the one being referred, found by name, alias and date of birth before a new
/// record is made. The person sees the matches they are allowed to see; of the others they learn only
/// that a record may already exist at Children's Social Care, so the front door can link them.
/// </summary>
public sealed class LikelyDuplicates(BeaconDbContext db)
{
    public const int MaxShown = 20;

    public sealed record Match(Guid Id, string FirstName, string LastName, DateOnly DateOfBirth, IReadOnlyList<string> Aliases);

    public sealed record Result(IReadOnlyList<Match> Visible, bool OthersMayExist)
    {
        public bool Any => Visible.Count > 0 || OthersMayExist;
    }

    public async Task<Result> FindAsync(Actor actor, string? firstName, string? lastName, string? alias, DateOnly? dateOfBirth, CancellationToken ct)
    {
        var first = (firstName ?? "").Trim().ToLowerInvariant();
        var last = (lastName ?? "").Trim().ToLowerInvariant();
        var other = (alias ?? "").Trim().ToLowerInvariant();
        if (first.Length == 0 && last.Length == 0 && other.Length == 0 && dateOfBirth is null) return new([], false);

        var visibleQuery = Matching(db.Children.Where(ChildAccess.VisibleTo(actor)), first, last, other, dateOfBirth);
        var visible = await visibleQuery
            .OrderBy(c => c.SortName).Take(MaxShown)
            .Select(c => new Match(c.Id, c.FirstName, c.LastName, c.DateOfBirth,
                c.Aliases.Where(a => a.WithdrawnAtUtc == null).Select(a => a.Name).ToList()))
            .ToListAsync(ct);
        // Counting is all that is asked of the records this person may not see.
        var othersMayExist = await Matching(db.Children, first, last, other, dateOfBirth).CountAsync(ct) > await visibleQuery.CountAsync(ct);
        return new(visible, othersMayExist);
    }

    /// <summary>
    /// Same date of birth and any of the names (first, last or alias) in common, or the same first and
    /// last name whatever the date of birth (dates are often recorded wrongly). Case-insensitive.
    /// </summary>
    private static IQueryable<Child> Matching(IQueryable<Child> children, string first, string last, string alias, DateOnly? dateOfBirth)
    {
        var names = new[] { first, alias }.Where(n => n.Length > 0).ToList();
        return children.Where(c =>
            (dateOfBirth != null && c.DateOfBirth == dateOfBirth
                && (c.LastName.ToLower() == last || names.Contains(c.FirstName.ToLower())
                    || c.Aliases.Any(a => a.WithdrawnAtUtc == null && (names.Contains(a.Name.ToLower()) || a.Name.ToLower() == last))))
            || (first.Length > 0 && last.Length > 0 && c.FirstName.ToLower() == first && c.LastName.ToLower() == last)
            || (last.Length > 0 && c.LastName.ToLower() == last && c.Aliases.Any(a => a.WithdrawnAtUtc == null && names.Contains(a.Name.ToLower()))));
    }
}
