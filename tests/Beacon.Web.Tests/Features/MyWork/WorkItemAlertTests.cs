using System.Net;
using Beacon.Core.Notifications;
using Beacon.Core.Referrals;
using Beacon.Web.Features.MyWork;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Beacon.Web.Tests.Features.Referrals.ReferralSteps;

namespace Beacon.Web.Tests.Features.MyWork;

/// <summary>People are told of new work on their list: in Beacon (My work and the menu), and by an email that names no child.</summary>
public abstract class WorkItemAlertTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();

    private Task<int> CheckEveryoneAsync() => Factory.WithScopeAsync(sp => sp.GetRequiredService<WorkItemAlerts>().CheckEveryoneAsync(CancellationToken.None));
    private Task<T> DbAsync<T>(Func<BeaconDbContext, Task<T>> work) => Factory.WithScopeAsync(sp => work(sp.GetRequiredService<BeaconDbContext>()));
    private Task<string> UserIdAsync(string email) => DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task A_report_sent_to_someone_tells_them_and_the_board_is_told_when_it_goes_unacknowledged()
    {
        await CheckEveryoneAsync();
        using var board = await BeaconClient.SignedInAsync(Factory, "board.member@beacon.test");
        var saved = await board.SubmitAsync("/Reports/New", "#new-report", new()
        {
            ["Input.Title"] = "Alerted review (fictional)", ["Input.Kind"] = "CaseReview", ["Input.Authors"] = "A reviewer",
            ["Input.PublishedOn.Day"] = "2", ["Input.PublishedOn.Month"] = "3", ["Input.PublishedOn.Year"] = "2026",
            ["Input.CommissionedBy"] = "The board", ["Input.Summary"] = "Findings (fictional).",
        }, new() { ["Upload"] = ("review.txt", System.Text.Encoding.UTF8.GetBytes("A fictional review.")) });
        Assert.True(saved.Status == HttpStatusCode.Redirect, string.Join("; ", saved.Errors));
        var reportId = Guid.Parse(saved.Location!.Split('/')[^1]);
        var health = await UserIdAsync("health.lead@beacon.test");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(board, saved.Location!, "Send", new() { ["SendTo[0]"] = health })).Status);

        await CheckEveryoneAsync();
        var alert = await DbAsync(db => db.Set<WorkItemAlert>().Where(a => a.UserId == health && a.Kind == "reports-to-acknowledge").SingleAsync());
        Assert.StartsWith("1 new: reports to read and acknowledge", alert.Message);
        var email = await DbAsync(db => db.OutboxEmails.Where(e => e.To == "health.lead@beacon.test").OrderByDescending(e => e.CreatedAtUtc).FirstAsync());
        Assert.Contains("reports to read and acknowledge", email.Body);

        // Two weeks on, still unacknowledged: the board member is told, by the same schedule and email.
        await DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"ReportRecipients\" SET \"SentAtUtc\" = {DateTime.UtcNow.AddDays(-15)} WHERE \"ReportId\" = {reportId}"));
        await CheckEveryoneAsync();
        var boardMember = await UserIdAsync("board.member@beacon.test");
        Assert.True(await DbAsync(db => db.Set<WorkItemAlert>().AnyAsync(a => a.UserId == boardMember && a.Kind == "reports-unacknowledged")));
        // Their email sends them where the item is listed, a page they may open: My work is for practitioners.
        var boardEmail = await DbAsync(db => db.OutboxEmails.Where(e => e.To == "board.member@beacon.test").OrderByDescending(e => e.CreatedAtUtc).FirstAsync());
        Assert.DoesNotContain("/MyWork", boardEmail.Body);
        var link = System.Text.RegularExpressions.Regex.Match(boardEmail.Body, @"Sign in to see it: (?:https?://[^/\s]+)?(/\S*)").Groups[1].Value;
        Assert.Matches(@"^/\w", link);
        Assert.Equal(HttpStatusCode.OK, (await board.GetAsync(link)).Status);
    }

    [Fact]
    public async Task A_proposal_of_no_further_action_tells_the_other_managers_in_Beacon_and_by_an_email_naming_no_child()
    {
        await CheckEveryoneAsync(); // the lists as they stand are remembered, not announced

        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var referral = await RaiseForNewChildAsync(Factory, worker, "Philippa", "Alertby");
        var proposed = await worker.SubmitAsync($"/Referrals/{referral}", "#decide", Decision(TriageOutcome.NoFurtherAction, reason: "Family moving away; school to monitor"));
        Assert.True(proposed.Status == HttpStatusCode.Redirect, string.Join("; ", proposed.Errors));

        var emailsBefore = await DbAsync(db => db.OutboxEmails.CountAsync());
        Assert.True(await CheckEveryoneAsync() >= 2, "both managers should be told");

        var manager = await UserIdAsync("team.manager@beacon.test");
        var alert = await DbAsync(db => db.Set<WorkItemAlert>().Where(a => a.UserId == manager && a.Kind == "approve-nfa").OrderByDescending(a => a.CreatedAtUtc).FirstAsync());
        Assert.StartsWith("1 new: no further action to approve", alert.Message);
        Assert.Equal("/Referrals/Queue?Status=AwaitingManagerApproval", alert.Link);
        // The proposer is not told about their own proposal.
        var proposer = await UserIdAsync("social.worker@beacon.test");
        Assert.False(await DbAsync(db => db.Set<WorkItemAlert>().AnyAsync(a => a.UserId == proposer && a.Kind == "approve-nfa")));

        var email = await DbAsync(db => db.OutboxEmails.Where(e => e.To == "team.manager@beacon.test").OrderByDescending(e => e.CreatedAtUtc).FirstAsync());
        Assert.Equal("New work is waiting for you in Beacon", email.Subject);
        Assert.Contains("1 new: no further action to approve", email.Body);
        Assert.DoesNotContain("Philippa", email.Body);
        Assert.DoesNotContain("Alertby", email.Body);
        Assert.True(await DbAsync(db => db.OutboxEmails.CountAsync()) > emailsBefore);

        // In Beacon: on My work, and as a count beside it in the menu, until marked seen.
        using var managerClient = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        var myWork = await managerClient.GetAsync("/MyWork");
        Assert.Contains("no further action to approve", myWork.Document.QuerySelector("#new-work")!.TextContent);
        Assert.NotNull(myWork.Document.QuerySelector("#new-work-count"));
        foreach (var form in myWork.Document.QuerySelectorAll("#new-work form").ToList())
        {
            var seen = await managerClient.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)form, [], "/MyWork");
            Assert.Equal(HttpStatusCode.Redirect, seen.Status);
        }
        myWork = await managerClient.GetAsync("/MyWork");
        Assert.Null(myWork.Document.QuerySelector("#new-work"));
        Assert.Null(myWork.Document.QuerySelector("#new-work-count"));

        // Nothing new: nobody is told again.
        var alertsBefore = await DbAsync(db => db.Set<WorkItemAlert>().CountAsync(a => a.UserId == manager));
        await CheckEveryoneAsync();
        Assert.Equal(alertsBefore, await DbAsync(db => db.Set<WorkItemAlert>().CountAsync(a => a.UserId == manager)));
    }

    [Fact]
    public async Task Nobody_marks_another_persons_alert_seen()
    {
        var manager = await UserIdAsync("team.manager@beacon.test");
        var alert = WorkItemAlert.For(manager, new WorkListGrowth("approve-closure", "Case closures to approve", 1, 1, "/MyWork"), DateTime.UtcNow);
        await DbAsync(async db => { db.Add(alert); return await db.SaveChangesAsync(); });

        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        var posted = await PostAsync(worker, "/MyWork", "AlertSeen", new() { ["alertId"] = alert.Id.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        Assert.Null(await DbAsync(db => db.Set<WorkItemAlert>().Where(a => a.Id == alert.Id).Select(a => a.SeenAtUtc).SingleAsync()));
    }
}

public sealed class SqliteWorkItemAlertTests(SqliteBeacon beacon) : WorkItemAlertTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresWorkItemAlertTests(PostgresBeacon beacon) : WorkItemAlertTests(beacon), IClassFixture<PostgresBeacon>;
