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
public sealed class InterviewsModel(ChildRecords records, MissingEpisodeRecords missing, BeaconDbContext db) : PageModel
{
    public sealed record Row(Guid ChildId, string ChildName, Guid EpisodeId, DateTime ReportedMissingAtUtc, DateTime ReturnedAtUtc, TimescaleOutcome Interview);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Overdue => Rows.Count(r => r.Interview.State == TimescaleState.Overdue);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.ToActor().Agency != Agency.ChildrensSocialCare) return Forbid();
        var outstanding = await (
                from e in db.MissingEpisodes.AsNoTracking()
                join c in records.VisibleTo(User) on e.ChildId equals c.Id
                where e.ReturnedAtUtc != null && e.ReturnHomeInterviewDoneAtUtc == null
                orderby e.ReturnedAtUtc
                select new { e, c.Id, c.FirstName, c.LastName })
            .Take(500).ToListAsync(ct);
        Rows = outstanding
            .Select(x => new Row(x.Id, $"{x.FirstName} {x.LastName}", x.e.Id, x.e.ReportedMissingAtUtc, x.e.ReturnedAtUtc!.Value,
                x.e.ReturnHomeInterviewTimescale(missing.Timescales, missing.Now)!))
            .OrderBy(r => r.Interview.DueAtUtc)
            .ToList();
        return Page();
    }
}
