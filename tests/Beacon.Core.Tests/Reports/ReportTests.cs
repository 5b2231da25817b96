using Beacon.Core.Common;
using Beacon.Core.Reports;

namespace Beacon.Core.Tests.Reports;

public sealed class ReportTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly Guid Board = Guid.NewGuid();

    private static Report NewReport() => Report.Record(Board, "Independent inquiry into (fictional) Northgate", ReportKind.IndependentInquiry,
        "A. Fictional", Today.AddDays(-3), "The (fictional) council", "Found that many children were exploited while agencies held pieces of the picture.", "board-1", Now);

    [Fact]
    public void A_report_needs_its_title_kind_authors_date_commissioner_and_summary()
    {
        Assert.Equal("Title", Assert.Throws<DomainRuleViolation>(() => Report.Record(Board, " ", ReportKind.Research, "A", Today, "B", "C", "u", Now)).Field);
        Assert.Equal("Kind", Assert.Throws<DomainRuleViolation>(() => Report.Record(Board, "T", null, "A", Today, "B", "C", "u", Now)).Field);
        Assert.Equal("Authors", Assert.Throws<DomainRuleViolation>(() => Report.Record(Board, "T", ReportKind.Research, "", Today, "B", "C", "u", Now)).Field);
        Assert.Equal("PublishedOn", Assert.Throws<DomainRuleViolation>(() => Report.Record(Board, "T", ReportKind.Research, "A", Today.AddDays(1), "B", "C", "u", Now)).Field);
        Assert.Equal("Summary", Assert.Throws<DomainRuleViolation>(() => Report.Record(Board, "T", ReportKind.Research, "A", Today, "B", null, "u", Now)).Field);
    }

    [Fact]
    public void A_challenge_needs_a_reason_is_made_once_and_leaves_the_report_as_it_was()
    {
        var report = NewReport();
        Assert.Throws<DomainRuleViolation>(() => report.Challenge(" ", "board-2", Now));
        report.Challenge("The data are disputed by the council's performance team", "board-2", Now);
        Assert.True(report.IsChallenged);
        Assert.Equal("Independent inquiry into (fictional) Northgate", report.Title);
        Assert.Throws<DomainRuleViolation>(() => report.Challenge("Again", "board-3", Now));
        Assert.Equal("board-2", report.ChallengedByUserId);
    }

    [Fact]
    public void A_document_is_a_pdf_word_or_text_file_within_the_limit_kept_with_its_hash()
    {
        var report = NewReport();
        var pdf = "%PDF-1.7 fictional\n%%EOF"u8.ToArray();
        var document = ReportDocument.Accept(report, 1, "inquiry.html", pdf, "board-1", Now);
        Assert.Equal(("inquiry.pdf", "application/pdf", 1), (document.FileName, document.ContentType, document.VersionNumber));
        Assert.True(document.IsIntact(pdf));
        pdf[^1] ^= 1;
        Assert.False(document.IsIntact(pdf));
        // A picture is not a document; an empty or oversized file is refused.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1];
        Assert.Contains("must be a PDF, Word document, Text file", Assert.Throws<DomainRuleViolation>(() => ReportDocument.Accept(report, 1, "a.png", png, "u", Now)).Message);
        Assert.Throws<DomainRuleViolation>(() => ReportDocument.Accept(report, 1, "a.pdf", [], "u", Now));
        Assert.Throws<DomainRuleViolation>(() => ReportDocument.Accept(report, 1, "a.txt", new byte[CheckedFile.MaxBytes + 1], "u", Now));
    }

    [Fact]
    public void Each_recipient_acknowledges_once_with_an_optional_comment_and_is_overdue_after_two_weeks()
    {
        var report = NewReport();
        var sent = ReportRecipient.Send(report, "leader-1", "board-1", Now);
        Assert.False(sent.IsOverdue(Now.AddDays(ReportRecipient.AcknowledgeWithinDays)));
        Assert.True(sent.IsOverdue(Now.AddDays(ReportRecipient.AcknowledgeWithinDays).AddMinutes(1)));
        sent.Opened(Now.AddDays(1));
        sent.Opened(Now.AddDays(2));
        Assert.Equal(Now.AddDays(1), sent.FirstOpenedAtUtc);
        Assert.Throws<DomainRuleViolation>(() => sent.Acknowledge("someone-else", null, Now));
        sent.Acknowledge("leader-1", "Read; the team will respond", Now.AddDays(20));
        Assert.False(sent.IsOverdue(Now.AddDays(30)));
        Assert.Throws<DomainRuleViolation>(() => sent.Acknowledge("leader-1", null, Now.AddDays(21)));
    }

    [Fact]
    public void A_recommendation_is_complete_only_with_evidence_and_evidenced_only_when_someone_else_on_the_board_accepts()
    {
        var report = NewReport();
        Assert.Equal("OwnerUserId", Assert.Throws<DomainRuleViolation>(() => Recommendation.Add(report, 1, "Do it", null, Guid.NewGuid(), Today, "b", Now)).Field);
        Assert.Equal("TargetOn", Assert.Throws<DomainRuleViolation>(() => Recommendation.Add(report, 1, "Do it", "owner", Guid.NewGuid(), null, "b", Now)).Field);
        var r = Recommendation.Add(report, 1, "Record the ethnicity of perpetrators in every case", "owner", Guid.NewGuid(), Today.AddDays(90), "board-1", Now);
        Assert.Throws<DomainRuleViolation>(() => r.Start("not-owner"));
        r.Start("owner");
        Assert.Equal("Evidence", Assert.Throws<DomainRuleViolation>(() => r.Complete(" ", Today, "owner", Now)).Field);
        Assert.Equal("CompletedOn", Assert.Throws<DomainRuleViolation>(() => r.Complete("Policy adopted", Today.AddDays(1), "owner", Now)).Field);
        Assert.Throws<DomainRuleViolation>(() => r.AcceptEvidence("board-1", Now)); // not complete yet
        r.Complete("Policy adopted on 20 November; audit of 40 files shows it recorded in 38", Today, "owner", Now);
        Assert.Throws<DomainRuleViolation>(() => r.AcceptEvidence("owner", Now));
        Assert.Equal("ReturnedReason", Assert.Throws<DomainRuleViolation>(() => r.ReturnEvidence("board-1", " ", Now)).Field);
        r.ReturnEvidence("board-1", "The audit covers one team only", Now);
        Assert.Equal("The audit covers one team only", r.ReturnedReason);
        Assert.Equal(RecommendationStatus.InProgress, r.Status);
        r.Complete("Audit repeated: recorded in 40 of 40 files", Today, "owner", Now);
        r.AcceptEvidence("board-1", Now);
        Assert.Equal((RecommendationStatus.Evidenced, "board-1"), (r.Status, r.AcceptedByUserId));
    }

    [Theory]
    [InlineData(RecommendationStatus.InProgress, 45, Rag.Green)]
    [InlineData(RecommendationStatus.InProgress, 30, Rag.Amber)]
    [InlineData(RecommendationStatus.NotStarted, 45, Rag.Amber)]
    [InlineData(RecommendationStatus.NotStarted, 61, Rag.Green)]
    [InlineData(RecommendationStatus.InProgress, -1, Rag.Red)]
    [InlineData(RecommendationStatus.NotStarted, -1, Rag.Red)]
    public void Rag_comes_from_the_dates_and_the_status(RecommendationStatus status, int daysToTarget, Rag expected)
    {
        var r = Recommendation.Add(NewReport(), 1, "Do it", "owner", Guid.NewGuid(), Today.AddDays(daysToTarget), "b", Now.AddDays(-100));
        if (status == RecommendationStatus.InProgress) r.Start("owner");
        Assert.Equal(expected, r.RagOn(Today));
        Assert.Equal(daysToTarget < 0, r.IsOverdue(Today));
    }

    [Fact]
    public void Complete_is_green_when_on_time_amber_when_late_until_the_board_accepts_it()
    {
        var late = Recommendation.Add(NewReport(), 1, "Do it", "owner", Guid.NewGuid(), Today.AddDays(-10), "b", Now.AddDays(-100));
        late.Complete("Done late, evidence attached", Today, "owner", Now);
        Assert.Equal(Rag.Amber, late.RagOn(Today));
        Assert.False(late.IsOverdue(Today));
        late.AcceptEvidence("board-1", Now);
        Assert.Equal(Rag.Green, late.RagOn(Today));
    }
}

