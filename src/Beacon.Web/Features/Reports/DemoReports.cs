using Beacon.Core.Access;
using Beacon.Core.Reports;
using Beacon.Core.Timescales;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Beacon.Web.Infrastructure.Pdf;

namespace Beacon.Web.Features.Reports;

/// <summary>
/// The demo's reports, all fictional: an inquiry report with fifteen recommendations in the state a council's action
/// plan might describe (four in progress, four due on one date, seven on a later one), sent to senior people of whom
/// some have not acknowledged it; and an older research report that was challenged, so its history is visible.
/// </summary>
internal static class DemoReports
{
    public static void Seed(BeaconDbContext db, Func<string, Agency, BeaconUser> user, DateTime now)
    {
        var today = UkTime.ToUkDate(now);
        var board = user(BeaconRoles.BoardMember, Agency.SafeguardingBoard);

        var research = Report.Record(board.OrganisationId, "Young people and exploitation in (fictional) Northgate: a research study", ReportKind.Research,
            "A fictional research team", today.AddYears(-12), "The (fictional) Northgate Crime Reduction Partnership",
            "Interviews with youth workers and young people suggested that far more young people were being sexually exploited than agencies had recorded, " +
            "often by groups of adults working across towns. (Fictional demo text.)", board.Id, now.AddYears(-12));
        research.Challenge("The council's performance team disputed the data: the numbers could not be matched to case files. (Fictional.) " +
            "The board keeps the report, and the challenge, in view.", board.Id, now.AddYears(-12).AddDays(40));
        AddDocument(db, research, board, now.AddYears(-12),
            new PdfReport(research.Title).Paragraph(research.Summary).Paragraph("This document is fictional demo material."));

        var inquiry = Report.Record(board.OrganisationId, "Independent inquiry into child sexual exploitation in (fictional) Northgate", ReportKind.IndependentInquiry,
            "A fictional independent inquiry", today.AddMonths(-3), "The (fictional) Northgate Council",
            "Many children were exploited over many years while the council, the police, a youth project and the board each held pieces of the picture. " +
            "Referrals were downplayed, risk assessments were missing and early reports were not acted on. Fifteen recommendations follow. (Fictional demo text.)",
            board.Id, now.AddMonths(-3));
        AddDocument(db, inquiry, board, now.AddMonths(-3),
            new PdfReport(inquiry.Title).Paragraph(inquiry.Summary).Paragraph("This document is fictional demo material."));

        var readers = new[] { user(BeaconRoles.TeamManager, Agency.ChildrensSocialCare), user(BeaconRoles.PanelChair, Agency.ChildrensSocialCare),
            user(BeaconRoles.PoliceOfficer, Agency.Police), user(BeaconRoles.SafeguardingLead, Agency.Health) };
        var sentAt = now.AddDays(-20);
        for (var i = 0; i < readers.Length; i++)
        {
            var recipient = ReportRecipient.Send(inquiry, readers[i].Id, board.Id, sentAt);
            // Two have read and acknowledged it; two have not, so it is overdue with them and the board sees that.
            if (i < 2) recipient.Acknowledge(readers[i].Id, i == 0 ? "Read; the front door's procedures are being rewritten." : null, sentAt.AddDays(3 + i));
            db.Add(recipient);
        }

        string[] texts =
        [
            "Every referral of suspected exploitation is decided within one working day and its decision recorded.",
            "Every child at risk of exploitation has a current, signed-off risk assessment.",
            "The multi-agency panel removes a child from its list only with a recorded reason and the chair's approval.",
            "The ethnicity of suspected perpetrators is recorded, as of any person of concern.",
            "The board audits a sample of case files every quarter and publishes the findings.",
            "Youth outreach workers' referrals are acknowledged and answered within a working day.",
            "Return home interviews are held within 72 hours of every missing episode.",
            "The police and the council share one list of suspected perpetrators, vehicles and places.",
            "Reports to the board are sent to named senior leaders, who acknowledge reading them.",
            "Staff can raise concerns about practice confidentially, outside their line management.",
            "Training on exploitation is given to every taxi driver licensed by the council.",
            "Schools report unexplained absence of children at risk to the key worker daily.",
            "Health services offer every exploited child a sexual health appointment within a week.",
            "The council estimates the scale of exploitation from all agencies' records each year.",
            "Prosecutions are reviewed by the board with the police every six months.",
        ];
        var owners = new[] { readers[0], readers[1], readers[2], readers[3], user(BeaconRoles.TeamManager, Agency.ChildrensSocialCare) };
        for (var n = 0; n < texts.Length; n++)
        {
            var owner = owners[n % owners.Length];
            // 1–4 already in progress (due later); 5–8 due on one date, just passed; 9–15 due on a later one.
            var target = n < 4 ? today.AddMonths(4) : n < 8 ? today.AddDays(-7) : today.AddDays(25);
            var r = Recommendation.Add(inquiry, n + 1, texts[n] + " (Fictional.)", owner.Id, owner.OrganisationId, target, board.Id, now.AddMonths(-3).AddDays(7));
            if (n < 4) r.Start(owner.Id);
            if (n == 4)
            {
                r.Complete("Quarterly audit programme adopted; the first audit of 40 files is published on the board's site. (Fictional.)", today.AddDays(-20), owner.Id, now.AddDays(-20));
                r.AcceptEvidence(board.Id, now.AddDays(-15));
            }
            if (n == 5) r.Complete("Outreach referrals now come through the front door, which answers within a working day. (Fictional.)", today.AddDays(-10), owner.Id, now.AddDays(-10));
            if (n is 6 or 9) r.Start(owner.Id);
            db.Add(r);
        }
        db.Add(research);
        db.Add(inquiry);
    }

    private static void AddDocument(BeaconDbContext db, Report report, BeaconUser by, DateTime at, PdfReport pdf)
    {
        var content = pdf.ToBytes(at);
        var document = ReportDocument.Accept(report, 1, "report.pdf", content, by.Id, at);
        db.Add(document);
        db.Add(ReportDocumentContent.Of(document, content));
    }
}
