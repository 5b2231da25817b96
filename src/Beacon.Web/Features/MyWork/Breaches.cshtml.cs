using Beacon.Core.Access;
using Beacon.Core.Timescales;
using Beacon.Web.Features.Cases;
using Beacon.Web.Infrastructure.GovUk;
using Beacon.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Beacon.Web.Features.MyWork;

/// <summary>Every timescale breach (who, what, by how long), counted by step: late work is never invisible.</summary>
[Authorize(Policy = Policies.SeesTimescaleBreaches)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Web.RequestLimits.HeavyReport)]
public sealed class BreachesModel(Workload workload, Infrastructure.Auditing.AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public StatutoryStep? Step { get; set; }
    [BindProperty(SupportsGet = true)] public Workload.BreachStanding? Standing { get; set; }
    /// <summary>Only the breaches the person is responsible for (their cases, or referral decisions they made).</summary>
    [BindProperty(SupportsGet = true)] public bool MineOnly { get; set; }
    /// <summary>The filter as asked, values the list does not know ignored.</summary>
    public Workload.BreachFilter Filter => new(Step is { } s && Enum.IsDefined(s) && s != StatutoryStep.ReturnHomeInterview ? s : null,
        Standing is { } t && Enum.IsDefined(t) ? t : null, MineOnly);
    public int Unfiltered { get; private set; }
    /// <summary>Whether the person follows up return home interviews (their list is linked only for them).</summary>
    public bool SeesInterviews => Capabilities.FollowsUpReturnHomeInterviews(User.ToActor());
    public Paged<Workload.Breach> Breaches { get; private set; } = new([], 1, 1, 0);
    public IReadOnlyList<Workload.StepCount> Counts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        Counts = await workload.BreachCountsAsync(actor, ct);
        Unfiltered = Counts.Sum(c => c.Overdue + c.Late);
        var filter = Filter;
        var total = filter.Narrows ? await workload.CountBreachesAsync(actor, filter, ct) : Unfiltered;
        Breaches = await workload.BreachesAsync(actor, PageNumber, total, ct, filter);
        return Page();
    }

    /// <summary>Every breach as CSV, streamed from the stored clocks; audited as an export.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await audit.RecordAsync(Core.Audit.AuditAction.Exported, "TimescaleBreaches", "-", null, Filter.Narrows ? "Downloaded the timescale breaches, filtered, as CSV" : "Downloaded the timescale breaches as CSV", ct);
        return await Infrastructure.Web.CsvDownload.WriteAsync(Response, $"timescale-breaches-{DateTime.UtcNow:yyyy-MM-dd}.csv",
        [
            new("Child", b => b.ChildName),
            new("Step", b => Core.Common.EnumDisplay.Name(b.Timescale.Step)),
            new("Responsible", b => b.Responsible),
            new("Due", b => b.Timescale.DueOn.ToString("yyyy-MM-dd")),
            new("Where it stands", b => b.Timescale.Describe()),
        ], workload.AllBreachesAsync(User.ToActor(), Filter, ct), ct);
    }

    /// <summary>
    /// The steps this list counts: referral decisions and case steps, whose clocks run in days. Return home interviews
    /// (72 hours from the child's return) have their own list, which shows each overdue one.
    /// </summary>
    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> StepItems() =>
        GovUkChoices.Of<StatutoryStep>("Any step", s => s != StatutoryStep.ReturnHomeInterview);

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> StandingItems() => GovUkChoices.Of<Workload.BreachStanding>("Overdue or done late");
}
