using System.Data.Common;
using System.Net;
using System.Text;
using Beacon.Core.Reports;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Beacon.Web.Tests.Features.Referrals.ReferralSteps;

namespace Beacon.Web.Tests.Features.Reports;

/// <summary>Reports and recommendations through the pages: recorded, sent, acknowledged, challenged, tracked to evidence; never changed or lost.</summary>
public abstract class ReportTests(BeaconFixture beacon)
{
    private BeaconFactory Factory => beacon.Require();
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\nA fictional review of practice.\n%%EOF");

    private static Dictionary<string, string> ReportFields(string title) => new()
    {
        ["Input.Title"] = title, ["Input.Kind"] = nameof(ReportKind.CaseReview), ["Input.Authors"] = "A fictional reviewer",
        ["Input.PublishedOn.Day"] = "2", ["Input.PublishedOn.Month"] = "3", ["Input.PublishedOn.Year"] = "2026",
        ["Input.CommissionedBy"] = "The (fictional) board", ["Input.Summary"] = "Referrals from youth workers were downplayed. (Fictional.)",
    };

    private async Task<Guid> RecordAsync(BeaconClient board, string title)
    {
        var saved = await board.SubmitAsync("/Reports/New", "#new-report", ReportFields(title), new() { ["Upload"] = ("review.pdf", Pdf) });
        Assert.True(saved.Status == HttpStatusCode.Redirect, string.Join("; ", saved.Errors));
        return Guid.Parse(saved.Location!.Split('/')[^1]);
    }

    private Task<string> UserIdAsync(string email) => WithDbAsync(Factory, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task A_report_is_recorded_sent_opened_and_acknowledged_and_who_did_what_stays_on_it()
    {
        using var board = await BeaconClient.SignedInAsync(Factory, "board.member@beacon.test");
        // Bad input changes nothing: no title, and a picture instead of a document.
        var before = await WithDbAsync(Factory, db => db.Set<Report>().CountAsync());
        var noTitle = await board.SubmitAsync("/Reports/New", "#new-report", new(ReportFields("")), new() { ["Upload"] = ("review.pdf", Pdf) });
        Assert.Equal("Enter the report's title", noTitle.FieldError("Input-Title"));
        var picture = await board.SubmitAsync("/Reports/New", "#new-report", ReportFields("A review with a picture"),
            new() { ["Upload"] = ("photo.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2]) });
        Assert.Contains("must be a PDF, Word document, Text file", picture.FieldError("Upload"));
        Assert.Equal(before, await WithDbAsync(Factory, db => db.Set<Report>().CountAsync()));
        // Only the board records reports.
        using var worker = await BeaconClient.SignedInAsync(Factory, "social.worker@beacon.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/Reports/New")).Status);

        var id = await RecordAsync(board, "Review of the (fictional) Northgate front door");
        var url = $"/Reports/{id}";
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync(url)).Status); // not sent to them, not on their register

        var manager = await UserIdAsync("team.manager@beacon.test");
        var chairId = await UserIdAsync("panel.chair@beacon.test");
        Assert.Contains((await PostAsync(board, url, "Send", [])).Errors, e => e == "Choose who the report goes to");
        var sent = await PostAsync(board, url, "Send", new() { ["SendTo[0]"] = manager, ["SendTo[1]"] = chairId });
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);

