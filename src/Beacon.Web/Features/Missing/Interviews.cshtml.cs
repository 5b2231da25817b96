using Beacon.Core.Access;
using Beacon.Core.Missing;
using Beacon.Core.Timescales;
using Beacon.Web.Features.Children;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Missing;

/// <summary>
/// Children's Social Care's list of return home interviews not yet done, most overdue first. Only children the
/// person may see are listed (restricted records included only for those named on them).
/// </summary>
[Authorize(Policy = Policies.FollowsUpReturnHomeInterviews)]
public sealed class InterviewsModel(ChildRecords records, MissingEpisodeRecords missing, BeaconDbContext db, Infrastructure.Auditing.AuditTrail audit) : PageModel
{
    public sealed record Row(Guid ChildId, string ChildName, Guid EpisodeId, DateTime ReportedMissingAtUtc, DateTime ReturnedAtUtc, TimescaleOutcome Interview);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Overdue => Rows.Count(r => r.Interview.State == TimescaleState.Overdue);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.ToActor().Agency != Agency.ChildrensSocialCare) return Forbid();
        Rows = await OutstandingAsync(ct);
        return Page();
    }

    /// <summary>The same list as CSV (the children named, so the download is audited as an export).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (User.ToActor().Agency != Agency.ChildrensSocialCare) return Forbid();
        var rows = await OutstandingAsync(ct);
        await audit.RecordAsync(Core.Audit.AuditAction.Exported, "ReturnHomeInterviews", "-", null, $"Downloaded the outstanding return home interviews as CSV: {rows.Count} rows", ct);
        static string When(DateTime utc) => UkTime.ToUkLocal(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return await Infrastructure.Web.CsvDownload.WriteAsync(Response, $"return-home-interviews-{UkTime.ToUkDate(missing.Now):yyyy-MM-dd}.csv",
        [
            new("Child", r => r.ChildName),
            new("Reported missing", r => When(r.ReportedMissingAtUtc)),
            new("Returned", r => When(r.ReturnedAtUtc)),
            new("Interview due", r => When(r.Interview.DueAtUtc!.Value)),
            new("Status", r => r.Interview.Describe()),
        ], rows.ToAsyncEnumerable(), ct);
    }

    private async Task<IReadOnlyList<Row>> OutstandingAsync(CancellationToken ct)
    {
        var outstanding = await (
                from e in db.MissingEpisodes.AsNoTracking()
                join c in records.VisibleTo(User) on e.ChildId equals c.Id
                where e.ReturnedAtUtc != null && e.ReturnHomeInterviewDoneAtUtc == null
                orderby e.ReturnedAtUtc
                select new { e, c.Id, c.FirstName, c.LastName })
            .Take(500).ToListAsync(ct);
        return outstanding
            .Select(x => new Row(x.Id, $"{x.FirstName} {x.LastName}", x.e.Id, x.e.ReportedMissingAtUtc, x.e.ReturnedAtUtc!.Value,
                x.e.ReturnHomeInterviewTimescale(missing.Timescales, missing.Now)!))
            .OrderBy(r => r.Interview.DueAtUtc)
            .ToList();
    }
}
