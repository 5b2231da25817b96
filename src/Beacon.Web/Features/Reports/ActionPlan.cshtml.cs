using Beacon.Core.Reports;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Beacon.Web.Infrastructure.Pdf;
using Beacon.Core.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Reports;

/// <summary>
/// The action plan: every recommendation of the reports the person may read, grouped by target date and owner, each
/// with its rating; and progress over the last twelve months (due, complete and evidenced by each month's end) as a
/// chart beside a table of the same figures.
/// </summary>
[Authorize]
public sealed class ActionPlanModel(ReportRegister register, BeaconDbContext db, Infrastructure.Auditing.AuditTrail audit) : PageModel
{
    public const int Months = 12;

    public sealed record Item(Guid Id, Guid ReportId, string ReportTitle, int Number, string Text, string Owner, DateOnly TargetOn, RecommendationStatus Status, Rag Rag);
    public sealed record Month(DateOnly End, int Due, int Complete, int Evidenced);

    public IReadOnlyList<IGrouping<DateOnly, Item>> ByTargetDate { get; private set; } = [];
    public IReadOnlyList<Month> Progress { get; private set; } = [];
    public string ChartSvg { get; private set; } = "";
    public int Overdue { get; private set; }

    private sealed record PlanRow(Recommendation Recommendation, string Title, string Owner);

    /// <summary>Every recommendation of the reports the person may read, by target date: the page's and the CSV's one query.</summary>
    private IQueryable<PlanRow> Plan() =>
        from r in db.Set<Recommendation>().AsNoTracking()
        join p in register.Visible(User.ToActor()) on r.ReportId equals p.Id
        join u in db.Users on r.OwnerUserId equals u.Id into us
        from u in us.DefaultIfEmpty()
        orderby r.TargetOn, r.ReportId, r.Number
        select new PlanRow(r, p.Title, u == null ? r.OwnerUserId : u.DisplayName);

    private static Item ItemOf(PlanRow x, DateOnly today) => new(x.Recommendation.Id, x.Recommendation.ReportId, x.Title, x.Recommendation.Number,
        x.Recommendation.Text, x.Owner, x.Recommendation.TargetOn, x.Recommendation.Status, x.Recommendation.RagOn(today));

    /// <summary>The action plan as CSV for the board's papers (values escaped against formula injection); audited as an export.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await audit.RecordAsync(Core.Audit.AuditAction.Exported, "ActionPlan", "-", null, "Downloaded the action plan as CSV", ct);
        var today = register.Today;
        return await Infrastructure.Web.CsvDownload.WriteAsync(Response, $"action-plan-{today:yyyy-MM-dd}.csv",
        [
            new("Target date", i => i.TargetOn.ToString("yyyy-MM-dd")),
            new("Report", i => i.ReportTitle),
            new("Number", i => i.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Recommendation", i => i.Text),
            new("Owner", i => i.Owner),
            new("Status", i => i.Status.Name()),
            new("Rating", i => i.Rag.Name()),
        ], Plan().AsAsyncEnumerable().Select(x => ItemOf(x, today)), ct);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await Plan().Take(2_000).ToListAsync(ct);
        var today = register.Today;
        var items = rows.Select(x => ItemOf(x, today)).ToList();
        ByTargetDate = items.OrderBy(i => i.TargetOn).ThenBy(i => i.Owner).GroupBy(i => i.TargetOn).ToList();
        Overdue = rows.Count(x => x.Recommendation.IsOverdue(today));
        // By the end of each of the last twelve months: how many were due, and how many were complete and evidenced by then.
        var firstOfThisMonth = new DateOnly(today.Year, today.Month, 1);
        Progress = Enumerable.Range(0, Months).Select(m => firstOfThisMonth.AddMonths(m - Months + 2).AddDays(-1)).Select(end => new Month(end,
                rows.Count(x => x.Recommendation.TargetOn <= end),
                rows.Count(x => x.Recommendation.CompletedOn <= end),
                rows.Count(x => x.Recommendation.AcceptedAtUtc is { } a && Core.Timescales.UkTime.ToUkDate(a) <= end)))
            .ToList();
        if (rows.Count > 0)
            ChartSvg = new ReportChart("Recommendations: due, complete and evidenced",
                Progress.Select(p => p.End.ToString("MMM yy")).ToList(),
                [
                    new("Due by then", Progress.Select(p => (double)p.Due).ToList()),
                    new("Complete", Progress.Select(p => (double)p.Complete).ToList()),
                    new("Evidenced", Progress.Select(p => (double)p.Evidenced).ToList()),
                ]).ToSvg(760, 320);
    }
}
