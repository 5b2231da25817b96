using Beacon.Core.Access;
using Beacon.Core.Cases;
using Beacon.Core.Referrals;
using Beacon.Core.RiskAssessment;
using Beacon.Core.Timescales;
using Beacon.Web.Features.RiskAssessment;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.GovUk;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.MyWork;

/// <summary>
/// Everything waiting for this person's decision or follow-up, on their work list: approvals only they (as a manager
/// other than the proposer, or as the panel chair) can give, overdue return home interviews, and overdue reassessments
/// of the children they key-work. Each kind is counted in the database, with the first few shown and a link to all.
/// Only what the person may act on is listed: a manager's own proposal waits for another manager, not for them.
/// </summary>
public sealed class WaitingForYou(BeaconDbContext db, Assessments assessments, RiskOverview overview, ScoringPolicy policy, TimeProvider clock)
{
    public const int Shown = 5;

    public sealed record Item(string ChildName, string Link);
    private sealed record Row(string ChildName, Guid Id);
    private sealed record ActionRow(string ChildName, Guid? CaseId, Guid ChildId);
    /// <param name="IsLate">A list of things already late: its count shows in red, as overdue does everywhere; other counts in blue.</param>
    public sealed record Group(string Id, string Title, int Count, IReadOnlyList<Item> Items, string? AllLink, bool IsLate = false);

