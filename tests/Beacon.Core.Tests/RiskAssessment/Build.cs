using Beacon.Core.Access;
using Assessment = Beacon.Core.RiskAssessment.RiskAssessment;

namespace Beacon.Core.Tests.RiskAssessment;

/// <summary>Test data: fictional users and a fixed clock.</summary>
internal static class Build
{
    public static readonly DateTime T0 = new(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc);
    public static readonly Guid ChildId = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public const string Author = "worker-ada";
    public const string OtherWorker = "worker-bram";

    public static Actor Manager(string userId = "manager-cleo") =>
        new(userId, "Cleo Manager", Agency.ChildrensSocialCare, new HashSet<string> { BeaconRoles.TeamManager });

    public static Actor Worker(string userId = OtherWorker) =>
        new(userId, "Bram Worker", Agency.ChildrensSocialCare, new HashSet<string> { BeaconRoles.SocialWorker });

    public static Assessment DraftFor(Guid childId, DateTime startedAt) => Assessment.Start(childId, Author, startedAt);

    /// <summary>A draft with these indicators ticked, each with evidence from the police.</summary>
    public static Assessment Draft(params string[] codes)
    {
        var assessment = DraftFor(ChildId, T0);
        foreach (var code in codes)
            assessment.TickIndicator(code, Agency.Police, $"Evidence for {code}", Author, T0);
        return assessment;
    }

    public static Assessment SignedOff(DateTime at, Guid? childId = null, Assessment? previous = null, params string[] codes)
    {
        var assessment = DraftFor(childId ?? ChildId, at.AddHours(-1));
        foreach (var code in codes)
            assessment.TickIndicator(code, Agency.Health, "Seen at clinic", Author, at.AddHours(-1));
        assessment.SignOff(Author, at, Beacon.Core.RiskAssessment.ScoringPolicy.Default, previous);
        return assessment;
    }
}
