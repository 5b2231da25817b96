using Beacon.Core.Access;
using Beacon.Core.Cases;
using Beacon.Core.RiskAssessment;
using Beacon.Core.Referrals;

namespace Beacon.Core.Tests.Cases;

internal static class CaseTestData
{
    // Referral received Wednesday 20 March 2024, just before Easter.
    public static readonly DateTime ReceivedAtUtc = new(2024, 3, 20, 9, 0, 0, DateTimeKind.Utc);
    public static readonly DateOnly ReceivedOn = new(2024, 3, 20);

    public static DateOnly D(string s) => DateOnly.Parse(s);
    public static DateTime Utc(string s) => DateTime.SpecifyKind(DateTime.Parse(s), DateTimeKind.Utc);

    public static StrategyDiscussionAttendee[] PoliceAndSocialCare =>
    [
        new("DS Amber Fictional", Agency.Police, "police-1"),
        new("Sam Example", Agency.ChildrensSocialCare, "sw-1"),
        new("Nurse Imaginary", Agency.Health),
    ];

    public static Referral DecidedReferral(TriageOutcome outcome = TriageOutcome.StrategyDiscussion)
    {
        var referral = Referral.Raise(Guid.NewGuid(), "outreach-1", Agency.YouthOutreach, "Seen with older men late at night.",
            ReceivedAtUtc.AddDays(-2), ReceivedAtUtc, SharingBasis.ConsentGiven);
        referral.RecordDecision(outcome, "sw-1", ReceivedAtUtc.AddHours(2), outcome == TriageOutcome.NoFurtherAction ? "r" : null);
        return referral;
    }

    public static Case NewCase() => Case.OpenFromReferral(DecidedReferral(), "sw-1", ReceivedAtUtc.AddHours(3));

    public static Case AtStrategyDiscussion(string on = "2024-03-21")
    {
        var c = NewCase();
        c.HoldStrategyDiscussion(D(on), PoliceAndSocialCare, "sw-1");
        return c;
    }

    public static Case AtSection47(string discussion = "2024-03-21", string started = "2024-03-22")
    {
        var c = AtStrategyDiscussion(discussion);
        c.StartSection47Enquiry(D(started), "sw-1");
        return c;
    }

    public static Case AtAssessment(string started = "2024-03-21")
    {
        var c = NewCase();
        c.StartAssessment(D(started), "sw-1");
        return c;
    }

    public static Case AtInitialConference(string on = "2024-04-10")
    {
        var c = AtSection47();
        c.HoldInitialConference(D(on), "sw-1");
        return c;
    }

    public static Case OnChildProtectionPlan(string conference = "2024-04-10")
    {
        var c = AtInitialConference(conference);
        c.StartPlan(PlanKind.ChildProtection, D(conference), "sw-1");
        return c;
    }

    public static Case OnChildInNeedPlan()
    {
        var c = AtAssessment();
        c.StartPlan(PlanKind.ChildInNeed, D("2024-04-15"), "sw-1");
        return c;
    }

    public static Case AtReview()
    {
        var c = OnChildProtectionPlan();
        c.HoldReviewConference(D("2024-07-01"), "sw-1", Beacon.Core.Timescales.StatutoryTimescales.EnglandAndWales);
        return c;
    }

    public static Case Closed()
    {
        var c = AtAssessment();
        c.RequestClosure("Family moved to another area; case transferred.", "sw-1", Utc("2024-04-01T10:00:00"));
        c.ApproveClosure("tm-1", Utc("2024-04-02T10:00:00"), ExploitationRiskLevel.AtRisk);
        return c;
    }
}