    public async Task<IReadOnlyList<Group>> ForAsync(Actor actor, CancellationToken ct)
    {
        var groups = new List<Group>();
        var me = actor.UserId;
        var now = clock.GetUtcNow().UtcDateTime;
        var areas = actor.AreaIds.ToList();
        var visible = db.Children.Where(ChildAccess.VisibleTo(actor));

        if (Capabilities.IsSocialCareManager(actor))
        {
            // No further action proposed by someone else at this local authority's front door.
            var proposals = from r in db.Referrals
                            where r.Status == ReferralStatus.AwaitingManagerApproval && r.DecidedByUserId != me
                            join c in visible on r.ChildId equals c.Id
                            where areas.Contains(c.ResponsibleAreaId)
                            orderby r.DecidedAtUtc
                            select new Row(c.FirstName + " " + c.LastName, r.Id);
            groups.Add(await GroupAsync("approve-nfa", "No further action to approve", proposals, id => $"/Referrals/{id}", "/Referrals/Queue?Status=AwaitingManagerApproval", ct));

            // Closures asked for by someone else that a manager can approve now (not those still waiting for the panel chair).
            var closures = from k in db.Cases
                           where k.ClosureRequestedAtUtc != null && k.Stage != CaseStage.Closed && k.ClosureRequestedByUserId != me
                           join c in visible on k.ChildId equals c.Id
                           where areas.Contains(c.ResponsibleAreaId)
                           join p in db.Set<ChildRiskPosition>() on c.Id equals p.ChildId
                           where k.PanelChairAgreedByUserId != null || p.Level == null || p.Level < ExploitationRiskLevel.Significant
                           orderby k.ClosureRequestedAtUtc
                           select new Row(c.FirstName + " " + c.LastName, k.Id);
            groups.Add(await GroupAsync("approve-closure", "Case closures to approve", closures, id => $"/Cases/{id}", null, ct));

            // Withdrawals asked for by someone else, of assessments this manager did not sign.
            var withdrawals = assessments.WithdrawalsWaiting(actor).Where(w => w.AskedByUserId != me && w.SignedByUserId != me)
                .Select(w => new Row(w.ChildName, w.AssessmentId));
            groups.Add(await GroupAsync("approve-withdrawal", "Assessments asked to be withdrawn", withdrawals, id => $"/RiskAssessment/{id}", "/RiskAssessment/Approvals", ct));
        }

        if (Capabilities.IsTeamManager(actor))
        {
            // Not the person's own: another manager approves what they wrote or judged.
            var lowering = (await assessments.LoweringWaitingAsync(actor, policy, ct))
                .Where(w => w.Assessment.AuthorUserId != me && w.Assessment.JudgementByUserId != me).ToList();
            groups.Add(new Group("approve-lowering", "Lowered risk levels to approve", lowering.Count,
                lowering.Take(Shown).Select(w => new Item(w.ChildName, $"/RiskAssessment/{w.Assessment.Id}")).ToList(), "/RiskAssessment/Approvals"));

        }

        if (Capabilities.IsTeamManager(actor))
        {
            // Panel actions overdue in the manager's own team escalate to them, whatever organisation they work for.
            var today = UkTime.ToUkDate(now);
            var team = db.Users.Where(u => u.Id == me).Select(u => u.Team);
            var teamOverdue = from a in db.Set<Core.Actions.AgreedAction>().Where(Core.Actions.AgreedAction.EscalatesOn(today))
                              where a.OwnerUserId != me
                                    && a.OwnerOrganisationId == actor.OrganisationId
                              join owner in db.Users on a.OwnerUserId equals owner.Id
                              where team.Contains(owner.Team)
                              join c in visible on a.ChildId equals c.Id
                              orderby a.DueOn
                              select new Row(c.FirstName + " " + c.LastName + " (" + owner.DisplayName + ")", c.Id);
            groups.Add(await GroupAsync("team-overdue-panel-actions", "Your team's overdue panel actions", teamOverdue, id => $"/Children/{id}", null, ct, late: true));
        }

        if (Capabilities.IsPanelChair(actor))
        {
            // A child at significant or serious risk is not closed without the chair's agreement.
            var agreements = from k in db.Cases
                             where k.ClosureRequestedAtUtc != null && k.Stage != CaseStage.Closed && k.PanelChairAgreedByUserId == null
                             join c in visible on k.ChildId equals c.Id
                             join p in db.Set<ChildRiskPosition>() on c.Id equals p.ChildId
                             where p.Level >= ExploitationRiskLevel.Significant
                             orderby k.ClosureRequestedAtUtc
                             select new Row(c.FirstName + " " + c.LastName, k.Id);
            groups.Add(await GroupAsync("agree-closure", "Closures waiting for the panel chair's agreement", agreements, id => $"/Cases/{id}", null, ct));

            // Removals from the panel's list someone else proposed: the list shrinks only by the chair's decision.
            var removals = from l in db.Set<Core.Panel.PanelListing>()
                           where l.Status == Core.Panel.ListingStatus.RemovalProposed && l.RemovalProposedByUserId != me
                           join c in visible on l.ChildId equals c.Id
                           orderby l.RemovalProposedAtUtc
                           select new Row(c.FirstName + " " + c.LastName, c.Id);
            groups.Add(await GroupAsync("panel-removals", "Removals from the panel's list to decide", removals, _ => "/Panel/Removals", "/Panel/Removals", ct));
        }

        if (Capabilities.FollowsUpReturnHomeInterviews(actor))
        {
            var overdueSince = now - StatutoryTimescales.ReturnHomeInterviewWithin;
            var interviews = from e in db.MissingEpisodes
                             where e.ReturnedAtUtc != null && e.ReturnHomeInterviewDoneAtUtc == null && e.ReturnedAtUtc < overdueSince
                             join c in visible on e.ChildId equals c.Id
                             orderby e.ReturnedAtUtc
                             select new Row(c.FirstName + " " + c.LastName, c.Id);
            groups.Add(await GroupAsync("overdue-interviews", "Overdue return home interviews", interviews, id => $"/Children/{id}/Missing", "/Missing/ReturnHomeInterviews", ct, late: true));
        }

        // Panel minutes issued to this person and not yet acknowledged: nobody can later say they did not know.
        var minutes = from m in db.Set<Core.Panel.PanelMinutes>()
                      from r in m.Recipients
                      where r.UserId == me && r.AcknowledgedAtUtc == null
                      orderby m.IssuedAtUtc
                      select new Row("Panel meeting minutes", m.MeetingId);
        groups.Add(await GroupAsync("minutes-to-acknowledge", "Panel minutes to acknowledge", minutes, id => $"/Panel/Meetings/{id}/Minutes", null, ct));

        // Reports sent to this person and not yet acknowledged, oldest first; and recommendations they own that are due within a month or late.
        var reports = from x in db.Set<Core.Reports.ReportRecipient>()
                      where x.UserId == me && x.AcknowledgedAtUtc == null
                      join r in db.Set<Core.Reports.Report>() on x.ReportId equals r.Id
                      orderby x.SentAtUtc
                      select new Row(r.Title, r.Id);
        groups.Add(await GroupAsync("reports-to-acknowledge", "Reports to read and acknowledge", reports, id => $"/Reports/{id}", null, ct));
        var monthAhead = UkTime.ToUkDate(now).AddDays(Core.Reports.Recommendation.AmberWithinDays);
        var owned = from x in db.Set<Core.Reports.Recommendation>()
                    where x.OwnerUserId == me && (x.Status == Core.Reports.RecommendationStatus.NotStarted || x.Status == Core.Reports.RecommendationStatus.InProgress)
                          && (x.TargetOn <= monthAhead || x.ReturnedReason != null)
                    orderby x.TargetOn
                    select new Row(x.Text, x.Id);
        groups.Add(await GroupAsync("recommendations-due", "Recommendations you own: due within a month, late, or sent back", owned, id => $"/Reports/Recommendations/{id}", "/Reports/ActionPlan", ct));

        // Actions this person agreed to do, overdue or due within the week, whatever organisation they work for.
        var weekAhead = UkTime.ToUkDate(now).AddDays(7);
        var actions = from a in db.Set<Core.Actions.AgreedAction>()
                      where a.OwnerUserId == me && a.DoneOn == null && a.DueOn <= weekAhead
                      join c in visible on a.ChildId equals c.Id
                      orderby a.DueOn
                      select new ActionRow(c.FirstName + " " + c.LastName, a.CaseId, c.Id);
        var firstActions = await FirstWithTotal(actions, actions).ToListAsync(ct);
        if (firstActions.Count > 0)
        {
            groups.Add(new Group("actions-due", "Your actions due this week or overdue", firstActions[0].Total,
                firstActions.Select(a => new Item(a.Row.ChildName, a.Row.CaseId is { } caseId ? $"/Cases/{caseId}/Actions" : $"/Children/{a.Row.ChildId}")).ToList(), null));
        }

        if (actor.IsPractitioner)
        {
            // Counted from the risk positions (which carry the child's key worker and access facts) through the key
            // worker's index; only the few shown are joined to their records, whose own rule is asked again.
            var due = db.Set<ChildRiskPosition>().Where(overview.SeenBy(actor))
                .Where(p => p.KeyWorkerUserId == me && (p.DueReason == ReassessmentReason.NoAssessment || (p.DueAtUtc != null && p.DueAtUtc <= now)));
            // The most serious first, then the longest overdue; never assessed after the assessed levels (stated, not left
            // to how each database orders nulls).
            var first = due.OrderByDescending(p => p.Level == null ? -1 : (int)p.Level).ThenBy(p => p.DueAtUtc).ThenBy(p => p.SortName).ThenBy(p => p.ChildId)
                .Take(Shown + 1);
            var reassessments = from p in first
                                join c in visible on p.ChildId equals c.Id
                                orderby (p.Level == null ? -1 : (int)p.Level) descending, p.DueAtUtc, p.SortName, p.ChildId
                                select new Row(c.FirstName + " " + c.LastName, c.Id);
            groups.Add(await GroupAsync("overdue-reassessments", "Risk assessments due for children you key-work", reassessments, id => $"/Children/{id}/RiskAssessments",
                "/RiskAssessment?Mine=true&Sort=MostSerious", ct, late: true, counted: due));
        }
        if (Core.Reports.ReportAccess.MayManage(actor))
        {
            // The board's escalations, on a schedule through the work-list alerts: reports not acknowledged in time, and
            // recommendations past their date or waiting for the board to accept their evidence.
            var sentBefore = now.AddDays(-Core.Reports.ReportRecipient.AcknowledgeWithinDays);
            var boardReports = db.Set<Core.Reports.Report>().Where(r => r.BoardOrganisationId == actor.OrganisationId);
            var unacknowledged = from x in db.Set<Core.Reports.ReportRecipient>()
                                 where x.AcknowledgedAtUtc == null && x.SentAtUtc < sentBefore
                                 join r in boardReports on x.ReportId equals r.Id
                                 join u in db.Users on x.UserId equals u.Id
                                 orderby x.SentAtUtc
                                 select new Row(r.Title + " (" + u.DisplayName + ")", r.Id);
            groups.Add(await GroupAsync("reports-unacknowledged", "Reports not acknowledged in time", unacknowledged, id => $"/Reports/{id}", "/Reports", ct, late: true));
            var today = UkTime.ToUkDate(now);
            var forTheBoard = from x in db.Set<Core.Reports.Recommendation>()
                              where ((x.Status == Core.Reports.RecommendationStatus.NotStarted || x.Status == Core.Reports.RecommendationStatus.InProgress) && x.TargetOn < today)
                                    || (x.Status == Core.Reports.RecommendationStatus.Complete && x.OwnerUserId != me)
                              join r in boardReports on x.ReportId equals r.Id
                              orderby x.TargetOn
                              select new Row(r.Title + ", recommendation " + x.Number.ToString(), x.Id);
            groups.Add(await GroupAsync("recommendations-for-the-board", "Recommendations overdue or waiting for the board", forTheBoard, id => $"/Reports/Recommendations/{id}", "/Reports", ct));
        }
        return groups.Where(g => g.Count > 0).ToList();
    }

