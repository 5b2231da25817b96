using System.Net;
using Beacon.Core.Cases;
using Beacon.Core.Referrals;
using Beacon.Web.Tests.Infrastructure;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Beacon.Web.Tests.Features.Referrals.ReferralSteps;

namespace Beacon.Web.Tests.Features.MyWork;

/// <summary>My work and the breaches page: caseloads, what is due, oldest first, and every breach counted.</summary>
public abstract class MyWorkTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();

    [Fact]
    public async Task What_waits_for_a_persons_decision_is_on_their_work_list_and_only_theirs()
    {
        // The demo's "no further action" was proposed by the social worker: it waits for a manager, not for them.
        using var manager = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        var managerWork = await manager.GetAsync("/MyWork");
        var approvals = managerWork.Document.QuerySelector("#approve-nfa")!;
        Assert.Contains("No further action to approve", approvals.TextContent);
        var link = approvals.QuerySelector(".govuk-summary-card__content a")!.GetAttribute("href")!;
        var proposal = await manager.GetAsync(link);
        Assert.True(proposal.Document.QuerySelector("#approve") is not null, $"{link}: {(int)proposal.Status} {proposal.Document.QuerySelector("main")?.TextContent}");

        using var socialWorker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var workerWork = await socialWorker.GetAsync("/MyWork");
        Assert.Null(workerWork.Document.QuerySelector("#approve-nfa"));
        // Follow-ups of their own: the demo's overdue return home interview, and the children they key-work with no current assessment.
        Assert.NotEmpty(workerWork.Document.QuerySelectorAll("#overdue-interviews a[href$='/Missing']"));
        Assert.NotEmpty(workerWork.Document.QuerySelectorAll("#overdue-reassessments a[href$='/RiskAssessments']"));

        // An organisation that does not follow up return home interviews is not shown them.
        using var school = await BeaconClient.SignedInAsync(Factory, "school.lead@beacon.test");
        Assert.Null((await school.GetAsync("/MyWork")).Document.QuerySelector("#overdue-interviews"));
    }

    [Fact]
    public async Task Workers_see_their_caseload_and_what_is_due_and_managers_see_their_team()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var referralId = await RaiseForNewChildAsync(Factory, outreach, "Clementine", "Harrowgate");
        // The referrer sees the decision they are waiting for.
        Assert.Contains("Clementine Harrowgate", (await outreach.GetAsync("/MyWork")).Document.QuerySelector("#due")!.TextContent);

        using var socialWorker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var caseId = await DecideToOpenCaseAsync(Factory, socialWorker, referralId, TriageOutcome.Assessment);
        var today = Beacon.Core.Timescales.UkTime.ToUkDate(DateTime.UtcNow);
        await socialWorker.SubmitAsync($"/Cases/{caseId}", "#start-assessment", new()
        {
            ["AssessmentStartOn.Day"] = today.Day.ToString(), ["AssessmentStartOn.Month"] = today.Month.ToString(), ["AssessmentStartOn.Year"] = today.Year.ToString(),
        });
        var mine = await socialWorker.GetAsync("/MyWork");
        Assert.Contains("Clementine Harrowgate", mine.Document.QuerySelector("#caseload")!.TextContent);
        var due = mine.Document.QuerySelectorAll("#due tbody tr").Single(r => r.TextContent.Contains("Clementine Harrowgate"));
        Assert.Contains("Assessment", due.TextContent);
        Assert.Contains("Due in 45 working days", due.TextContent);

        // Same team ("Front door"): the manager sees the social worker's case.
        using var manager = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        var team = await manager.GetAsync("/MyWork");
        Assert.Contains("Front door team", team.Text);
        Assert.Contains("Clementine Harrowgate", team.Document.QuerySelector("#caseload")!.TextContent);
        // The outreach worker has no caseload of social care cases.
        Assert.Null((await outreach.GetAsync("/MyWork")).Document.QuerySelector("#caseload"));

        // The team's caseloads order by child's name or by what is most overdue, and download as CSV in that order.
        var byName = (await manager.GetAsync("/MyWork?CaseOrder=ChildName")).Document.QuerySelectorAll("#caseload tbody tr")
            .Select(r => r.QuerySelectorAll("td")[0].TextContent.Trim().Split(' ')[^1].ToLowerInvariant()).ToList();
        Assert.Equal(byName.Order(StringComparer.Ordinal).ToList(), byName);
        var overdue = (await manager.GetAsync("/MyWork?CaseOrder=MostOverdue")).Document.QuerySelectorAll("#caseload tbody tr")
            .Select(r => r.QuerySelectorAll("td")[^1].QuerySelector(".govuk-tag--red") is { } tag ? int.Parse(tag.TextContent.Replace("overdue", "").Trim()) : 0).ToList();
        Assert.Equal(overdue.OrderDescending().ToList(), overdue);
        Assert.True(overdue[0] > 0, "overdue steps show as a red tag");
        using var csv = await manager.Http.GetAsync("/MyWork?handler=CaseloadCsv&CaseOrder=ChildName");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Child,Stage,Worker,Steps running,Steps overdue", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Clementine Harrowgate,", StringComparison.Ordinal));
        Assert.True(await WithDbAsync(Factory, db => db.AuditEntries.AnyAsync(e => e.EntityType == "Caseload" && e.Action == Core.Audit.AuditAction.Exported)));
    }

    [Fact]
    public async Task A_team_manager_narrows_the_caseloads_to_one_worker_a_stage_or_cases_with_a_step_overdue()
    {
        using var manager = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        static List<string[]> Rows(BeaconClient.PageResponse page) => page.Document.QuerySelectorAll("#caseload tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        var all = await manager.GetAsync("/MyWork");
        var everyone = Rows(all);
        Assert.NotEmpty(everyone);

        // One worker: the team's members are offered, and only that worker's cases come back.
        var workerName = everyone[0][2];
        var option = all.Document.QuerySelectorAll("#Worker option").Single(o => o.TextContent.Trim() == workerName);
        var theirs = Rows(await manager.GetAsync($"/MyWork?Worker={option.GetAttribute("value")}"));
        Assert.NotEmpty(theirs);
        Assert.All(theirs, r => Assert.Equal(workerName, r[2]));

        // One stage.
        var stageName = everyone[0][1];
        var stage = all.Document.QuerySelectorAll("#Stage option").Single(o => o.TextContent.Trim() == stageName).GetAttribute("value");
        var atStage = Rows(await manager.GetAsync($"/MyWork?Stage={stage}"));
        Assert.NotEmpty(atStage);
        Assert.All(atStage, r => Assert.Equal(stageName, r[1]));

        // Only cases with a step overdue: every row says how many, and none with no overdue step is left out.
        var overdue = Rows(await manager.GetAsync("/MyWork?OverdueOnly=true"));
        Assert.All(overdue, r => Assert.Contains("overdue", r[3]));
        Assert.Equal(everyone.Count(r => r[3].Contains("overdue")), overdue.Count);

        // A worker outside the team is no filter at all; the download follows the filters.
        Assert.Equal(everyone.Count, Rows(await manager.GetAsync("/MyWork?Worker=someone-else")).Count);
        var filtered = await manager.GetAsync($"/MyWork?Worker={option.GetAttribute("value")}");
        using var csv = await manager.Http.GetAsync(filtered.Document.QuerySelector("#caseload-csv")!.GetAttribute("href"));
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(theirs.Count, lines.Count);
        Assert.All(lines, l => Assert.Contains(workerName, l));
    }

    /// <summary>
    /// What is due and the caseload are counted and ordered from the children's risk positions (their access facts and
    /// sort names): page after page they hold exactly what the access rule on each child's record allows, for every kind
    /// of person, including a case and a referral whose children were restricted since, and again once the worker is named.
    /// </summary>
    [Fact]
    public async Task What_is_due_and_the_caseload_hold_exactly_what_the_rule_on_each_childs_record_allows()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        using var socialWorker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        using var manager = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        var caseId = await DecideToOpenCaseAsync(Factory, socialWorker, await RaiseForNewChildAsync(Factory, outreach, "Philippa", "Restrick"), TriageOutcome.Assessment);
        var waitingId = await RaiseForNewChildAsync(Factory, outreach, "Cosmo", "Hiddenway");
        var caseChild = await WithDbAsync(Factory, db => db.Cases.Where(c => c.Id == caseId).Select(c => c.ChildId).SingleAsync());
        var waitingChild = await WithDbAsync(Factory, db => db.Referrals.Where(r => r.Id == waitingId).Select(r => r.ChildId).SingleAsync());
        foreach (var child in new[] { caseChild, waitingChild })
            Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync($"/Children/{child}/Access", "#restriction-form", [])).Status);

        async Task<(List<string> Due, List<Guid> Cases)> CompareAsync(string email)
        {
            return await Factory.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<BeaconDbContext>();
                var workload = sp.GetRequiredService<Beacon.Web.Features.MyWork.Workload>();
                var actor = await BeaconFactory.ActorAsync(sp, email);
                var team = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.Team).SingleAsync();
                var workers = Core.Access.Capabilities.IsSocialCareManager(actor) && team is not null
                    ? await db.Users.Where(u => u.Team == team && u.OrganisationId == actor.OrganisationId).Select(u => u.Id).ToListAsync()
                    : [actor.UserId];

                // The rule asked of every child's record, as the lists once were.
                var visible = db.Children.Where(Core.Access.ChildAccess.VisibleTo(actor));
                var (me, areas, isSocialCare) = (actor.UserId, actor.AreaIds.ToList(), Core.Access.Capabilities.IsSocialCare(actor));
                var clocks = db.Set<Beacon.Web.Features.Timescales.StatutoryClock>().Where(k => k.MetOn == null);
                var onCases = from k in clocks
                              where k.Record == Beacon.Web.Features.Timescales.ClockedRecord.Case && k.ResponsibleUserId != null && workers.Contains(k.ResponsibleUserId)
                              join c in visible on k.ChildId equals c.Id
                              select new { k.RecordId, k.DueOn, c.SortName, Link = "/Cases/" };
                var onReferrals = from k in clocks
                                  join r in db.Referrals on k.RecordId equals r.Id
                                  where r.Status == ReferralStatus.AwaitingDecision || r.Status == ReferralStatus.AwaitingManagerApproval
                                  join c in visible on k.ChildId equals c.Id
                                  where r.ReferrerUserId == me || (isSocialCare && areas.Contains(c.ResponsibleAreaId))
                                  select new { k.RecordId, k.DueOn, c.SortName, Link = "/Referrals/" };
                var expectedDue = (await onCases.Concat(onReferrals).OrderBy(d => d.DueOn).ThenBy(d => d.SortName).ThenBy(d => d.RecordId).ToListAsync())
                    .Select(d => d.Link + d.RecordId).ToList();
                var shownDue = new List<string>();
                for (var page = 1; ; page++)
                {
                    var due = await workload.DueAsync(actor, workers, page, CancellationToken.None);
                    Assert.Equal(expectedDue.Count, due.Total);
                    shownDue.AddRange(due.Items.Select(i => i.Link));
                    if (page >= due.PageCount) break;
                }
                Assert.Equal(expectedDue, shownDue);

                var expectedCases = await (from k in db.Cases
                                           where k.Stage != CaseStage.Closed && k.AllocatedWorkerUserId != null && workers.Contains(k.AllocatedWorkerUserId)
                                           join c in visible on k.ChildId equals c.Id
                                           orderby c.SortName, k.Id
                                           select k.Id).ToListAsync();
                var shownCases = new List<Guid>();
                foreach (var order in Enum.GetValues<Beacon.Web.Features.MyWork.Workload.CaseloadOrder>())
                {
                    shownCases = [];
                    for (var page = 1; ; page++)
                    {
                        var cases = await workload.CaseloadAsync(actor, workers, page, CancellationToken.None, order);
                        Assert.Equal(expectedCases.Count, cases.Total);
                        shownCases.AddRange(cases.Items.Select(i => i.CaseId));
                        if (page >= cases.PageCount) break;
                    }
                    if (order == Beacon.Web.Features.MyWork.Workload.CaseloadOrder.ChildName) Assert.Equal(expectedCases, shownCases);
                    else Assert.Equal(expectedCases.Order(), shownCases.Order());
                }
                return (shownDue, shownCases);
            });
        }

        foreach (var email in new[] { "team.manager@beacon.test", "outreach@beacon.test", "police.officer@beacon.test", "school.lead@beacon.test", "health.lead@beacon.test", "southvale.worker@beacon.test" })
            await CompareAsync(email);
        // The worker's case and the front door's referral went with the restriction ...
        var (due, cases) = await CompareAsync("social.worker@beacon.test");
        Assert.DoesNotContain(caseId, cases);
        Assert.DoesNotContain($"/Referrals/{waitingId}", due);
        // ... and come back once the worker is named on the records.
        foreach (var child in new[] { caseChild, waitingChild })
            await manager.SubmitAsync($"/Children/{child}/Access", "form[action*='Grant']", new() { ["Email"] = "social.worker@beacon.test" });
        (due, cases) = await CompareAsync("social.worker@beacon.test");
        Assert.Contains(caseId, cases);
        Assert.Contains($"/Referrals/{waitingId}", due);
    }

    [Fact]
    public async Task Breaches_are_listed_with_who_what_and_how_long_and_counted_by_step()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var referralId = await RaiseForNewChildAsync(Factory, outreach, "Octavia", "Pennyworth");
        // Received long ago and never decided: the front door is late.
        await WithDbAsync(Factory, db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"Referrals\" SET \"ReceivedAtUtc\" = {new DateTime(2025, 3, 3, 10, 0, 0, DateTimeKind.Utc)}, \"SeenAtUtc\" = {new DateTime(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc)} WHERE \"Id\" = {referralId}"));
        // A record changed behind Beacon's back: its stored clocks are worked out again, as `readmodels rebuild` does.
        await Beacon.Web.Infrastructure.Data.ReadModels.RebuildAllAsync(Factory.Services, CancellationToken.None);

        using var socialWorker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var page = await socialWorker.GetAsync("/MyWork/Breaches");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var row = page.Document.QuerySelectorAll("#breaches tbody tr").Single(r => r.TextContent.Contains("Octavia Pennyworth"));
        Assert.Contains("Decision on referral", row.TextContent);
        Assert.Contains("Front door", row.TextContent);
        Assert.Matches(@"Overdue by \d+ working days", row.TextContent);
        Assert.Contains("Decision on referral", page.Document.QuerySelector("#counts")!.TextContent);

        // The queue shows it first, overdue.
        var first = (await socialWorker.GetAsync("/Referrals/Queue")).Document.QuerySelector("#queue tbody tr")!;
        Assert.Contains("Octavia Pennyworth", first.TextContent);
        Assert.Contains("Overdue by", first.TextContent);

        Assert.Equal(HttpStatusCode.Forbidden, (await outreach.GetAsync("/MyWork/Breaches")).Status);

        // Every breach downloads as CSV (not only a page), named as on the page; others get no file.
        using var csv = await socialWorker.Http.GetAsync("/MyWork/Breaches?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Child,Step,Responsible,Due,Where it stands", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Octavia Pennyworth,Decision on referral,Front door", StringComparison.Ordinal) && l.Contains("Overdue by"));
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(page.Document.QuerySelector("#counts caption")!.TextContent, @"\((\d+) in all\)").Groups[1].Value);
        Assert.Equal(total, lines.Length - 1);
        Assert.Equal(HttpStatusCode.Forbidden, (await outreach.GetAsync("/MyWork/Breaches?handler=Csv")).Status);
    }

    [Fact]
    public async Task The_breaches_list_narrows_by_step_standing_and_responsibility_and_its_download_follows()
    {
        using var outreach = await BeaconClient.SignedInAsync(Factory, "outreach@beacon.test");
        var referralId = await RaiseForNewChildAsync(Factory, outreach, "Philippa", "Filterwell");
        await WithDbAsync(Factory, db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"Referrals\" SET \"ReceivedAtUtc\" = {new DateTime(2025, 4, 7, 10, 0, 0, DateTimeKind.Utc)}, \"SeenAtUtc\" = {new DateTime(2025, 4, 7, 9, 0, 0, DateTimeKind.Utc)} WHERE \"Id\" = {referralId}"));
        await Beacon.Web.Infrastructure.Data.ReadModels.RebuildAllAsync(Factory.Services, CancellationToken.None);
        using var manager = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        static List<string> Rows(BeaconClient.PageResponse page) =>
            page.Document.QuerySelectorAll("#breaches tbody tr").Select(r => r.TextContent).ToList();
        static int Shown(BeaconClient.PageResponse page) =>
            int.Parse(System.Text.RegularExpressions.Regex.Match(page.Document.QuerySelector("#list-heading")!.TextContent, @"\((\d+)\)").Groups[1].Value);
        var all = await manager.GetAsync("/MyWork/Breaches");
        var everyone = int.Parse(System.Text.RegularExpressions.Regex.Match(all.Document.QuerySelector("#counts caption")!.TextContent, @"\((\d+) in all\)").Groups[1].Value);

        // One step: every row is that step, and the number is the step's row of the counts.
        var decision = all.Document.QuerySelectorAll("#Step option").Single(o => o.TextContent.Trim() == "Decision on referral").GetAttribute("value");
        var decisions = await manager.GetAsync($"/MyWork/Breaches?Step={decision}");
        Assert.All(Rows(decisions), r => Assert.Contains("Decision on referral", r));
        Assert.Contains(Rows(decisions), r => r.Contains("Philippa Filterwell"));
        var countsRow = all.Document.QuerySelectorAll("#counts tbody tr").Single(r => r.TextContent.Contains("Decision on referral"))
            .QuerySelectorAll("td").Skip(1).Sum(td => int.Parse(td.TextContent));
        Assert.Equal(countsRow, Shown(decisions));

        // Still overdue, or done late: the two add up to every breach.
        var overdue = await manager.GetAsync("/MyWork/Breaches?Standing=Overdue");
        Assert.All(Rows(overdue), r => Assert.Contains("Overdue by", r));
        var late = await manager.GetAsync("/MyWork/Breaches?Standing=Late");
        Assert.All(Rows(late), r => Assert.Matches(@"Done \d+ .* late", r));
        Assert.Equal(everyone, Shown(overdue) + Shown(late));

        // Only the manager's own: no front-door breach nobody has decided (the new referral is nobody's yet).
        var mine = await manager.GetAsync("/MyWork/Breaches?MineOnly=true");
        Assert.DoesNotContain(Rows(mine), r => r.Contains("Philippa Filterwell"));
        Assert.True(Shown(mine) < everyone);

        // Return home interviews run in hours and have their own list: not offered here, and linked for those who follow them up.
        Assert.DoesNotContain(all.Document.QuerySelectorAll("#Step option"), o => o.TextContent.Contains("Return home interview"));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(all.Document.QuerySelector("#interviews-link")!.GetAttribute("href")!)).Status);
        using (var auditor = await BeaconClient.SignedInAsync(Factory, "auditor@beacon.test"))
            Assert.Null((await auditor.GetAsync("/MyWork/Breaches")).Document.QuerySelector("#interviews-link"));

        // A value the list does not know is no filter; the download follows the filters.
        Assert.Null((await manager.GetAsync("/MyWork/Breaches?Step=999")).Document.QuerySelector("#breaches-clear"));
        using var csv = await manager.Http.GetAsync(decisions.Document.QuerySelector("#download-csv")!.GetAttribute("href"));
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(Shown(decisions), lines.Count);
        Assert.All(lines, l => Assert.Contains(",Decision on referral,", l));
    }

    [Fact]
    public async Task Assessments_due_for_children_a_worker_key_works_come_most_serious_first_and_lead_to_all_of_them()
    {
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var me = await WithDbAsync(Factory, db => db.Users.Where(u => u.Email == "social.worker@beacon.test").Select(u => u.Id).SingleAsync());
        var now = DateTime.UtcNow;
        var actor = await Factory.WithScopeAsync(async sp =>
        {
            var user = await sp.GetRequiredService<BeaconDbContext>().Users.SingleAsync(u => u.Id == me);
            return Beacon.Web.Infrastructure.Identity.BeaconClaims.ToActor(
                await sp.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<Beacon.Web.Infrastructure.Identity.BeaconUser>>().CreateAsync(user));
        });
        var due = await WithDbAsync(Factory, db => (from c in db.Children.Where(Core.Access.ChildAccess.VisibleTo(actor))
                                                    where c.KeyWorkerUserId == me
                                                    join p in db.Set<Beacon.Web.Features.RiskAssessment.ChildRiskPosition>() on c.Id equals p.ChildId
                                                    where p.DueReason == Core.RiskAssessment.ReassessmentReason.NoAssessment || p.DueAtUtc <= now
                                                    select new { c.Id, p.Level }).ToListAsync());
        Assert.True(due.Count > 1, "the demo's social worker key-works children with assessments due");
        var card = (await worker.GetAsync("/MyWork")).Document.QuerySelector("#overdue-reassessments")!;
        // Counted from the risk positions, the same children as their records show.
        Assert.Equal(due.Count.ToString(), card.QuerySelector(".govuk-summary-card__title .govuk-tag--red")!.TextContent.Trim());
        Assert.Equal(Math.Min(due.Count, Beacon.Web.Features.MyWork.WaitingForYou.Shown), card.QuerySelectorAll(".govuk-summary-card__content a").Length);
        var first = Guid.Parse(card.QuerySelector(".govuk-summary-card__content a")!.GetAttribute("href")!.Split('/')[2]);
        Assert.Equal(due.Max(d => d.Level.HasValue ? (int)d.Level : -1), due.Single(d => d.Id == first).Level is { } l ? (int)l : -1);

        // "See all": the risk overview narrowed to the children this worker key-works, every one of them there.
        var all = await worker.GetAsync(card.QuerySelector(".govuk-summary-card__actions a")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.NotNull(all.Document.QuerySelector("#Mine[checked]"));
        var listed = all.Document.QuerySelectorAll("#needs-assessment tbody a").Select(a => Guid.Parse(a.GetAttribute("href")!.Split('/')[2])).ToList();
        Assert.Equal(Math.Min(due.Count, Beacon.Web.Features.RiskAssessment.RiskOverview.PageSize), listed.Count);
        Assert.All(listed, id => Assert.Contains(due, d => d.Id == id));
    }
}

public sealed class SqliteMyWorkTests(SqliteBeacon beacon) : MyWorkTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresMyWorkTests(PostgresBeacon beacon) : MyWorkTests(beacon), IClassFixture<PostgresBeacon>;
