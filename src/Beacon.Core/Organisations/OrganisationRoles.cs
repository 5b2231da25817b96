using Beacon.Core.Access;

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
        [Agency.SafeguardingBoard] = [BeaconRoles.BoardMember, BeaconRoles.Auditor, BeaconRoles.Administrator, BeaconRoles.PanelChair],
    };

    public static IReadOnlyList<string> For(Agency kind) => Allowed.TryGetValue(kind, out var roles) ? roles : [];

    public static bool MayHold(Agency kind, string role) => For(kind).Contains(role);
}
