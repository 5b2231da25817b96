using System.Net;
using AngleSharp.Dom;
using Beacon.Core.RiskAssessment;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Beacon.Web.Tests.Features.RiskAssessment.RiskAssessmentSteps;

namespace Beacon.Web.Tests.Features.RiskAssessment;

/// <summary>Screening, scoring, judgement, approval, sign-off and supersession through the real HTTP pipeline.</summary>
public abstract class RiskAssessmentTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();
    private const string Worker = "social.worker@beacon.test";
    private const string Manager = "team.manager@beacon.test";

    [Fact]
    public async Task The_computed_level_and_its_explanation_show_after_each_save()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, Worker);
        var child = await CreateChildAsync(worker, "Tamsin", "Oakhurst");
        var assessment = await StartAsync(worker, child);

        var page = await TickAsync(worker, assessment, ("going-missing", "Police", "Missing three nights in May"));
        Assert.Equal("At risk", Level(page, "computed-level"));
        Assert.Contains("Score 3 from 1 indicator", page.Document.QuerySelector("#explanation")!.TextContent);

        page = await TickAsync(worker, assessment, ("older-boyfriend", "YouthOutreach", "Talks of a 24-year-old boyfriend"),
            ("gets-into-cars", "Education", "Picked up from school gates by a man in a silver car"));
        Assert.Equal("Significant risk", Level(page, "computed-level"));
        Assert.Contains("Score 9 from 3 indicators reaches the significant risk threshold (7)", page.Document.QuerySelector("#explanation")!.TextContent);
        Assert.Equal(3, page.Document.QuerySelectorAll("#contributions tbody tr").Length - 1);
        // The evidence and its agency stay on the form.
        Assert.Equal("Talks of a 24-year-old boyfriend", page.Document.QuerySelector("#Evidence-older-boyfriend-")!.TextContent);
    }

    [Fact]
    public async Task A_disclosure_makes_the_level_serious_at_once()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, Worker);
        var assessment = await StartAsync(worker, await CreateChildAsync(worker, "Juniper", "Blackwell"));
        var page = await TickAsync(worker, assessment, ("disclosure", "Health", "Told the school nurse on 3 March that she is made to have sex for money"));
        Assert.Equal("Serious risk", Level(page, "computed-level"));
        Assert.Contains("makes the level serious risk at once", page.Text);
    }

    [Fact]
    public async Task A_practitioner_raises_the_level_with_a_reason()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, Worker);
        var assessment = await StartAsync(worker, await CreateChildAsync(worker, "Rosalind", "Fenwick"));
        await TickAsync(worker, assessment, ("going-missing", "Police", "Missing overnight"));

        var noReason = await SubmitAndFollowAsync(worker, assessment, "#judgement-form", new() { ["JudgedLevel"] = "Serious" });
        Assert.Contains("Give the reason", noReason.FieldError("JudgementReason"));

        var page = await SubmitAndFollowAsync(worker, assessment, "#judgement-form",
            new() { ["JudgedLevel"] = "Serious", ["JudgementReason"] = "Found in a flat with adults known for CSE" });
        Assert.Equal("Serious risk", Level(page));
        var signed = await SignOffAsync(worker, assessment);
        Assert.Empty(signed.Errors);
        var saved = await LoadAsync(Factory, assessment);
        Assert.Equal(ExploitationRiskLevel.Serious, saved.Level);
        Assert.Equal(ExploitationRiskLevel.AtRisk, saved.ComputedLevel);
    }

    [Fact]
    public async Task Sign_off_is_refused_naming_indicators_without_evidence_and_nothing_changes()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, Worker);
        var assessment = await StartAsync(worker, await CreateChildAsync(worker, "Winifred", "Ashdown"));
        await TickAsync(worker, assessment, ("going-missing", "Police", ""), ("self-harm", "Health", "Cuts seen by school nurse"));

        // The check page says what is missing and offers no sign-off, only the way back to add the evidence.
        var refused = await SignOffAsync(worker, assessment);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Null(refused.Document.QuerySelector("#sign-off-form"));
        var why = refused.Document.QuerySelector("#not-ready")!.TextContent;
        Assert.Contains("Going missing from home, care or school", why);
        Assert.DoesNotContain("Self-harm", why);
        Assert.NotNull(refused.Document.QuerySelector($"#not-ready a[href='{assessment}']"));

        var saved = await LoadAsync(Factory, assessment);
        Assert.Equal(AssessmentStatus.Draft, saved.Status);
        Assert.Null(saved.SignedOffAtUtc);
        Assert.Null(saved.Level);
    }

    [Fact]
    public async Task An_unknown_indicator_is_refused_and_nothing_is_saved()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, Worker);
        var assessment = await StartAsync(worker, await CreateChildAsync(worker, "Perpetua", "Lowe"));
        var page = await worker.GetAsync(assessment);
        var refused = await worker.SubmitAsync(page, "#indicators-form",
            new() { ["Ticked"] = "likes-football", ["Source[likes-football]"] = "Police", ["Evidence[likes-football]"] = "Plays on Saturdays" }, assessment);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("'likes-football' is not an indicator on the screening tool. Choose one from the list.", refused.Errors);
        Assert.Empty((await LoadAsync(Factory, assessment)).Indicators);
        Assert.Equal(0, await Factory.WithScopeAsync(async s =>
            await s.GetRequiredService<BeaconDbContext>().RiskAssessmentIndicators.CountAsync(i => i.Code == "likes-football")));
    }

    [Fact]
    public async Task Lowering_below_the_computed_level_needs_another_team_managers_approval()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, Worker);
        using var manager = await BeaconClient.SignedInAsync(Factory, Manager);
        var child = await CreateChildAsync(worker, "Clementine", "Harrow");
        var assessment = await StartAsync(worker, child);
        await TickAsync(worker, assessment, ("going-missing", "Police", "Missing twice"), ("older-boyfriend", "Police", "Older man seen"),
            ("staying-out-late", "ChildrensSocialCare", "Out until 2am"));
        var judged = await SubmitAndFollowAsync(worker, assessment, "#judgement-form",
            new() { ["JudgedLevel"] = "AtRisk", ["JudgementReason"] = "The 'boyfriend' is a 16-year-old classmate; police checked" });
        Assert.Equal("Significant risk", Level(judged, "computed-level"));
        Assert.Contains("Needed", judged.Document.QuerySelector("#approval")!.TextContent);

        // Not yet approved: sign-off is refused.
        var refused = await SignOffAsync(worker, assessment);
        Assert.Contains("needs a team manager's approval", refused.Document.QuerySelector("#not-ready")!.TextContent);
        Assert.Equal(AssessmentStatus.Draft, (await LoadAsync(Factory, assessment)).Status);

        // A social worker cannot approve, even by posting the form directly.
        var workerPage = await worker.GetAsync(assessment);
        Assert.Null(workerPage.Document.QuerySelector("#approve-form"));

        // The manager sees it waiting and approves.
        var waiting = await manager.GetAsync("/RiskAssessment/Approvals");
        Assert.Contains("Clementine Harrow", waiting.Text);
        var approved = await SubmitAndFollowAsync(manager, assessment, "#approve-form", []);
        Assert.Empty(approved.Errors);
        Assert.Contains("approved by", approved.Document.QuerySelector("#approval")!.TextContent);

        var signed = await SignOffAsync(worker, assessment);
        Assert.Empty(signed.Errors);
        Assert.Equal(ExploitationRiskLevel.AtRisk, (await LoadAsync(Factory, assessment)).Level);
    }

    [Fact]
    public async Task A_manager_cannot_approve_lowering_a_level_they_set()
    {
        using var manager = await BeaconClient.SignedInAsync(Factory, Manager);
        var assessment = await StartAsync(manager, await CreateChildAsync(manager, "Ottilie", "Brambling"));
        await TickAsync(manager, assessment, ("going-missing", "Police", "Missing"), ("found-out-of-area", "Police", "Found in Leeds"),
            ("gets-into-cars", "Police", "Cars"));
        var page = await SubmitAndFollowAsync(manager, assessment, "#judgement-form",
            new() { ["JudgedLevel"] = "AtRisk", ["JudgementReason"] = "Family explanation checked" });
        Assert.Null(page.Document.QuerySelector("#approve-form"));

        // Posting the approval anyway (an old form) is refused by the rule itself.
        var form = await manager.GetAsync(assessment);
        form.Document.QuerySelector("#judgement-form")!.SetAttribute("action", assessment + "?handler=Approve");
        var refused = await manager.SubmitAsync(form, "#judgement-form", [], assessment);
        Assert.Contains(refused.Errors, e => e.Contains("Ask another team manager"));
        Assert.Null((await LoadAsync(Factory, assessment)).LoweringApprovedByUserId);
    }

    [Fact]
    public async Task Sign_off_signs_only_what_the_person_checked()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, Worker);
        var assessment = await StartAsync(worker, await CreateChildAsync(worker, "Philippa", "Marchbank"));

        // A blank tool: the check page says plainly that signing records no apparent risk, and asks for that to be confirmed.
        var blank = await worker.GetAsync($"{assessment}/SignOff");
        Assert.Contains("No indicators are ticked", blank.Document.QuerySelector("#no-indicators")!.TextContent);
        Assert.Equal("No apparent risk", blank.Document.QuerySelector("#level")!.TextContent.Trim());
        var unconfirmed = await worker.SubmitAsync(blank, "#sign-off-form", [], $"{assessment}/SignOff");
        Assert.Contains("Confirm that you screened the child and found none of the indicators", unconfirmed.Errors);

        // A tick saved after the check page was opened (another tab, a colleague): the confirmation is refused and the
        // page shows the assessment as it now is.
        await TickAsync(worker, assessment, ("going-missing", "Police", "Missing overnight twice"));
        var stale = await worker.SubmitAsync(blank, "#sign-off-form", new() { ["Confirmed"] = "true" }, $"{assessment}/SignOff");
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains(stale.Errors, e => e.Contains("changed since you checked it"));
        Assert.Contains("Going missing", stale.Document.QuerySelector("#check-indicators")!.TextContent);
        Assert.Equal(AssessmentStatus.Draft, (await LoadAsync(Factory, assessment)).Status);

        var signed = await SignOffAsync(worker, assessment);
        Assert.Empty(signed.Errors);
        Assert.Equal(["going-missing"], (await LoadAsync(Factory, assessment)).Indicators.Select(i => i.Code));
    }

    [Fact]
    public async Task Check_and_sign_off_saves_what_is_ticked_on_the_page_before_the_check()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, Worker);
        var assessment = await StartAsync(worker, await CreateChildAsync(worker, "Clemency", "Unsavedtick"));
        var page = await worker.GetAsync(assessment);
        // "Check and sign off" submits the screening tool's form: a tick not yet saved goes with it.
        Assert.Equal("indicators-form", page.Document.QuerySelector("#check-and-sign-off")!.GetAttribute("form"));
        page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#tick-going-missing")!.IsChecked = true;
        var check = await worker.SubmitAsync(page, "#indicators-form", new()
        {
            ["Source[going-missing]"] = "Police", ["Evidence[going-missing]"] = "Missing overnight twice this month", ["ThenSignOff"] = "true",
        }, assessment);
        Assert.Equal(HttpStatusCode.Redirect, check.Status);
        Assert.Equal($"{assessment}/SignOff", check.Location);
        var shown = await worker.GetAsync(check.Location!);
        Assert.Contains("Going missing", shown.Document.QuerySelector("#check-indicators")!.TextContent);
        Assert.Equal(["going-missing"], (await LoadAsync(Factory, assessment)).Indicators.Select(i => i.Code));
    }

    [Fact]
    public async Task A_mistaken_sign_off_is_withdrawn_with_a_reason_and_a_managers_agreement_and_the_earlier_one_stands_again()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, Worker);
        using var manager = await BeaconClient.SignedInAsync(Factory, Manager);
        var child = await CreateChildAsync(worker, "Ottoline", "Pembury");
        var earlier = await SignedOffAsync(worker, child, "going-missing", "older-boyfriend", "looked-after");
        var mistaken = await SignedOffAsync(worker, child);
        Assert.Equal(AssessmentStatus.Superseded, (await LoadAsync(Factory, earlier)).Status);

        var noReason = await SubmitAndFollowAsync(worker, mistaken, "#request-withdrawal-form", []);
        Assert.Contains("Give the reason", noReason.FieldError("WithdrawalReason"));
        var asked = await SubmitAndFollowAsync(worker, mistaken, "#request-withdrawal-form",
            new() { ["WithdrawalReason"] = "Signed off before the indicators were saved" });
        Assert.Contains("Signed off before the indicators were saved", asked.Document.QuerySelector("#withdrawal-requested")!.TextContent);
        // Asking is not deciding: the practitioner is offered nothing more, and the assessment still stands.
        Assert.Null(asked.Document.QuerySelector("#agree-withdrawal-form"));
        Assert.Equal(AssessmentStatus.SignedOff, (await LoadAsync(Factory, mistaken)).Status);

        var waiting = await manager.GetAsync("/RiskAssessment/Approvals");
        Assert.Contains("Ottoline Pembury", waiting.Document.QuerySelector("#withdrawals")!.TextContent);
        var agreed = await SubmitAndFollowAsync(manager, mistaken, "#agree-withdrawal-form", []);
        Assert.Empty(agreed.Errors);
        Assert.Equal("Withdrawn", agreed.Document.QuerySelector("#status")!.TextContent.Trim());
        Assert.Contains("Signed off before the indicators were saved", agreed.Document.QuerySelector("#withdrawn")!.TextContent);

        // Kept, marked withdrawn; the assessment it had replaced is the child's current one again, and the lists follow.
        Assert.Equal(AssessmentStatus.Withdrawn, (await LoadAsync(Factory, mistaken)).Status);
        Assert.Equal(AssessmentStatus.SignedOff, (await LoadAsync(Factory, earlier)).Status);
        var panel = await worker.GetAsync("/RiskAssessment/Panel");
        Assert.Contains("Ottoline Pembury", panel.Document.QuerySelector("#panel-list")!.TextContent);
        var history = await worker.GetAsync($"/Children/{child}/RiskAssessments");
        Assert.Contains("Withdrawn", history.Text);
    }

    [Fact]
    public async Task A_withdrawal_is_not_offered_to_the_person_who_asked_or_to_a_practitioner()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, Worker);
        using var manager = await BeaconClient.SignedInAsync(Factory, Manager);
        var child = await CreateChildAsync(worker, "Drusilla", "Kettleby");
        var assessment = await SignedOffAsync(worker, child, "going-missing");
        var asked = await SubmitAndFollowAsync(manager, assessment, "#request-withdrawal-form", new() { ["WithdrawalReason"] = "Wrong child" });
        Assert.Empty(asked.Errors);

        // The manager who asked is not offered the decision (the domain refuses it too), nor is a practitioner.
        Assert.Null((await manager.GetAsync(assessment)).Document.QuerySelector("#agree-withdrawal-form"));
        Assert.Null((await worker.GetAsync(assessment)).Document.QuerySelector("#agree-withdrawal-form"));
        Assert.Equal(AssessmentStatus.SignedOff, (await LoadAsync(Factory, assessment)).Status);
    }

    [Fact]
    public async Task A_signed_off_assessment_cannot_be_changed()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, Worker);
        var child = await CreateChildAsync(worker, "Araminta", "Coldwell");
        var assessment = await StartAsync(worker, child);
        var draftPage = await TickAsync(worker, assessment, ("self-harm", "Health", "Seen at A&E"));
        var judgementForm = await worker.GetAsync(assessment);
        await SignOffAsync(worker, assessment);

        var readOnly = await worker.GetAsync(assessment);
        Assert.NotNull(readOnly.Document.QuerySelector("#read-only"));
        Assert.Null(readOnly.Document.QuerySelector("#indicators-form"));
        Assert.Null(readOnly.Document.QuerySelector("#check-and-sign-off"));
        // The check page of a signed-off assessment leads back to it.
        Assert.Equal(HttpStatusCode.Redirect, (await worker.GetAsync($"{assessment}/SignOff")).Status);

        // Forms kept open from before sign-off are refused with a clear message.
        var tick = await TickOnAsync(worker, draftPage, assessment, ("disclosure", "Police", "Late addition"));
        Assert.Contains(tick.Errors, e => e.Contains("can no longer be changed"));
        var judge = await worker.SubmitAsync(judgementForm, "#judgement-form",
            new() { ["JudgedLevel"] = "NoApparentRisk", ["JudgementReason"] = "Changed my mind" }, assessment);
        Assert.Contains(judge.Errors, e => e.Contains("can no longer be changed"));

        var saved = await LoadAsync(Factory, assessment);
        Assert.Equal(["self-harm"], saved.Indicators.Select(i => i.Code));
        Assert.Null(saved.JudgedLevel);
        Assert.Equal(AssessmentStatus.SignedOff, saved.Status);
    }

    [Fact]
    public async Task A_new_assessment_supersedes_the_last_and_the_history_shows_the_level_over_time()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, Worker);
        var child = await CreateChildAsync(worker, "Henrietta", "Bywater");
        var first = await SignedOffAsync(worker, child, "going-missing");
        var second = await SignedOffAsync(worker, child, "going-missing", "disclosure");

        var history = await worker.GetAsync($"/Children/{child}/RiskAssessments");
        Assert.Equal("Serious risk", history.Document.QuerySelector("#current-level")!.TextContent.Trim());
        var overTime = history.Document.QuerySelectorAll("#over-time li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, overTime.Count);
        Assert.Contains("At risk", overTime[0]);
        Assert.Contains("Serious risk", overTime[1]);
        var rows = history.Document.QuerySelectorAll("#history tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Superseded"));
        Assert.Contains(rows, r => r.Contains("Signed off"));

        var old = await worker.GetAsync(first);
        Assert.Equal("Superseded", old.Document.QuerySelector("#status")!.TextContent.Trim());
        Assert.Contains(second, old.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));

        var record = await worker.GetAsync($"/Children/{child}");
        Assert.Contains("Serious risk", record.Document.QuerySelector("#risk-level")!.TextContent);
        Assert.Equal(ExploitationRiskLevel.Serious, await Factory.WithScopeAsync(s =>
            s.GetRequiredService<Beacon.Web.Features.RiskAssessment.RiskLevels>().CurrentLevelAsync(child)));
    }

    [Fact]
    public async Task A_child_has_one_draft_at_a_time()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, Worker);
        var child = await CreateChildAsync(worker, "Seraphina", "Dunmore");
        var assessment = await StartAsync(worker, child);
        var page = await worker.GetAsync($"/Children/{child}/RiskAssessments");
        Assert.Null(page.Document.QuerySelector("#start-form"));
        Assert.Equal(assessment, page.Document.QuerySelector("#continue")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_stale_save_is_refused_and_the_newer_version_kept()
    {
        using var first = await BeaconClient.SignedInAsync(Factory, Worker);
        using var second = await BeaconClient.SignedInAsync(Factory, Manager);
        var assessment = await StartAsync(first, await CreateChildAsync(first, "Philippa", "Crane"));
        var firstPage = await first.GetAsync(assessment);
        var secondPage = await second.GetAsync(assessment);
        await TickOnAsync(first, firstPage, assessment, ("self-harm", "Health", "First worker's evidence"));
        var refused = await TickOnAsync(second, secondPage, assessment, ("school-disengagement", "Education", "Second worker's evidence"));
        Assert.NotNull(refused.Document.QuerySelector("#conflict"));
        Assert.Equal(["self-harm"], (await LoadAsync(Factory, assessment)).Indicators.Select(i => i.Code));
    }

    [Fact]
    public async Task Someone_who_cannot_see_the_child_cannot_see_or_start_an_assessment()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var child = await CreateChildAsync(outreach, "Isolde", "Marchbank");
        var assessment = await StartAsync(outreach, child);

        using var school = await BeaconClient.SignedInAsync(Factory, "school.lead@beacon.test");
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync(assessment)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/Children/{child}/RiskAssessments")).Status);
        using var auditor = await BeaconClient.SignedInAsync(Factory, "auditor@beacon.test");
        var readOnly = await auditor.GetAsync(assessment);
        Assert.Equal(HttpStatusCode.OK, readOnly.Status);
        Assert.Null(readOnly.Document.QuerySelector("#indicators-form"));
    }
}

public sealed class SqliteRiskAssessmentTests(SqliteBeacon beacon) : RiskAssessmentTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresRiskAssessmentTests(PostgresBeacon beacon) : RiskAssessmentTests(beacon), IClassFixture<PostgresBeacon>;
