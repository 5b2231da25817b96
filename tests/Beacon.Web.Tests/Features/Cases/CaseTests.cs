using System.Net;
using Beacon.Core.Cases;
using Beacon.Core.Referrals;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Beacon.Web.Tests.Features.Referrals.ReferralSteps;

namespace Beacon.Web.Tests.Features.Cases;

/// <summary>The case lifecycle pages: allowed steps only, refusals with the domain's message, roles checked on every POST.</summary>
public abstract class CaseTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();

    private static Dictionary<string, string> Date(string prefix, DateOnly on) => new()
    {
        [$"{prefix}.Day"] = on.Day.ToString(),
        [$"{prefix}.Month"] = on.Month.ToString(),
        [$"{prefix}.Year"] = on.Year.ToString(),
    };

    private static DateOnly Today => Beacon.Core.Timescales.UkTime.ToUkDate(DateTime.UtcNow);

    private async Task<(Guid CaseId, BeaconClient SocialWorker)> OpenCaseAsync(string first, string last, TriageOutcome outcome = TriageOutcome.StrategyDiscussion)
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var referralId = await RaiseForNewChildAsync(Factory, outreach, first, last);
        var socialWorker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        return (await DecideToOpenCaseAsync(Factory, socialWorker, referralId, outcome), socialWorker);
    }

    [Fact]
    public async Task A_strategy_discussion_decision_opens_one_case_allocated_to_the_decider()
    {
        var (caseId, socialWorker) = await OpenCaseAsync("Wilhelmina", "Ashcombe");
        using var _ = socialWorker;
        var page = await socialWorker.GetAsync($"/Cases/{caseId}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Referral", page.Document.QuerySelector("#stage")!.TextContent.Trim());
        Assert.NotNull(page.Document.QuerySelector("#strategy-discussion"));
        Assert.NotNull(page.Document.QuerySelector("#start-assessment"));
        // Not allowed from the referral stage, so not offered.
        Assert.Null(page.Document.QuerySelector("#initial-conference"));
        Assert.Null(page.Document.QuerySelector("#plan"));
        var c = await CaseAsync(Factory, caseId);
        Assert.NotNull(c.AllocatedWorkerUserId);
        Assert.Equal(1, await WithDbAsync(Factory, db => db.Cases.CountAsync(x => x.ChildId == c.ChildId && x.Stage != CaseStage.Closed)));
    }

    [Fact]
    public async Task A_move_the_workflow_does_not_allow_is_refused_with_the_domains_message_and_changes_nothing()
    {
        var (caseId, socialWorker) = await OpenCaseAsync("Cordelia", "Bramwell");
        using var _ = socialWorker;
        var page = await PostAsync(socialWorker, $"/Cases/{caseId}", "InitialConference", new(Date("ConferenceOn", Today)) { ["Version"] = "0", ["ConferenceOutcome"] = "ChildInNeedPlan" });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        // The page does not offer the step, so the domain's refusal is shown in the error summary.
        Assert.Contains(page.Errors, e => e.StartsWith("This case is at the referral stage and cannot move to initial child protection conference."));
        var c = await CaseAsync(Factory, caseId);
        Assert.Equal(CaseStage.Referral, c.Stage);
        Assert.Empty(c.StageHistory);
        Assert.Null(c.InitialConferenceOn);
    }

    [Fact]
    public async Task A_strategy_discussion_without_police_is_refused_beside_the_attendees()
    {
        var (caseId, socialWorker) = await OpenCaseAsync("Ottoline", "Scarsdale");
        using var _ = socialWorker;
        var page = await socialWorker.SubmitAsync($"/Cases/{caseId}", "#strategy-discussion", new(Date("StrategyOn", Today))
        {
            ["Attendees[0].Name"] = "A Social Worker",
            ["Attendees[0].Agency"] = "ChildrensSocialCare",
        });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("A strategy discussion needs someone from Police among the attendees.", page.Errors);
        Assert.Equal(CaseStage.Referral, (await CaseAsync(Factory, caseId)).Stage);
    }

    [Fact]
    public async Task Wrong_roles_are_refused_on_the_server()
    {
        var (caseId, socialWorker) = await OpenCaseAsync("Philippa", "Hartwell");
        using var _ = socialWorker;
        // The outreach worker can read the case of a child they referred, but not work it.
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        Assert.Equal(HttpStatusCode.OK, (await outreach.GetAsync($"/Cases/{caseId}")).Status);
        Assert.Null((await outreach.GetAsync($"/Cases/{caseId}")).Document.QuerySelector("#start-assessment"));
        var refused = await PostAsync(outreach, $"/Cases/{caseId}", "StartAssessment", new(Date("AssessmentStartOn", Today)) { ["Version"] = "0" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        // A social worker cannot approve closure or allocate: team managers only.
        await socialWorker.SubmitAsync($"/Cases/{caseId}", "#request-closure", new() { ["ClosureReason"] = "Referred in error" });
        Assert.True((await CaseAsync(Factory, caseId)).IsClosureRequested);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(socialWorker, $"/Cases/{caseId}", "ApproveClosure", new() { ["Version"] = "1" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(socialWorker, $"/Cases/{caseId}", "AgreeClosure", new() { ["Version"] = "1" })).Status);
        Assert.False((await CaseAsync(Factory, caseId)).IsClosed);
        // A school lead not involved with the child learns nothing: not found.
        using var school = await BeaconClient.SignedInAsync(Factory, "school.lead@beacon.test");
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/Cases/{caseId}")).Status);
        // Posting to a case whose child they may not see answers the same "not found", so it reveals nothing either.
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(school, $"/Cases/{caseId}", "StartAssessment", Date("AssessmentStartOn", Today))).Status);
        Assert.Null((await CaseAsync(Factory, caseId)).AssessmentStartedOn);

        using var manager = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        var closed = await manager.SubmitAsync($"/Cases/{caseId}", "#approve-closure", []);
        Assert.Equal(HttpStatusCode.Redirect, closed.Status);
        Assert.True((await CaseAsync(Factory, caseId)).IsClosed);
    }

    [Fact]
    public async Task A_child_at_serious_risk_is_not_closed_without_the_panel_chairs_agreement()
    {
        var (caseId, socialWorker) = await OpenCaseAsync("Seraphina", "Coldharbour");
        using var _ = socialWorker;
        var childId = (await CaseAsync(Factory, caseId)).ChildId;
        // A signed-off assessment with a disclosure: serious risk at once.
        await WithDbAsync(Factory, async db =>
        {
            var now = DateTime.UtcNow;
            var child = await db.Children.Include(c => c.Involvements).SingleAsync(c => c.Id == childId);
            var assessment = Beacon.Core.RiskAssessment.RiskAssessment.Start(child, Beacon.Web.Infrastructure.Identity.BeaconClaims.SystemActor, now.AddMinutes(-5));
            assessment.TickIndicator(Beacon.Core.RiskAssessment.IndicatorCatalogue.Disclosure, Beacon.Core.Access.Agency.YouthOutreach,
                "Fictional test disclosure recorded by outreach", "system", now.AddMinutes(-4));
            assessment.SignOff("system", now.AddMinutes(-3), Beacon.Core.RiskAssessment.ScoringPolicy.Default);
            db.RiskAssessments.Add(assessment);
            return await db.SaveChangesAsync();
        });

        await socialWorker.SubmitAsync($"/Cases/{caseId}", "#request-closure", new() { ["ClosureReason"] = "Family moved away (fictional)" });
        using var manager = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        // The manager is not offered an approval that cannot succeed, and is told whose agreement is awaited.
        var waiting = await manager.GetAsync($"/Cases/{caseId}");
        Assert.Null(waiting.Document.QuerySelector("#approve-closure"));
        Assert.Contains("the panel chair must agree", waiting.Document.QuerySelector("#closure-awaits-chair")!.TextContent);
        // Posting it anyway is refused by the domain, with the same reason.
        var version = waiting.Document.QuerySelector("#allocate input[name=Version]")!.GetAttribute("value")!;
        var refused = await PostAsync(manager, $"/Cases/{caseId}", "ApproveClosure", new() { ["Version"] = version });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("panel chair", string.Join(" ", refused.Errors), StringComparison.OrdinalIgnoreCase);
        Assert.False((await CaseAsync(Factory, caseId)).IsClosed);

        using var chair = await BeaconClient.SignedInAsync(Factory, "panel.chair@beacon.test");
        // The chair finds it on their work list.
        Assert.Contains($"/Cases/{caseId}", (await chair.GetAsync("/MyWork")).Document.QuerySelector("#agree-closure")!.InnerHtml, StringComparison.OrdinalIgnoreCase);
        var agreed = await chair.SubmitAsync($"/Cases/{caseId}", "#agree-closure", []);
        Assert.Equal(HttpStatusCode.Redirect, agreed.Status);
        var closed = await manager.SubmitAsync($"/Cases/{caseId}", "#approve-closure", []);
        Assert.Equal(HttpStatusCode.Redirect, closed.Status);
        Assert.True((await CaseAsync(Factory, caseId)).IsClosed);
    }

    [Fact]
    public async Task A_case_runs_from_strategy_discussion_through_section_47_and_conference_to_a_child_protection_plan()
    {
        var (caseId, socialWorker) = await OpenCaseAsync("Araminta", "Fenwick");
        using var _ = socialWorker;
        var url = $"/Cases/{caseId}";
        var done = await socialWorker.SubmitAsync(url, "#strategy-discussion", new(Date("StrategyOn", Today))
        {
            ["Attendees[0].Name"] = "Sam Carer", ["Attendees[0].Agency"] = "ChildrensSocialCare",
            ["Attendees[1].Name"] = "DC Lowe", ["Attendees[1].Agency"] = "Police",
            ["Attendees[2].Name"] = "Nurse Ames", ["Attendees[2].Agency"] = "Health",
            ["StrategyDecisions"] = "Section 47 enquiry; police to check the address she was found at",
        });
        Assert.True(done.Status == HttpStatusCode.Redirect, string.Join("; ", done.Errors));
        done = await socialWorker.SubmitAsync(url, "#section-47", Date("Section47On", Today));
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var page = await socialWorker.GetAsync(url);
        Assert.Contains("police to check the address she was found at", page.Document.QuerySelector(".beacon-decisions")!.TextContent);
        Assert.Contains("Initial child protection conference", page.Document.QuerySelector("#timescales")!.TextContent);
        Assert.Contains("Assessment", page.Document.QuerySelector("#timescales")!.TextContent);
        // A plan needs the category of abuse and the core group: refused without them, nothing changed.
        var refused = await socialWorker.SubmitAsync(url, "#initial-conference", new(Date("ConferenceOn", Today)) { ["ConferenceOutcome"] = "ChildProtectionPlan" });
        Assert.Equal("Choose the category of abuse the plan is made under.", refused.FieldError("AbuseCategory"));
        Assert.Equal(CaseStage.Section47Enquiry, (await CaseAsync(Factory, caseId)).Stage);
        done = await socialWorker.SubmitAsync(url, "#initial-conference", new(Date("ConferenceOn", Today))
        {
            ["ConferenceOutcome"] = "ChildProtectionPlan", ["AbuseCategory"] = "SexualAbuse", ["CoreGroup"] = "Sam Carer (social care), DC Lowe (police), Nurse Ames (health)",
        });
        Assert.True(done.Status == HttpStatusCode.Redirect, string.Join("; ", done.Errors));
        done = await socialWorker.SubmitAsync(url, "#plan", new(Date("PlanOn", Today))
        {
            ["PlanKind"] = nameof(PlanKind.ChildProtection), ["PlanOutcomes"] = "No contact with the men at the takeaway; attends school every day",
        });
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        page = await socialWorker.GetAsync(url);
        Assert.Contains("Child protection plan under the category of sexual abuse", page.Document.QuerySelector("#conference-outcome")!.TextContent);
        Assert.Contains("Core group: Sam Carer (social care)", page.Document.QuerySelector("#conference-outcome")!.TextContent);
        Assert.Contains("attends school every day", page.Document.QuerySelector("#plan-outcomes")!.TextContent);

        var c = await CaseAsync(Factory, caseId);
        Assert.Equal(CaseStage.Plan, c.Stage);
        Assert.Equal(PlanKind.ChildProtection, c.PlanKind);
        Assert.Equal([CaseStage.StrategyDiscussion, CaseStage.Section47Enquiry, CaseStage.InitialChildProtectionConference, CaseStage.Plan],
            c.StageHistory.OrderBy(s => s.On).ThenBy(s => s.To).Select(s => s.To).ToList());
        Assert.Equal(3, c.StrategyDiscussions.Single().Attendees.Count);
        page = await socialWorker.GetAsync(url);
        Assert.Contains("First review conference", page.Document.QuerySelector("#timescales")!.TextContent);
        Assert.Contains("DC Lowe (Police)", page.Text);
    }

    [Fact]
    public async Task A_section_47_enquiry_leaves_the_child_protection_path_only_by_a_recorded_decision()
    {
        var (caseId, socialWorker) = await OpenCaseAsync("Cressida", "Wolvercote");
        using var _ = socialWorker;
        var url = $"/Cases/{caseId}";
        var done = await socialWorker.SubmitAsync(url, "#strategy-discussion", new(Date("StrategyOn", Today))
        {
            ["Attendees[0].Name"] = "Sam Carer", ["Attendees[0].Agency"] = "ChildrensSocialCare",
            ["Attendees[1].Name"] = "DC Lowe", ["Attendees[1].Agency"] = "Police",
        });
        Assert.True(done.Status == HttpStatusCode.Redirect, string.Join("; ", done.Errors));
        Assert.Equal(HttpStatusCode.Redirect, (await socialWorker.SubmitAsync(url, "#section-47", Date("Section47On", Today))).Status);

        // During the enquiry "start assessment" is not offered (the assessment is already running); ending the enquiry is, with a warning.
        var page = await socialWorker.GetAsync(url);
        Assert.Null(page.Document.QuerySelector("#start-assessment"));
        Assert.NotNull(page.Document.QuerySelector("#initial-conference"));
        Assert.Contains("no initial child protection conference will follow", page.Document.QuerySelector("#section-17")!.TextContent);

        var noReason = await socialWorker.SubmitAsync(url, "#continue-section-17", Date("Section17On", Today));
        Assert.Contains("Give the reason the section 47 concerns are not substantiated.", noReason.Errors);
        Assert.Equal(CaseStage.Section47Enquiry, (await CaseAsync(Factory, caseId)).Stage);

        done = await socialWorker.SubmitAsync(url, "#continue-section-17", new(Date("Section17On", Today))
            { ["Section17Reason"] = "Police found no evidence of an adult involved; the child's account is consistent." });
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var c = await CaseAsync(Factory, caseId);
        Assert.Equal(CaseStage.Assessment, c.Stage);
        Assert.Equal("Police found no evidence of an adult involved; the child's account is consistent.", c.StageHistory.OrderBy(h => h.On).ThenBy(h => h.To).Last().Reason);

        // The reason is on the case's history, and the page says why no conference can now be recorded.
        page = await socialWorker.GetAsync(url);
        Assert.Contains("Police found no evidence", page.Document.QuerySelector("#history")!.TextContent);
        Assert.Null(page.Document.QuerySelector("#initial-conference"));
        Assert.Contains("follows a section 47 enquiry", page.Document.QuerySelector("#why-no-conference")!.TextContent);
    }

    [Fact]
    public async Task A_second_referral_for_a_child_with_an_open_case_does_not_open_another()
    {
        var (caseId, socialWorker) = await OpenCaseAsync("Evangeline", "Thorncastle", TriageOutcome.Assessment);
        using var _ = socialWorker;
        var childId = (await CaseAsync(Factory, caseId)).ChildId;
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var raised = await SendConcernAsync(outreach, childId, Concern("Seen again with the same men"));
        Assert.Equal(HttpStatusCode.Redirect, raised.Status);
        var second = await WithDbAsync(Factory, db => db.Referrals.Where(r => r.ChildId == childId && r.Status == ReferralStatus.AwaitingDecision).Select(r => r.Id).SingleAsync());
        var decided = await socialWorker.SubmitAsync($"/Referrals/{second}", "#decide", Decision(TriageOutcome.StrategyDiscussion));
        Assert.Equal(HttpStatusCode.Redirect, decided.Status);
        Assert.Equal($"/Cases/{caseId}", decided.Location);
        Assert.Equal(1, await WithDbAsync(Factory, db => db.Cases.CountAsync(c => c.ChildId == childId)));
    }
}

public sealed class SqliteCaseTests(SqliteBeacon beacon) : CaseTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresCaseTests(PostgresBeacon beacon) : CaseTests(beacon), IClassFixture<PostgresBeacon>;