public sealed class ReportAccessTests
{
    private static Beacon.Core.Access.Actor As(Beacon.Core.Access.Agency agency, string role) =>
        new("u", "Someone", agency, new HashSet<string> { role });

    [Theory]
    [InlineData(Beacon.Core.Access.Agency.SafeguardingBoard, Beacon.Core.Access.BeaconRoles.BoardMember, true, true)]
    [InlineData(Beacon.Core.Access.Agency.SafeguardingBoard, Beacon.Core.Access.BeaconRoles.Auditor, false, true)]
    [InlineData(Beacon.Core.Access.Agency.ChildrensSocialCare, Beacon.Core.Access.BeaconRoles.TeamManager, false, true)]
    [InlineData(Beacon.Core.Access.Agency.ChildrensSocialCare, Beacon.Core.Access.BeaconRoles.PanelChair, false, true)]
    [InlineData(Beacon.Core.Access.Agency.ChildrensSocialCare, Beacon.Core.Access.BeaconRoles.SocialWorker, false, false)]
    [InlineData(Beacon.Core.Access.Agency.SafeguardingBoard, Beacon.Core.Access.BeaconRoles.Administrator, false, false)]
    public void The_board_manages_reports_and_senior_people_read_the_register(Beacon.Core.Access.Agency agency, string role, bool manages, bool reads)
    {
        Assert.Equal(manages, ReportAccess.MayManage(As(agency, role)));
        Assert.Equal(reads, ReportAccess.ReadsRegister(As(agency, role)));
    }
}
