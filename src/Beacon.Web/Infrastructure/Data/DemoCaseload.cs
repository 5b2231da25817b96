using Beacon.Core.Access;
using Beacon.Core.Cases;
using Beacon.Core.Children;
using Beacon.Core.Referrals;
using Beacon.Core.RiskAssessment;
using Beacon.Core.Timescales;
using Beacon.Web.Features.Cases;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Assessment = Beacon.Core.RiskAssessment.RiskAssessment;

namespace Beacon.Web.Infrastructure.Data;

/// <summary>
/// The demo's caseload: referrals at the front door, open cases at different stages and signed-off CSE risk
/// assessments, all made through the domain's own methods so every rule holds. Everything is dated relative to
/// the clock (in England working days), so the demo shows the same picture whenever it is seeded: one referral
/// overdue for a decision, one "no further action" waiting for a manager, one assessment past 45 working days,
/// and children on the panel list. All text is invented.
/// </summary>
internal sealed class DemoCaseload(BeaconDbContext db, Dictionary<string, BeaconUser> accounts, Func<BeaconUser, Actor> actorOf, DateTime now)
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private readonly DateOnly _today = UkTime.ToUkDate(now);

    private string Worker => accounts[BeaconRoles.SocialWorker + Agency.ChildrensSocialCare].Id;
    private BeaconUser User(string role, Agency agency) => accounts[role + agency];

    public async Task SeedAsync(CancellationToken ct)
    {
        // The same children every time: the generated names come from the fixed seed.
        // Northgate's children: the demo's social worker and manager work for Northgate's Children's Social Care.
        var northgate = await db.Areas.Where(a => a.Name == DemoData.Northgate).Select(a => a.Id).SingleAsync(ct);
        var children = await db.Children.Where(c => c.ResponsibleAreaId == northgate).OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.DateOfBirth).ToListAsync(ct);
        if (children.Count < 16) return;
        SeedReferralsAndCases(children);
        SeedRiskAssessments(children);
        SeedPanelMeeting(children);
        Features.Reports.DemoReports.Seed(db, User, now);
        Features.Concerns.DemoConcerns.Seed(db, User, now);
        Features.ScaleEstimation.DemoScaleEstimation.Seed(db, User, children, now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A panel meeting held twelve days ago about the children at significant or serious risk: quorate, each child's
    /// decisions recorded, one action done and one now overdue (so its owner's manager sees it escalated). The chair
    /// issues the minutes in the demo. The police officer and the outreach worker are the panel's members.
    /// </summary>
    private void SeedPanelMeeting(IReadOnlyList<Child> children)
    {
        var chair = User(BeaconRoles.PanelChair, Agency.ChildrensSocialCare);
        var held = At(_today.AddDays(-12), 10, 0);
        var meeting = Core.Panel.PanelMeeting.Schedule(chair.OrganisationId, held, "Committee Room 2, (fictional) Northgate Civic Centre", chair.Id, held.AddDays(-14));
        foreach (var child in new[] { children[0], children[8], children[9] })
            meeting.AddToAgenda(child.Id, Core.Panel.AgendaReason.New);
        meeting.TakeAttendance(new[] { chair, User(BeaconRoles.PoliceOfficer, Agency.Police), User(BeaconRoles.OutreachWorker, Agency.YouthOutreach),
                User(BeaconRoles.SocialWorker, Agency.ChildrensSocialCare) }
            .Select(u => new Core.Panel.PanelAttendee(u.DisplayName, actorOf(u).Agency, u.OrganisationId, u.Id)), held);
        // The police officer and the outreach worker sit on the panel: they see what it needs about every child on its agendas.
        foreach (var member in new[] { User(BeaconRoles.PoliceOfficer, Agency.Police), User(BeaconRoles.OutreachWorker, Agency.YouthOutreach) })
            db.Add(Core.Panel.PanelMember.Name(chair.OrganisationId, member.Id, chair.Id, held.AddDays(-30)));
        var agenda = meeting.Agenda;
        meeting.RecordDiscussion(agenda[0].Id, "Police report a third missing episode and a find at a (fictional) hotel out of area.",
            "Keep on the list; police to visit the hotel; social worker to see the child alone this week.", chair.Id, held);
        meeting.RecordDiscussion(agenda[1].Id, "Disclosure to the outreach worker of 'paying off' lifts; the adult is not yet identified.",
            "Strategy discussion today; outreach to keep weekly contact.", chair.Id, held);
        meeting.RecordDiscussion(agenda[2].Id, "Assessment overdue; school reports two phones and an older 'boyfriend'.",
            "Reassess within a week; school to share attendance daily.", chair.Id, held);
        db.Add(meeting);

        var worker = User(BeaconRoles.SocialWorker, Agency.ChildrensSocialCare);
        var outreach = User(BeaconRoles.OutreachWorker, Agency.YouthOutreach);
        var seen = Core.Actions.AgreedAction.Agree(children[0].Id, null, Core.Actions.ActionSource.Panel, "See the child alone at home this week",
            worker.Id, worker.OrganisationId, _today.AddDays(-7), chair.Id, held, meeting.Id);
        seen.MarkDone(_today.AddDays(-9), "Seen alone at home; case note recorded the same day.", worker.Id, held.AddDays(3));
        var reassess = Core.Actions.AgreedAction.Agree(children[9].Id, null, Core.Actions.ActionSource.Panel, "Reassess the risk within a week",
            worker.Id, worker.OrganisationId, _today.AddDays(-5), chair.Id, held, meeting.Id);
        var contact = Core.Actions.AgreedAction.Agree(children[8].Id, null, Core.Actions.ActionSource.Panel, "Keep weekly contact and report back to the next panel",
            outreach.Id, outreach.OrganisationId, _today.AddDays(14), chair.Id, held, meeting.Id);
        db.AddRange(seen, reassess, contact);
    }

    /// <summary>The England working day <paramref name="workingDays"/> before today.</summary>
    private DateOnly WorkingDaysAgo(int workingDays) => Calendar.AddWorkingDays(_today, -workingDays);

    private static DateTime At(DateOnly ukDay, int hour, int minute = 0) => UkClock.ToUtc(ukDay, new TimeOnly(hour, minute));

    private Referral Raise(Child child, BeaconUser referrer, string whatWasSeen, DateTime receivedAtUtc, SharingBasis basis, string? justification = null)
    {
        var referral = Referral.Raise(child, actorOf(referrer), whatWasSeen, receivedAtUtc.AddHours(-20), receivedAtUtc, basis, justification);
        db.Referrals.Add(referral);
        return referral;
    }

    private Case Open(Referral referral, TriageOutcome outcome, DateTime decidedAtUtc)
    {
        referral.RecordDecision(outcome, Worker, decidedAtUtc);
        // As the front door does: the case opens at the decision and is allocated to the worker.
        var opened = Case.OpenFromReferral(referral, Worker, decidedAtUtc);
        opened.Allocate(Worker);
        db.Cases.Add(opened);
        return opened;
    }

    private StrategyDiscussionAttendee[] Attendees(params (string Role, Agency Agency)[] others) =>
        new[] { (Role: BeaconRoles.PoliceOfficer, Agency: Agency.Police), (Role: BeaconRoles.SocialWorker, Agency: Agency.ChildrensSocialCare) }
            .Concat(others)
            .Select(o => User(o.Role, o.Agency))
            .Select(u => new StrategyDiscussionAttendee(u.DisplayName, actorOf(u).Agency, u.Id))
            .ToArray();

    private void SeedReferralsAndCases(IReadOnlyList<Child> children)
    {
        var outreach = User(BeaconRoles.OutreachWorker, Agency.YouthOutreach);
        var police = User(BeaconRoles.PoliceOfficer, Agency.Police);
        var health = User(BeaconRoles.SafeguardingLead, Agency.Health);
        var school = User(BeaconRoles.SafeguardingLead, Agency.Education);

        // Waiting at the front door: one just in, one due today, one overdue.
        Raise(children[4], outreach,
            "Seen by the outreach team at the (fictional) Northgate bus station late at night with two adult men who left quickly when approached.",
            now.AddMinutes(-95), SharingBasis.ConsentGiven);
        Raise(children[5], health,
            "Attended the (fictional) Riverside clinic for emergency contraception; would not say who they had been with and had a new phone.",
            At(WorkingDaysAgo(1), 16, 45), SharingBasis.ConsentRefusedSharingJustified,
            "Declined consent; sharing is needed to protect them from possible exploitation.");
        Raise(children[6], police,
            "Found in a car parked behind a (fictional) takeaway on Mill Lane at 01:30 with an adult driver not known to the family.",
            At(WorkingDaysAgo(3), 9, 40), SharingBasis.LegalDuty, "Police duty to share information about a child at risk of harm.");

        // No further action proposed, waiting for a team manager.
        var nfa = Raise(children[7], school,
            "Teacher overheard talk of a party at an adult's flat; on follow-up the party was a supervised family birthday (demo example).",
            At(WorkingDaysAgo(1), 10, 30), SharingBasis.ConsentGiven);
        nfa.RecordDecision(TriageOutcome.NoFurtherAction, Worker, At(WorkingDaysAgo(1), 15, 0),
            "Parent and school confirmed the event was a supervised family party; no exploitation concern found.");

        // Section 47 enquiry under way after a strategy discussion; the initial conference is due in a few working days.
        var s47Referral = Raise(children[8], outreach,
            "Told an outreach worker they are 'paying off' an older man in (fictional) Eastfield for lifts and cigarettes.",
            At(WorkingDaysAgo(10), 9, 15), SharingBasis.ConsentNotSoughtWouldIncreaseRisk,
            "Asking their family first could alert the adult involved.");
        var s47 = Open(s47Referral, TriageOutcome.StrategyDiscussion, At(WorkingDaysAgo(10), 13, 0));
        s47.HoldStrategyDiscussion(WorkingDaysAgo(9), Attendees((BeaconRoles.OutreachWorker, Agency.YouthOutreach)), Worker);
        s47.StartSection47Enquiry(WorkingDaysAgo(9), Worker);

        // An assessment past its 45 working days.
        var lateReferral = Raise(children[9], school,
            "Repeatedly leaving the (fictional) Hillside Academy at lunchtime and being collected by a man in a grey car.",
            At(WorkingDaysAgo(60), 11, 0), SharingBasis.ConsentGiven);
        var late = Open(lateReferral, TriageOutcome.Assessment, At(WorkingDaysAgo(59), 10, 0));
        late.StartAssessment(WorkingDaysAgo(59), Worker);

        // An assessment well within time.
        var assessReferral = Raise(children[10], health,
            "School nurse noticed messages from an unknown adult asking him to meet; he says they met online through a game.",
            At(WorkingDaysAgo(15), 10, 20), SharingBasis.ConsentGiven);
        var assessing = Open(assessReferral, TriageOutcome.Assessment, At(WorkingDaysAgo(15), 16, 0));
        assessing.StartAssessment(WorkingDaysAgo(14), Worker);

        // On a child protection plan, with the first review conference coming up.
        var planReferral = Raise(children[11], police,
            "Crime report (demo reference DEMO/0001) of a sexual offence against them by an adult they met at a (fictional) party house.",
            At(WorkingDaysAgo(70), 8, 30), SharingBasis.LegalDuty, "Crime report: police duty to share.");
        var plan = Open(planReferral, TriageOutcome.StrategyDiscussion, At(WorkingDaysAgo(70), 12, 0));
        plan.HoldStrategyDiscussion(WorkingDaysAgo(69), Attendees((BeaconRoles.SafeguardingLead, Agency.Health)), Worker);
        plan.StartSection47Enquiry(WorkingDaysAgo(69), Worker);
        plan.CompleteAssessment(WorkingDaysAgo(58), Worker);
        plan.HoldInitialConference(WorkingDaysAgo(57), Worker);
        plan.StartPlan(PlanKind.ChildProtection, WorkingDaysAgo(57), Worker);
    }

    private Assessment Assess(Child child, DateOnly signedOn, (string Code, Agency Source, string Evidence)[] ticks, Assessment? previous = null)
    {
        var started = At(signedOn, 9, 0);
        var assessment = Assessment.Start(child, actorOf(User(BeaconRoles.SocialWorker, Agency.ChildrensSocialCare)), started);
        foreach (var (code, source, evidence) in ticks)
            assessment.TickIndicator(code, source, evidence, Worker, started.AddMinutes(30));
        assessment.SignOff(Worker, At(signedOn, 15, 0), ScoringPolicy.Default, previous);
        db.RiskAssessments.Add(assessment);
        // As the pages do: evidence is part of the child's record, so its audit entries are filed under the child.
        foreach (var ticked in assessment.Indicators)
            db.Entry(ticked).Property("ChildId").CurrentValue = child.Id;
        return assessment;
    }

    private void SeedRiskAssessments(IReadOnlyList<Child> children)
    {
        const Agency csc = Agency.ChildrensSocialCare, police = Agency.Police, outreach = Agency.YouthOutreach,
            health = Agency.Health, school = Agency.Education;

        // Significant: the child who is repeatedly missing, assessed after the latest episode (so no reassessment is triggered yet).
        Assess(children[0], _today.AddDays(-2),
        [
            ("going-missing", police, "Three missing episodes in under three months (see missing episodes)."),
            ("found-out-of-area", police, "Found at a (fictional) hotel in another town on the last return."),
            ("adult-associates", outreach, "Seen with a group of adults at the (fictional) Northgate shops."),
        ]);
        // At risk: the child back from a missing episode, assessed after it.
        Assess(children[1], _today.AddDays(-1),
        [
            ("going-missing", csc, "Missing overnight last week; no return home interview yet."),
            ("alcohol-drug-use", outreach, "Found intoxicated; says adults bought the alcohol."),
        ]);
        // Serious because of a disclosure, though the score alone would be significant.
        Assess(children[8], WorkingDaysAgo(8),
        [
            (IndicatorCatalogue.Disclosure, outreach, "Told their outreach worker on the demo date that they are made to 'pay off' lifts; recorded word for word in the case notes."),
            ("behaviour-change", school, "Withdrawn in class and has stopped seeing old friends."),
        ]);
        // Significant: the child whose assessment is overdue.
        Assess(children[9], WorkingDaysAgo(40),
        [
            ("older-boyfriend", school, "Talks about a 'boyfriend' in his twenties whom nobody has met."),
            ("unexplained-money-gifts", csc, "New trainers and jewellery they cannot explain."),
            ("unexplained-phones", school, "Has two phones and hides one during lessons."),
        ]);
        // At risk.
        Assess(children[10], WorkingDaysAgo(12),
        [
            ("risky-online-contact", health, "Messages from an unknown adult met through an online game."),
            ("behaviour-change", school, "Secretive about his phone; mood swings reported by school."),
        ]);
        // Serious (by score), replacing an earlier at-risk assessment that is kept as history.
        var earlier = Assess(children[11], WorkingDaysAgo(90),
        [
            ("staying-out-late", csc, "Out until after midnight most weekends, no account of where."),
            ("school-disengagement", school, "Attendance below 70% this term."),
        ]);
        Assess(children[11], WorkingDaysAgo(68),
        [
            ("gets-into-cars", police, "Seen getting into a car with adults near the (fictional) party house; registration noted."),
            ("adult-associates", police, "Associating with adults known to police."),
            ("owes-debt", outreach, "Says they owe 'them' for lifts and a place to stay."),
            ("sti-pregnancy", health, "Repeat testing at the (fictional) Riverside clinic."),
            ("staying-out-late", csc, "Still out overnight most weekends."),
        ], previous: earlier);
        // At risk.
        Assess(children[12], WorkingDaysAgo(20),
        [
            ("risky-online-contact", school, "Using an adult dating app, found on a school device."),
            ("self-harm", health, "Seen by the school nurse for cuts to their arm."),
        ]);
        // At risk.
        Assess(children[13], WorkingDaysAgo(25),
        [
            ("exploited-peers", outreach, "Close friend is known to be at serious risk."),
            ("school-disengagement", school, "Truanting with that friend on Fridays."),
        ]);
        // Significant.
        Assess(children[14], WorkingDaysAgo(16),
        [
            ("recruits-peers", outreach, "Has brought younger girls to a (fictional) flat on Canal Street."),
            ("alcohol-drug-use", police, "Found with cannabis supplied by an adult."),
            ("unexplained-injuries", health, "Bruising to both wrists with no credible account."),
            ("prior-abuse", csc, "Previous child protection plan for neglect (demo history)."),
        ]);
        // At risk.
        Assess(children[15], WorkingDaysAgo(30),
        [
            ("domestic-abuse-at-home", csc, "Recent breakdown in family relationships; police called twice."),
            ("behaviour-change", school, "New style of dress and a new group of older friends."),
            ("staying-out-late", csc, "Comes home after midnight and will not say where they were."),
        ]);
    }
}
