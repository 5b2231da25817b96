using Microsoft.AspNetCore.Identity;

namespace Beacon.Web.Infrastructure.Identity;

/// <summary>
/// An account. Every account belongs to one organisation, whose kind decides which roles it may hold; roles are
/// Identity roles named by <see cref="Core.Access.BeaconRoles"/>. Accounts are disabled, never deleted.
/// </summary>
public class BeaconUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public Guid OrganisationId { get; set; }
    /// <summary>Team within the organisation, used for team managers' caseload views.</summary>
    public string? Team { get; set; }
    /// <summary>A disabled account cannot sign in, and its sessions end; it stays on file with its history.</summary>
    public bool IsDisabled { get; set; }
}
