namespace Beacon.Core.Access;

/// <summary>Role names held by accounts (ASP.NET Core Identity roles carry these strings).</summary>
public static class BeaconRoles
{
    public const string SocialWorker = "SocialWorker";
    public const string TeamManager = "TeamManager";
    public const string PoliceOfficer = "PoliceOfficer";
    public const string IntelligenceAnalyst = "IntelligenceAnalyst";
    public const string OutreachWorker = "OutreachWorker";
    /// <summary>Health and education designated safeguarding leads.</summary>
    public const string SafeguardingLead = "SafeguardingLead";
    public const string PanelChair = "PanelChair";
    public const string BoardMember = "BoardMember";
    public const string Auditor = "Auditor";
    public const string Administrator = "Administrator";
    /// <summary>The safeguarding board's independent chair: receives confidential concerns about practice, outside anyone's line management.</summary>
    public const string IndependentChair = "IndependentChair";

    public static readonly IReadOnlyList<string> All =
    [
        SocialWorker, TeamManager, PoliceOfficer, IntelligenceAnalyst, OutreachWorker,
        SafeguardingLead, PanelChair, BoardMember, Auditor, Administrator, IndependentChair,
    ];

    /// <summary>Roles that work with children directly and may record or change their information.</summary>
    public static readonly IReadOnlyList<string> Practitioners =
    [
        SocialWorker, TeamManager, PoliceOfficer, IntelligenceAnalyst, OutreachWorker, SafeguardingLead, PanelChair,
    ];

    public static string DisplayName(string role) => role switch
    {
        SocialWorker => "Social worker",
        TeamManager => "Team manager",
        PoliceOfficer => "Police officer",
        IntelligenceAnalyst => "Intelligence analyst",
        OutreachWorker => "Outreach worker",
        SafeguardingLead => "Safeguarding lead",
        PanelChair => "Panel chair",
        BoardMember => "Board member",
        Auditor => "Auditor",
        Administrator => "Administrator",
        IndependentChair => "Independent chair of the board",
        _ => role,
    };
}
