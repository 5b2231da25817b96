using Beacon.Core.Access;
using Beacon.Core.Reports;
using Beacon.Core.Timescales;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Reports;

/// <summary>
/// The reports register and its recommendations, computed in the database. Which reports a person sees follows
/// <see cref="ReportAccess"/>: the register of their areas' boards, and any report sent to them or whose
/// recommendation they own.
/// </summary>
public sealed class ReportRegister(BeaconDbContext db, TimeProvider clock)
{
    public sealed record Row(Guid Id, string Title, ReportKind Kind, DateOnly PublishedOn, bool Challenged, int Sent, int Acknowledged, int Recommendations, int Evidenced, int Overdue);
    public sealed record Person(string UserId, string Label, Guid OrganisationId);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => UkTime.ToUkDate(Now);

    public IQueryable<Report> Visible(Actor actor)
    {
        var areas = actor.AreaIds.ToList();
        var boards = db.OrganisationAreas.Where(a => areas.Contains(a.AreaId)).Select(a => a.OrganisationId);
        var readsRegister = ReportAccess.ReadsRegister(actor);
        var me = actor.UserId;
        var recipients = db.Set<ReportRecipient>();
        var recommendations = db.Set<Recommendation>();
        return db.Set<Report>().Where(r => (readsRegister && boards.Contains(r.BoardOrganisationId))
            || recipients.Any(x => x.ReportId == r.Id && x.UserId == me)
            || recommendations.Any(x => x.ReportId == r.Id && x.OwnerUserId == me));
    }

    public Task<List<Row>> RowsAsync(Actor actor, CancellationToken ct)
    {
        var today = Today;
        var recipients = db.Set<ReportRecipient>();
        var recommendations = db.Set<Recommendation>();
        return Visible(actor).AsNoTracking().OrderByDescending(r => r.PublishedOn).ThenBy(r => r.Title)
            .Select(r => new Row(r.Id, r.Title, r.Kind, r.PublishedOn, r.ChallengedAtUtc != null,
                recipients.Count(x => x.ReportId == r.Id), recipients.Count(x => x.ReportId == r.Id && x.AcknowledgedAtUtc != null),
                recommendations.Count(x => x.ReportId == r.Id), recommendations.Count(x => x.ReportId == r.Id && x.Status == RecommendationStatus.Evidenced),
                recommendations.Count(x => x.ReportId == r.Id && (x.Status == RecommendationStatus.NotStarted || x.Status == RecommendationStatus.InProgress) && x.TargetOn < today)))
            .Take(500).ToListAsync(ct);
    }

    public sealed record Attention(Guid Id, string Link, string What, string Detail);

    /// <summary>
    /// What escalates to the board: acknowledgements overdue (<see cref="ReportRecipient.AcknowledgeWithinDays"/> days),
    /// recommendations past their target date and not complete, and completed ones waiting for the board to accept them.
    /// </summary>
    public async Task<IReadOnlyList<Attention>> ForTheBoardAsync(Actor actor, CancellationToken ct)
    {
        var reports = Visible(actor);
        var sentBefore = Now.AddDays(-ReportRecipient.AcknowledgeWithinDays);
        var today = Today;
        var unacknowledged = await (from x in db.Set<ReportRecipient>().AsNoTracking()
                                    where x.AcknowledgedAtUtc == null && x.SentAtUtc < sentBefore
                                    join r in reports on x.ReportId equals r.Id
                                    join u in db.Users on x.UserId equals u.Id
                                    orderby x.SentAtUtc
                                    select new Attention(r.Id, "/Reports/" + r.Id, "Not acknowledged: " + r.Title, u.DisplayName))
            .Take(50).ToListAsync(ct);
        var late = await (from x in db.Set<Recommendation>().AsNoTracking()
                          where (x.Status == RecommendationStatus.NotStarted || x.Status == RecommendationStatus.InProgress) && x.TargetOn < today
                                || x.Status == RecommendationStatus.Complete
                          join r in reports on x.ReportId equals r.Id
                          join u in db.Users on x.OwnerUserId equals u.Id
                          orderby x.TargetOn
                          select new { x.Id, x.Number, x.Status, x.TargetOn, r.Title, Owner = u.DisplayName })
            .Take(100).ToListAsync(ct);
        return [.. unacknowledged,
            .. late.Select(x => new Attention(x.Id, $"/Reports/Recommendations/{x.Id}",
                x.Status == RecommendationStatus.Complete ? $"Evidence to accept: recommendation {x.Number} of {x.Title}" : $"Overdue: recommendation {x.Number} of {x.Title}",
                $"{x.Owner}; target {x.TargetOn:d MMMM yyyy}"))];
    }

    /// <summary>The report if the person may read it.</summary>
    public Task<Report?> LoadAsync(Guid id, Actor actor, CancellationToken ct) => Visible(actor).SingleOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>A board member of the board holding the report.</summary>
    public static bool Manages(Actor actor, Report report) => ReportAccess.MayManage(actor) && actor.OrganisationId == report.BoardOrganisationId;

    /// <summary>People a report can go to, or a recommendation be owned by: the active accounts of the organisations serving the board's areas.</summary>
    public Task<List<Person>> PeopleAsync(Guid boardOrganisationId, CancellationToken ct)
    {
        var areas = db.OrganisationAreas.Where(a => a.OrganisationId == boardOrganisationId).Select(a => a.AreaId);
        var organisations = db.OrganisationAreas.Where(a => areas.Contains(a.AreaId)).Select(a => a.OrganisationId);
        var administrator = BeaconRoles.Administrator;
        return (from p in db.People()
                where organisations.Contains(p.OrganisationId)
                join u in db.Users on p.Id equals u.Id
                where !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name != administrator))
                orderby p.OrganisationName, p.DisplayName
                select new Person(p.Id, p.DisplayName + " – " + p.OrganisationName, p.OrganisationId)).Take(500).ToListAsync(ct);
    }
}
