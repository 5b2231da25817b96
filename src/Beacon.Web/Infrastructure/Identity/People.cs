using Microsoft.EntityFrameworkCore;
using Beacon.Core.Access;
using Beacon.Web.Infrastructure.Data;

namespace Beacon.Web.Infrastructure.Identity;

/// <summary>An account as other pages show it: name, team and the organisation the person works for.</summary>
public sealed class Person
{
    public string Id { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string? Team { get; init; }
    public Guid OrganisationId { get; init; }
    public string OrganisationName { get; init; } = "";
    public Agency Kind { get; init; }
}

public static class PeopleQueries
{
    /// <summary>
    /// Every account with its organisation, as one query the database can filter and page. The organisation is read per
    /// person rather than joined: a list that left-joins its authors to a join of two tables makes SQLite build every
    /// account in Beacon first, for every page; one table it looks up by key.
    /// </summary>
    public static IQueryable<Person> People(this BeaconDbContext db) =>
        from user in db.Users
        select new Person
        {
            Id = user.Id,
            DisplayName = user.DisplayName,
            Team = user.Team,
            OrganisationId = user.OrganisationId,
            OrganisationName = db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Name).First(),
            Kind = db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Kind).First(),
        };
}

/// <summary>Any account as an <see cref="Actor"/>, as it would be when signed in, so domain rules can be asked about it.</summary>
public sealed class AccountActors(BeaconDbContext db)
{
    public async Task<Actor?> ActorAsync(string userId, CancellationToken ct)
    {
        var person = await db.People().SingleOrDefaultAsync(p => p.Id == userId, ct);
        if (person is null) return null;
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where userRole.UserId == userId
                           select role.Name!).ToListAsync(ct);
        var areas = await db.OrganisationAreas.Where(a => a.OrganisationId == person.OrganisationId).Select(a => a.AreaId).ToListAsync(ct);
        return new Actor(person.Id, person.DisplayName, person.Kind, roles.ToHashSet(), person.OrganisationId, areas);
    }
}
