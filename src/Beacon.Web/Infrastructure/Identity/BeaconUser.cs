using Beacon.Core.Access;
using Microsoft.AspNetCore.Identity;

namespace Beacon.Web.Infrastructure.Identity;

/// <summary>An account. Every account belongs to one agency; roles are Identity roles named by <see cref="BeaconRoles"/>.</summary>
public class BeaconUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public Agency Agency { get; set; }
    /// <summary>Team within the agency, used for team managers' caseload views.</summary>
    public string? Team { get; set; }
}
