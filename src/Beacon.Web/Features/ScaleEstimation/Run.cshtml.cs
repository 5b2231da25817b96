using System.Globalization;
using Beacon.Core.ScaleEstimation;
using Beacon.Core.ScaleEstimation.Estimation;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Beacon.Web.Infrastructure.Pdf;
using Beacon.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.ScaleEstimation;

/// <summary>
/// One run: the lists and what linkage found; for the analyst, the pairs to review with each weight explained; once
/// estimated, the estimate with its interval, the overlaps, the sensitivity table and what the figure means.
/// </summary>
[Authorize]
public sealed class RunModel(BeaconDbContext db, ScaleEstimations estimations, AuditTrail audit) : PageModel
{
    public EstimationRun Run { get; private set; } = null!;
    public IReadOnlyList<RunSource> Sources { get; private set; } = [];
    public IReadOnlyList<BorderlinePair> Pairs { get; private set; } = [];
    public Dictionary<(string, string), bool> Rulings { get; private set; } = [];
    public ScaleEstimate? Result { get; private set; }
    public bool MayLink { get; private set; }
    public string? ChartSvg { get; private set; }
    public IReadOnlyList<(string Lists, long People)> Histories { get; private set; } = [];
    public IReadOnlyList<(string Left, string Right, long Both)> Overlaps { get; private set; } = [];

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = User.ToActor();
        if (!ScaleEstimationAccess.SeesResults(actor)) return false;
        var run = await estimations.Visible(actor).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return false;
        Run = run;
        MayLink = ScaleEstimationAccess.MayLink(actor);
        Sources = ScaleEstimations.Sources(run);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (MayLink)
        {
            Pairs = ScaleEstimations.Borderline(Run);
            Rulings = await estimations.RulingsAsync(Run, ct);
            // Children named in the pairs are shown to the analyst: each view is on their record's audit trail.
            var children = Pairs.SelectMany(p => new[] { p.Left.ChildId, p.Right.ChildId }).OfType<Guid>().ToList();
            if (children.Count > 0) await audit.RecordViewsAsync(children, "as a possible duplicate when linking lists for a scale estimate", ct);
        }
        Result = ScaleEstimations.Result(Run);
        if (Run.CaptureHistories is not null) Describe(CaptureHistories.Parse(Run.CaptureHistories).Table);
        return Page();
    }

    private void Describe(CaptureHistories? table)
    {
        if (table is null) return;
        var names = Sources.Select(s => s.Name).ToArray();
        Histories = Enumerable.Range(1, table.Counts.Length - 1).Where(m => table.Counts[m] > 0)
            .Select(m => (string.Join(" + ", Enumerable.Range(0, table.ListCount).Where(i => ((m >> i) & 1) == 1).Select(i => names[i])), table.Counts[m]))
            .OrderByDescending(h => h.Item2).ToList();
        Overlaps = ModelSelection.AllPairs(table.ListCount).Select(p => (names[p.I], names[p.J], table.OnBoth(p.I, p.J))).ToList();
        var onLists = Enumerable.Range(1, table.ListCount).Select(k => (double)Enumerable.Range(1, table.Counts.Length - 1)
            .Where(m => System.Numerics.BitOperations.PopCount((uint)m) == k).Sum(m => table.Counts[m])).ToList();
        ChartSvg = ReportChart.Bars("Children by how many lists they are on", onLists.Select((_, i) => i == 0 ? "1 list" : $"{i + 1} lists").ToList(),
            new ChartSeries("Children", onLists)).ToSvg(640, 320);
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, string? left, string? right, bool? samePerson, string? reason, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !MayLink) return NotFound();
        // Only the two buttons post: anything else is not a ruling.
        if (string.IsNullOrEmpty(left) || string.IsNullOrEmpty(right) || samePerson is null) return BadRequest();
        if (await this.TrySaveAsync(db, async () =>
            {
                await estimations.RecordDecisionAsync(User.ToActor(), Run, left, right, samePerson.Value, reason, ct);
                return samePerson.Value ? "Recorded: the same child. This ruling is used in every later linkage." : "Recorded: different children. This ruling is used in every later linkage.";
            }, _ => "", "Someone changed this run at the same time. Look again and decide.", ct))
            return Redirect($"/ScaleEstimation/Runs/{id}#pairs");
        return await OnGetAsync(id, ct);
    }

    public async Task<IActionResult> OnPostEstimateAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !MayLink) return NotFound();
        if (await this.TrySaveAsync(db, async () =>
            {
                await estimations.EstimateAsync(User.ToActor(), Run, ct);
                return Run.Estimate is null ? "Estimated: there is no sound estimate from these lists; the reason is below." : "Estimated. The figures below are kept with this run.";
            }, _ => "", "Someone estimated this run at the same time. Their result is shown.", ct))
            return Redirect($"/ScaleEstimation/Runs/{id}#result");
        return await OnGetAsync(id, ct);
    }

    /// <summary>The capture-history table, which `estimate FILE` reads: the estimate can be repeated outside Beacon.</summary>
    public async Task<IActionResult> OnGetTableAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Run.CaptureHistories is null) return NotFound();
        await audit.RecordAsync(Core.Audit.AuditAction.Exported, nameof(EstimationRun), id.ToString(), null, "Downloaded a scale estimate's capture-history table", ct);
        return File(System.Text.Encoding.UTF8.GetBytes(Run.CaptureHistories), "text/csv", $"capture-histories-{Run.StartedAtUtc:yyyy-MM-dd}.csv");
    }

    public static string Number(double value) => value.ToString("N0", CultureInfo.GetCultureInfo("en-GB"));
    public static string Bits(double value) => (value >= 0 ? "+" : "−") + Math.Abs(value).ToString("0.0", CultureInfo.InvariantCulture);
}
