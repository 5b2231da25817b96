using Beacon.Core.Access;
using Beacon.Core.Common;

namespace Beacon.Core.Organisations;

/// <summary>Which roles a person may hold in each kind of organisation: a school has no police officers.</summary>
public static class OrganisationRoles
{
    private static readonly IReadOnlyDictionary<Agency, IReadOnlyList<string>> Allowed = new Dictionary<Agency, IReadOnlyList<string>>
    {
        [Agency.ChildrensSocialCare] = [BeaconRoles.SocialWorker, BeaconRoles.TeamManager, BeaconRoles.PanelChair],
        [Agency.Police] = [BeaconRoles.PoliceOfficer, BeaconRoles.IntelligenceAnalyst, BeaconRoles.PanelChair],
        [Agency.YouthOutreach] = [BeaconRoles.OutreachWorker],
        [Agency.Health] = [BeaconRoles.SafeguardingLead],
        [Agency.Education] = [BeaconRoles.SafeguardingLead],
        [Agency.VoluntarySector] = [BeaconRoles.OutreachWorker, BeaconRoles.SafeguardingLead],
        [Agency.SafeguardingBoard] = [BeaconRoles.BoardMember, BeaconRoles.Auditor, BeaconRoles.Administrator, BeaconRoles.PanelChair, BeaconRoles.IndependentChair],
    };

    public static IReadOnlyList<string> For(Agency kind) => Allowed.TryGetValue(kind, out var roles) ? roles : [];

    public static bool MayHold(Agency kind, string role) => For(kind).Contains(role);

    /// <summary>
    /// The roles to give a person in this kind of organisation: at least one, each a role it may hold. Refuses
    /// with a reason about <c>Roles</c> otherwise. Returns them without repeats, in <see cref="BeaconRoles.All"/> order.
    /// </summary>
    public static IReadOnlyList<string> Require(Agency kind, IEnumerable<string>? roles)
    {
        var chosen = (roles ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Distinct().ToList();
        if (chosen.Count == 0) throw new DomainRuleViolation("Select at least one role", "Roles");
        if (chosen.FirstOrDefault(r => !BeaconRoles.All.Contains(r)) is not null)
            throw new DomainRuleViolation("Select roles from the list", "Roles");
        if (chosen.FirstOrDefault(r => !MayHold(kind, r)) is { } refused)
            throw new DomainRuleViolation(
                $"{BeaconRoles.DisplayName(refused)} is not a role in {kind.Name()} organisations. Choose from: {string.Join(", ", For(kind).Select(BeaconRoles.DisplayName))}",
                "Roles");
        return BeaconRoles.All.Where(chosen.Contains).ToList();
    }
}
