using Beacon.Core.Audit;
using Beacon.Core.Common;
using Beacon.Web.Infrastructure.Auditing;
using Beacon.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Audit;

/// <summary>
/// The auditor's view of the whole log: is the chain intact and in line with the signed checkpoints kept outside
/// the database, and what happened lately.
/// </summary>
[Authorize(Policy = Policies.Auditor)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Web.RequestLimits.HeavyReport)]
public sealed class IndexModel(BeaconDbContext db, AuditCheckpointSettings checkpointSettings, Infrastructure.Auditing.AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public AuditAction? Action { get; set; }
    public AuditVerification Verification { get; private set; } = default!;

    /// <summary>The checkpoint file as read: a checkpoint line that is not genuine, and why the log is not anchored.</summary>
    public AuditCheckpointsLoaded Checkpoints { get; private set; } = default!;
    public const int PageSize = 100;
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    /// <summary>One page of the log, newest first: every entry can be reached, not only the latest.</summary>
    public Infrastructure.GovUk.Paged<AuditEntry> Listing { get; private set; } = new([], 1, 1, 0);
    public IReadOnlyList<AuditEntry> Entries => Listing.Items;

    public IEnumerable<SelectListItem> ActionItems =>
        [new SelectListItem("Everything", ""), .. Enum.GetValues<AuditAction>().Select(a => new SelectListItem(a.Name(), a.ToString()))];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Streamed in sequence order: verification holds only a small window, however long the log.
        Checkpoints = await AuditCheckpointsLoaded.LoadAsync(checkpointSettings, ct);
        var all = db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        Verification = await Task.Run(() => AuditChain.Verify(all.ToBlockingEnumerable(ct), Checkpoints.Checkpoints), ct);
        var query = db.AuditEntries.AsNoTracking();
        if (Action is { } action) query = query.Where(e => e.Action == action);
        var ordered = query.OrderByDescending(e => e.Sequence);
        // Unfiltered, the verification has just counted every entry; filtered, the database counts them.
        Listing = Action is null && Verification.IsIntact
            ? await Infrastructure.GovUk.Paged<AuditEntry>.ReadAsync(ordered, PageNumber, PageSize, (int)Math.Min(int.MaxValue, Verification.EntriesChecked), ct)
            : await Infrastructure.GovUk.Paged<AuditEntry>.ReadAsync(ordered, PageNumber, PageSize, ct);
    }

    /// <summary>
    /// The log as shown (filtered by action), newest first, as CSV: streamed from the database row by row, whatever its
    /// length, with each entry's hash so a copy can be checked against the chain. The download is itself audited.
    /// </summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await audit.RecordAsync(AuditAction.Exported, "AuditLog", "-", null,
            Action is { } only ? $"Downloaded the audit log ({only.Name()} entries) as CSV" : "Downloaded the audit log as CSV", ct);
        var query = db.AuditEntries.AsNoTracking();
        if (Action is { } action) query = query.Where(e => e.Action == action);
        return await Infrastructure.Web.CsvDownload.WriteAsync(Response, $"audit-log-{DateTime.UtcNow:yyyy-MM-dd}.csv",
        [
            new("Sequence", e => e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("When (UTC)", e => e.OccurredAtUtc.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
            new("Who", e => e.ActorName),
            new("Agency", e => e.ActorAgency),
            new("What", e => e.Action.Name()),
            new("Record", e => $"{e.EntityType} {e.EntityId}"),
            new("Child", e => e.ChildId?.ToString()),
            new("Summary", e => e.Summary),
            new("Hash", e => e.Hash),
        ], query.OrderByDescending(e => e.Sequence).AsAsyncEnumerable(), ct);
    }
}
