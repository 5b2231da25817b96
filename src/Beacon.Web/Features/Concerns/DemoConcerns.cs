using Beacon.Core.Access;
using Beacon.Core.Whistleblowing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;

namespace Beacon.Web.Features.Concerns;

/// <summary>The demo's confidential concern, fictional: raised anonymously, with the independent chair's first question.</summary>
internal static class DemoConcerns
{
    public static void Seed(BeaconDbContext db, Func<string, Agency, BeaconUser> user, DateTime now)
    {
        var chair = user(BeaconRoles.IndependentChair, Agency.SafeguardingBoard);
        var (concern, _) = ConfidentialConcern.Raise(
            "At a team meeting we were told not to record the ethnicity of the men seen with the girls, because it would 'cause problems'. " +
            "I think it means we cannot see that the same group is involved in several cases. (Fictional demo concern.)",
            "A team meeting in the (fictional) locality team", null, now.AddDays(-6));
        concern.Assign(chair.Id, chair.Id);
        concern.Answer("Thank you for raising this. Can you tell me roughly when the meeting was, and whether it was said more than once? You do not need to say who you are.",
            chair.Id, now.AddDays(-5));
        db.Add(concern);
    }
}