        using var managerClient = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        Assert.Contains("Review of the (fictional) Northgate front door", (await managerClient.GetAsync("/MyWork")).Document.QuerySelector("#reports-to-acknowledge")!.TextContent);
        var page = await managerClient.GetAsync(url);
        var link = page.Document.QuerySelector("#documents a")!.GetAttribute("href")!;
        using (var download = await managerClient.Http.GetAsync(link))
        {
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        }
        // Acknowledged from two tabs at once: one acknowledgement stands, and it is never rewritten.
        var both = await Task.WhenAll(
            PostAsync(managerClient, url, "Acknowledge", new() { ["Comment"] = "Read; the front door will change its procedure" }),
            PostAsync(managerClient, url, "Acknowledge", new() { ["Comment"] = "Read; the front door will change its procedure" }));
        Assert.All(both, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.Status));
        var recipientId = await WithDbAsync(Factory, db => db.Set<ReportRecipient>().Where(r => r.ReportId == id && r.UserId == manager).Select(r => r.Id).SingleAsync());
        Assert.Equal(1, await WithDbAsync(Factory, db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(ReportRecipient) && e.EntityId == recipientId.ToString()
            && e.ChangesJson!.Contains("AcknowledgedAtUtc"))));
        Assert.Null((await managerClient.GetAsync("/MyWork")).Document.QuerySelector("#reports-to-acknowledge"));

        var row = (await board.GetAsync(url)).Document.QuerySelector($"#recipients tr[data-recipient='{manager}']")!.TextContent;
        Assert.DoesNotContain("Not yet", row); // opened and acknowledged, with the comment
        Assert.Contains("the front door will change its procedure", row);
        Assert.Contains("Not yet", (await board.GetAsync(url)).Document.QuerySelector($"#recipients tr[data-recipient='{chairId}']")!.TextContent);

        // Two weeks on without acknowledgement it is overdue, and the board is told.
        await WithDbAsync(Factory, db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"ReportRecipients\" SET \"SentAtUtc\" = {DateTime.UtcNow.AddDays(-15)} WHERE \"ReportId\" = {id} AND \"UserId\" = {chairId}"));
        Assert.Contains("Overdue", (await board.GetAsync(url)).Document.QuerySelector($"#recipients tr[data-recipient='{chairId}']")!.TextContent);
        Assert.Contains("Not acknowledged: Review of the (fictional) Northgate front door", (await board.GetAsync("/Reports")).Document.QuerySelector("#for-the-board")!.TextContent);

        // A challenge needs a reason and hides nothing.
        Assert.Contains((await board.SubmitAsync(url, "#challenge-report", new() { ["ChallengeReason"] = "" })).Errors, e => e.StartsWith("Say why the report is challenged"));
        var unconfirmed = await board.SubmitAsync(url, "#challenge-report", new() { ["ChallengeReason"] = "The council disputes the sample" });
        Assert.Equal("Confirm that the challenge stays on the report for good", unconfirmed.FieldError("ChallengeConfirmed"));
        Assert.Null((await board.GetAsync(url)).Document.QuerySelector("#challenge"));
        Assert.Equal(HttpStatusCode.Redirect, (await board.SubmitAsync(url, "#challenge-report", new() { ["ChallengeReason"] = "The council disputes the sample", ["ChallengeConfirmed"] = "true" })).Status);
        var challenged = await managerClient.GetAsync(url);
        Assert.Contains("The council disputes the sample", challenged.Document.QuerySelector("#challenge")!.TextContent);
        Assert.NotNull(challenged.Document.QuerySelector("#documents a"));
        Assert.Contains("Challenged", (await board.GetAsync("/Reports")).Document.QuerySelector($"#reports tr[data-report='{id}']")!.TextContent);
        using var csv = await board.Http.GetAsync("/Reports?handler=Csv");
        Assert.Contains("Review of the (fictional) Northgate front door,Case review,Yes,2,1", await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_recommendation_needs_an_owner_and_date_is_complete_only_with_evidence_and_evidenced_only_when_the_board_accepts()
    {
        using var board = await BeaconClient.SignedInAsync(Factory, "board.member@beacon.test");
        var id = await RecordAsync(board, "Review of the (fictional) panel's removals");
        var url = $"/Reports/{id}";
        var manager = await UserIdAsync("team.manager@beacon.test");
        var noOwner = await board.SubmitAsync(url, "#add-recommendation", new() { ["NewRecommendation.Text"] = "Audit every removal", ["NewRecommendation.OwnerUserId"] = "" });
        Assert.Equal("Choose who owns it", noOwner.FieldError("NewRecommendation-OwnerUserId"));
        var target = DateTime.UtcNow.AddDays(10);
        var added = await board.SubmitAsync(url, "#add-recommendation", new()
        {
            ["NewRecommendation.Text"] = "Audit every removal from the panel's list", ["NewRecommendation.OwnerUserId"] = manager,
            ["NewRecommendation.TargetOn.Day"] = target.Day.ToString(), ["NewRecommendation.TargetOn.Month"] = target.Month.ToString(), ["NewRecommendation.TargetOn.Year"] = target.Year.ToString(),
        });
        Assert.True(added.Status == HttpStatusCode.Redirect, string.Join("; ", added.Errors));
        var recommendationId = await WithDbAsync(Factory, db => db.Set<Recommendation>().Where(r => r.ReportId == id).Select(r => r.Id).SingleAsync());
        var recUrl = $"/Reports/Recommendations/{recommendationId}";
        Assert.Contains("Amber", (await board.GetAsync(url)).Document.QuerySelector($"#recommendations tr[data-recommendation='{recommendationId}']")!.TextContent);

        // The owner sees it on their work list (due within a month), and marks it complete only with evidence.
        using var owner = await BeaconClient.SignedInAsync(Factory, "team.manager@beacon.test");
        Assert.Contains("Audit every removal", (await owner.GetAsync("/MyWork")).Document.QuerySelector("#recommendations-due")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(board, recUrl, "Complete", new() { ["Evidence"] = "Done" })).Status);
        var today = DateTime.UtcNow;
        var noEvidence = await owner.SubmitAsync(recUrl, "#complete", new() { ["Evidence"] = "", ["CompletedOn.Day"] = today.Day.ToString(), ["CompletedOn.Month"] = today.Month.ToString(), ["CompletedOn.Year"] = today.Year.ToString() });
        Assert.StartsWith("Give the evidence", noEvidence.FieldError("Evidence"));
        var completeFields = new Dictionary<string, string>
        {
            ["Evidence"] = "Audit of all 12 removals since April: each has a rationale and the chair's approval",
            ["CompletedOn.Day"] = today.Day.ToString(), ["CompletedOn.Month"] = today.Month.ToString(), ["CompletedOn.Year"] = today.Year.ToString(),
        };
        // The evidence can carry a document: a picture is refused and nothing is saved; the audit report is kept.
        var picture = await owner.SubmitAsync(recUrl, "#complete", completeFields, new() { ["Upload"] = ("audit.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1]) });
        Assert.Contains("must be a PDF", picture.FieldError("Upload"));
        Assert.Equal(RecommendationStatus.NotStarted, await WithDbAsync(Factory, db => db.Set<Recommendation>().Where(r => r.Id == recommendationId).Select(r => r.Status).SingleAsync()));
        // A page opened before someone else's change is refused, not applied over it.
        var stale = await PostAsync(owner, recUrl, "Start", new() { ["Version"] = "99" });
        Assert.Contains(stale.Errors, e => e.StartsWith("Someone else changed this recommendation"));
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(recUrl, "#complete", completeFields, new() { ["Upload"] = ("removals-audit.pdf", Pdf) })).Status);
        var evidenceLink = (await board.GetAsync(recUrl)).Document.QuerySelector("#evidence-documents a")!.GetAttribute("href")!;
        using (var evidence = await board.Http.GetAsync(evidenceLink))
            Assert.Equal(Pdf, await evidence.Content.ReadAsByteArrayAsync());
        Assert.Null((await owner.GetAsync(recUrl)).Document.QuerySelector("#accept")); // the owner cannot accept their own evidence
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(owner, recUrl, "Accept", [])).Status);
        Assert.Contains("Evidence to accept", (await board.GetAsync("/Reports")).Document.QuerySelector("#for-the-board")!.TextContent);
        // Sent back only with a reason, which the owner reads; it goes back on their work list until completed again.
        Assert.StartsWith("Say what the evidence does not show", (await board.SubmitAsync(recUrl, "#return", new() { ["ReturnReason"] = "" })).FieldError("ReturnReason"));
        Assert.Equal(HttpStatusCode.Redirect, (await board.SubmitAsync(recUrl, "#return", new() { ["ReturnReason"] = "The audit covers one team only" })).Status);
        Assert.Contains("The audit covers one team only", (await owner.GetAsync(recUrl)).Document.QuerySelector("#returned")!.TextContent);
        Assert.Contains("Audit every removal", (await owner.GetAsync("/MyWork")).Document.QuerySelector("#recommendations-due")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(recUrl, "#complete", new(completeFields) { ["Evidence"] = "Audit repeated across both teams: all 12 removals in order" })).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await board.SubmitAsync(recUrl, "#accept", [])).Status);
        var accepted = await board.GetAsync(recUrl);
        Assert.Equal("Evidenced", accepted.Document.QuerySelector("#status")!.TextContent.Trim());
        Assert.Equal("Green", accepted.Document.QuerySelector("#rag")!.TextContent.Trim());
        // The action plan shows it under its target date, and the progress chart beside its table.
        var plan = await board.GetAsync("/Reports/ActionPlan");
        Assert.NotNull(plan.Document.QuerySelector($"tr[data-recommendation='{recommendationId}']"));
        Assert.NotNull(plan.Document.QuerySelector("#progress-chart svg"));
        using var csv = await board.Http.GetAsync("/Reports/ActionPlan?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("Target date,Report,Number,Recommendation,Owner,Status,Rating", text.TrimStart('\uFEFF'));
        Assert.Contains("Audit every removal from the panel's list", text);
        Assert.Contains(",Evidenced,Green", text);
    }

    [Fact]
    public async Task Documents_are_never_changed_or_deleted_and_a_changed_one_is_never_served()
    {
        using var board = await BeaconClient.SignedInAsync(Factory, "board.member@beacon.test");
        var id = await RecordAsync(board, "Review whose document is tampered with");
        var url = $"/Reports/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await board.SubmitAsync(url, "#add-version", [], new() { ["Upload"] = ("review-v2.txt", Encoding.UTF8.GetBytes("Version two, plain text.")) })).Status);
        var versions = (await board.GetAsync(url)).Document.QuerySelectorAll("#documents li").Select(li => li.GetAttribute("data-version")).ToList();
        Assert.Equal(["2", "1"], versions); // the first version is kept
        var documentId = await WithDbAsync(Factory, db => db.Set<ReportDocument>().Where(d => d.ReportId == id && d.VersionNumber == 1).Select(d => d.Id).SingleAsync());

        foreach (var sql in new[]
                 {
                     $"""DELETE FROM "Reports" WHERE "Id" = '{Id(id)}'""",
                     $"""DELETE FROM "ReportDocuments" WHERE "Id" = '{Id(documentId)}'""",
                     $"""UPDATE "ReportDocuments" SET "FileName" = 'other.pdf' WHERE "Id" = '{Id(documentId)}'""",
                     $"""UPDATE "ReportDocumentContents" SET "Content" = {Bytes("%PDF-forged")} WHERE "DocumentId" = '{Id(documentId)}'""",
                 })
            await Assert.ThrowsAnyAsync<DbException>(() => WithDbAsync(Factory, db => db.Database.ExecuteSqlRawAsync(sql)));

        // Someone able to lift the guard changes the file: Beacon notices and refuses to serve it.
        await WithDbAsync(Factory, db => db.Database.ExecuteSqlRawAsync(Factory.Database.Provider == DatabaseProvider.Postgres
            ? $"""ALTER TABLE "ReportDocumentContents" DISABLE TRIGGER USER; UPDATE "ReportDocumentContents" SET "Content" = {Bytes("%PDF-forged")} WHERE "DocumentId" = '{Id(documentId)}'; ALTER TABLE "ReportDocumentContents" ENABLE TRIGGER USER;"""
            : $"""DROP TRIGGER "ReportDocumentContents_no_update"; UPDATE "ReportDocumentContents" SET "Content" = {Bytes("%PDF-forged")} WHERE "DocumentId" = '{Id(documentId)}'; CREATE TRIGGER "ReportDocumentContents_no_update" BEFORE UPDATE ON "ReportDocumentContents" BEGIN SELECT RAISE(ABORT, 'ReportDocumentContents records are never changed'); END;"""));
        using var download = await board.Http.GetAsync($"{url}?handler=Document&documentId={documentId}");
        Assert.Equal(HttpStatusCode.Conflict, download.StatusCode);
        Assert.DoesNotContain("forged", await download.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_demo_has_an_inquiry_with_fifteen_recommendations_and_a_challenged_older_report()
    {
        using var board = await BeaconClient.SignedInAsync(Factory, "board.member@beacon.test");
        var register = await board.GetAsync("/Reports");
        var rows = register.Document.QuerySelectorAll("#reports tbody tr").Select(r => r.TextContent).ToList();
        var inquiry = rows.Single(r => r.Contains("Independent inquiry into child sexual exploitation"));
        Assert.Contains("1 of 15", inquiry); // evidenced
        Assert.Contains("2 of 4", inquiry); // acknowledged
        Assert.Contains("Challenged", rows.Single(r => r.Contains("a research study")));
        Assert.Contains("Not acknowledged", register.Document.QuerySelector("#for-the-board")!.TextContent);
        // Three target dates, as the council's plan had them: four, four and seven recommendations.
        var plan = await board.GetAsync("/Reports/ActionPlan");
        var perDate = plan.Document.QuerySelectorAll("table[data-target]")
            .Select(t => t.QuerySelectorAll("tbody tr").Count(tr => tr.TextContent.Contains("Independent inquiry into child sexual exploitation")))
            .Where(n => n > 0).Order().ToList();
        Assert.Equal([4, 4, 7], perDate);
    }

    private string Id(Guid id) => Factory.Database.Provider == DatabaseProvider.Postgres ? id.ToString() : id.ToString().ToUpperInvariant();
    private string Bytes(string text) => Factory.Database.Provider == DatabaseProvider.Postgres
        ? $"'\\x{Convert.ToHexString(Encoding.ASCII.GetBytes(text))}'::bytea"
        : $"X'{Convert.ToHexString(Encoding.ASCII.GetBytes(text))}'";
}

public sealed class SqliteReportTests(SqliteBeacon beacon) : ReportTests(beacon), IClassFixture<SqliteBeacon>;
public sealed class PostgresReportTests(PostgresBeacon beacon) : ReportTests(beacon), IClassFixture<PostgresBeacon>;
