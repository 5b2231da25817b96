using Beacon.Core.Access;
using Beacon.Core.Children;
using Beacon.Core.ScaleEstimation;
using Beacon.Core.ScaleEstimation.Linkage;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;

namespace Beacon.Web.Features.ScaleEstimation;

/// <summary>
/// Three fictional agencies' lists for the demo analyst, each holding some of Northgate's demo children (written down
/// a little differently, as another agency would) and children Beacon has never seen, so an estimate can be made at once.
/// </summary>
internal static class DemoScaleEstimation
{
    public static void Seed(BeaconDbContext db, Func<string, Agency, BeaconUser> user, IReadOnlyList<Child> children, DateTime now)
    {
        var analyst = user(BeaconRoles.IntelligenceAnalyst, Agency.Police);
        var today = DateOnly.FromDateTime(now);
        var synthetic = new SyntheticLists(2026);
        (string Name, string HeldBy, int Every, int Others)[] lists =
        [
            ("Detached youth work caseload", "Riverside Youth Project (fictional)", 2, 40),
            ("Young people seen with concerns", "Northgate Sexual Health Service (fictional)", 3, 30),
            ("Missing from school, exploitation concerns", "Northgate schools' attendance team (fictional)", 4, 25),
        ];
        var others = Enumerable.Range(0, 60).Select(_ => synthetic.Person()).ToList();
        for (var l = 0; l < lists.Length; l++)
        {
            var (name, heldBy, every, count) = lists[l];
            var people = children.Where((_, i) => i % every == l % every)
                .Select(c => synthetic.Retyped(new ListedPerson(c.FirstName, c.LastName, [], c.DateOfBirth, c.Gender == Gender.Female ? "F" : c.Gender == Gender.Male ? "M" : null, null, null), 0.5))
                .Concat(others.Skip(l * 10).Take(count).Select(p => synthetic.Retyped(p, 0.5))).ToList();
            var id = Guid.NewGuid();
            var entries = people.Select((p, i) => ImportedListEntry.Read(id, i + 2, $"{heldBy[..3].ToUpperInvariant()}-{1000 + i}", p.GivenName, p.Surname,
                string.Join(';', p.Aliases), p.DateOfBirth?.ToString("yyyy-MM-dd"), p.Sex, p.Postcode, p.NhsNumber, today).Entry).OfType<ImportedListEntry>().ToList();
            db.Add(ImportedList.Import(id, name, heldBy, today.AddYears(-1).AddDays(1), today, "demo.csv", new string('0', 64), entries.Count, analyst.OrganisationId, analyst.Id, now));
            db.AddRange(entries);
        }
    }
}
