namespace Beacon.Core.Access;

/// <summary>Who is asking: the signed-in person, their agency and roles. Access rules decide from this alone.</summary>
public sealed record Actor(string UserId, string Name, Agency Agency, IReadOnlySet<string> Roles)
{
    public bool IsIn(string role) => Roles.Contains(role);
    public bool IsPractitioner => BeaconRoles.Practitioners.Any(Roles.Contains);
}
