using Beacon.Core.Access;
using Beacon.Core.Referrals;
using Beacon.Core.Timescales;
using Beacon.Web.Features.Cases;
using Beacon.Web.Infrastructure.Data;
using Beacon.Web.Infrastructure.Identity;
using Beacon.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Beacon.Core.Common;
using Beacon.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Referrals;

/// <summary>The Children's Social Care front door: every referral not yet decided, oldest first, against its 1-working-day clock.</summary>
[Authorize(Policy = Policies.SocialCare)]
public sealed class QueueModel(BeaconDbContext db, StatutoryTimescales timescales, Infrastructure.Auditing.AuditTrail audit, TimeProvider clock) : PageModel
{
    /// <summary>How the queue is ordered: by default the most urgent (oldest) first.</summary>
    public enum QueueOrder
    {
        [System.ComponentModel.DataAnnotations.Display(Name = "Oldest first (most urgent)")] OldestFirst,
        [System.ComponentModel.DataAnnotations.Display(Name = "Newest first")] NewestFirst,
        [System.ComponentModel.DataAnnotations.Display(Name = "Child's last name")] ChildName,
    }

    public sealed record Row(Guid Id, string Reference, string ChildName, string ReferrerName, Agency ReferrerAgency, DateTime ReceivedAtUtc,
        ReferralStatus Status, DateOnly DueOn, TimescaleOutcome Timescale);

    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    /// <summary>Only referrals in this state (waiting for a decision, or a proposal waiting for a manager); all waiting when empty.</summary>
    [BindProperty(SupportsGet = true)] public ReferralStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public QueueOrder Sort { get; set; }
    /// <summary>Only referrals from this kind of agency (a school, the police …); all when empty.</summary>
    [BindProperty(SupportsGet = true)] public Agency? ReferredBy { get; set; }

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> ReferredByItems() =>
        GovUkChoices.Of<Agency>("Any agency", a => a != Agency.SafeguardingBoard);

    /// <summary>Whether the queue shown is narrowed (by status or referring agency).</summary>
    public bool Filtered => Status is not null || ReferredBy is not null;

    public static IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> SortItems() => GovUkChoices.Of<QueueOrder>();

    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> StatusItems() =>
    [
        new("All waiting", ""),
        new(ReferralStatus.AwaitingDecision.Name(), nameof(ReferralStatus.AwaitingDecision)),
        new(ReferralStatus.AwaitingManagerApproval.Name(), nameof(ReferralStatus.AwaitingManagerApproval)),
    ];
    public Paged<Row> Rows { get; private set; } = new([], 1, 1, 0);
    /// <summary>Referrals about restricted records this person is not named on: counted, so none is invisible to the team.</summary>
    public int HiddenCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var page = await Paged<Waiting>.ReadAsync(WaitingForDecision(), PageNumber, PageSize, ct);
        Rows = new Paged<Row>(page.Items.Select(w => ToRow(w, now)).ToList(), page.PageNumber, page.PageCount, page.Total);
        HiddenCount = await (from referral in AwaitingDecision
                             join child in OurChildren on referral.ChildId equals child.Id
                             select referral.Id).CountAsync(ct) - Rows.Total;
    }

    /// <summary>The whole queue as a CSV file, oldest first; the download is audited as a view of the queue.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await audit.RecordAsync(Core.Audit.AuditAction.Exported, "FrontDoorQueue", "-", null, "Downloaded the front-door queue as CSV", ct);
        var rows = WaitingForDecision().AsNoTracking().AsAsyncEnumerable().Select(w => ToRow(w, now));
        return await CsvDownload.WriteAsync(Response, $"front-door-queue-{UkTime.ToUkDate(now):yyyy-MM-dd}.csv",
        [
            new("Reference", r => r.Reference),
            new("Child", r => r.ChildName),
            new("Referred by", r => $"{r.ReferrerName} ({r.ReferrerAgency.Name()})"),
            new("Received", r => UkTime.ToUkLocal(r.ReceivedAtUtc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            new("Decision due", r => r.DueOn.ToString("yyyy-MM-dd")),
            new("Status", r => r.Status.Name()),
            new("Where it stands", r => r.Timescale.Describe()),
        ], rows, ct);
    }

    /// <summary>"Waiting" named as the two statuses (not "not decided"), so the (Status, ReceivedAtUtc) index serves the queue in order.</summary>
    private IQueryable<Referral> AwaitingDecision
    {
        get
        {
            var waiting = Status is ReferralStatus.AwaitingDecision or ReferralStatus.AwaitingManagerApproval
                ? db.Referrals.Where(r => r.Status == Status)
                : db.Referrals.Where(r => r.Status == ReferralStatus.AwaitingDecision || r.Status == ReferralStatus.AwaitingManagerApproval);
            return ReferredBy is { } agency && Enum.IsDefined(agency) ? waiting.Where(r => r.ReferrerAgency == agency) : waiting;
        }
    }

    /// <summary>The front door decides for the children its local authority is responsible for.</summary>
    private IQueryable<Core.Children.Child> OurChildren
    {
        get
        {
            var areas = User.ToActor().AreaIds.ToList();
            return db.Children.Where(c => areas.Contains(c.ResponsibleAreaId));
        }
    }

    /// <summary>
    /// The referrals waiting at this local authority's front door that the person may see, in the order chosen
    /// (oldest first by default: the (Status, ReceivedAtUtc) index serves it, and backwards for newest first).
    /// </summary>
    private IQueryable<Waiting> WaitingForDecision()
    {
        var rows = from referral in AwaitingDecision
                   join child in OurChildren.Where(ChildAccess.VisibleTo(User.ToActor())) on referral.ChildId equals child.Id
                   join user in db.Users on referral.ReferrerUserId equals user.Id into referrers
                   from referrer in referrers.DefaultIfEmpty()
                   select new { referral, child.FirstName, child.LastName, child.SortName, ReferrerName = referrer != null ? referrer.DisplayName : "Unknown" };
        rows = Sort switch
        {
            QueueOrder.NewestFirst => rows.OrderByDescending(x => x.referral.ReceivedAtUtc).ThenByDescending(x => x.referral.Id),
            QueueOrder.ChildName => rows.OrderBy(x => x.SortName).ThenBy(x => x.referral.ReceivedAtUtc).ThenBy(x => x.referral.Id),
            _ => rows.OrderBy(x => x.referral.ReceivedAtUtc).ThenBy(x => x.referral.Id),
        };
        return rows.Select(x => new Waiting(x.referral, x.FirstName, x.LastName, x.ReferrerName));
    }

    private Row ToRow(Waiting w, DateTime now) => new(w.Referral.Id, w.Referral.Reference, $"{w.FirstName} {w.LastName}", w.ReferrerName, w.Referral.ReferrerAgency,
        w.Referral.ReceivedAtUtc, w.Referral.Status, w.Referral.DecisionDueOn(timescales), w.Referral.DecisionTimescale(timescales, now));

    private sealed record Waiting(Referral Referral, string FirstName, string LastName, string ReferrerName);
}