    private static Task<Group> GroupAsync(string id, string title, IQueryable<Row> rows, Func<Guid, string> link, string? allLink, CancellationToken ct,
        bool late = false) => GroupAsync(id, title, rows, link, allLink, ct, late, counted: rows);

    /// <summary>
    /// The first few rows and how many there are, in one query: the count rides on each row as a subquery the database
    /// works out once (and not at all when there are none); <paramref name="counted"/> where a cheaper query than the
    /// rows' own counts the same. A query of its own for the count cost as much again in building and sending it.
    /// </summary>
    private static async Task<Group> GroupAsync<TCounted>(string id, string title, IQueryable<Row> rows, Func<Guid, string> link, string? allLink, CancellationToken ct,
        bool late, IQueryable<TCounted> counted)
    {
        var first = await FirstWithTotal(rows, counted).ToListAsync(ct);
        var total = first.Count == 0 ? 0 : first[0].Total;
        return new Group(id, title, total, first.Select(r => new Item(r.Row.ChildName, link(r.Row.Id))).ToList(), allLink, late);
    }

    private static IQueryable<Paged<T>.WithTotal> FirstWithTotal<T, TCounted>(IQueryable<T> rows, IQueryable<TCounted> counted) =>
        rows.Take(Shown).Select(r => new Paged<T>.WithTotal { Row = r, Total = counted.Count() });
}
