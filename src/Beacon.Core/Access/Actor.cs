namespace Beacon.Core.Access;

/// <summary>
/// Who is asking: the signed-in person, the organisation they work for (its kind, and the areas it serves)
/// and their roles. Access rules decide from this alone.
/// </summary>
public sealed record Actor(string UserId, string Name, Agency Agency, IReadOnlySet<string> Roles)
{
    public Actor(string userId, string name, Agency agency, IReadOnlySet<string> roles, Guid organisationId, IReadOnlyCollection<Guid> areaIds)
        : this(userId, name, agency, roles)
    {
        OrganisationId = organisationId;
        AreaIds = areaIds.ToList();
    }

    /// <summary>The organisation the person works for.</summary>
    public Guid OrganisationId { get; init; }
    /// <summary>The local authority areas their organisation serves.</summary>
    public IReadOnlyList<Guid> AreaIds { get; init; } = [];

    public bool IsIn(string role) => Roles.Contains(role);
    public bool IsPractitioner => BeaconRoles.Practitioners.Any(Roles.Contains);
    public bool Serves(Guid areaId) => AreaIds.Contains(areaId);
}
