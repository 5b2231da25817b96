using Beacon.Core.Common;
using Beacon.Core.Referrals;
using Beacon.Web.Features.Children;
using Beacon.Web.Features.Missing;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Referrals;

/// <summary>The child's record: referrals still waiting for a decision, and the last decision made.</summary>
public sealed class ReferralRecordSection(BeaconDbContext db) : IChildRecordSection
{
    public const int OpenShown = 5;

    public int Order => 200;

    public async Task<ChildRecordSection?> BuildAsync(ChildRecordContext context, CancellationToken ct)
    {
        var childId = context.Child.Id;
        var open = await db.Referrals.AsNoTracking()
            .Where(r => r.ChildId == childId && r.Status != ReferralStatus.Decided)
            .OrderBy(r => r.ReceivedAtUtc)
            .Select(r => new { r.Id, r.ReceivedAtUtc, r.ReferrerAgency, r.Status })
            .Take(OpenShown + 1).ToListAsync(ct);
        var summary = await db.Children.Where(c => c.Id == childId).Select(c => new
        {
            Total = db.Referrals.Count(r => r.ChildId == childId),
            LastId = db.Referrals.Where(r => r.ChildId == childId && r.Status == ReferralStatus.Decided)
                .OrderByDescending(r => r.DecidedAtUtc).Select(r => (Guid?)r.Id).FirstOrDefault(),
            LastOutcome = db.Referrals.Where(r => r.ChildId == childId && r.Status == ReferralStatus.Decided)
                .OrderByDescending(r => r.DecidedAtUtc).Select(r => r.ProposedOutcome).FirstOrDefault(),
            LastDecidedAt = db.Referrals.Where(r => r.ChildId == childId && r.Status == ReferralStatus.Decided)
                .OrderByDescending(r => r.DecidedAtUtc).Select(r => r.DecidedAtUtc).FirstOrDefault(),
        }).SingleAsync(ct);

        var rows = new List<SectionRow>();
        if (open.Count == 0)
            rows.Add(new SectionRow("Waiting for a decision", "None") { Id = "referrals-open" });
        foreach (var (referral, i) in open.Take(OpenShown).Select((r, i) => (r, i)))
            rows.Add(new SectionRow("Waiting for a decision",
                $"From {referral.ReferrerAgency.Name()}, received {UkDisplay.Day(referral.ReceivedAtUtc)}")
            {
                Id = i == 0 ? "referrals-open" : null,
                Link = $"/Referrals/{referral.Id}",
                LinkText = $"referral received {UkDisplay.Day(referral.ReceivedAtUtc)}",
                Tag = referral.Status.Name(),
                TagClass = referral.Status == ReferralStatus.AwaitingManagerApproval ? "govuk-tag govuk-tag--yellow" : "govuk-tag govuk-tag--blue",
            });
        if (open.Count > OpenShown)
            rows.Add(new SectionRow("Waiting for a decision", "More are waiting: the chronology lists every referral"));
        rows.Add(summary.LastId is { } last
            ? new SectionRow("Last decision", $"{summary.LastOutcome?.Name()} on {UkDisplay.Day(summary.LastDecidedAt!.Value)}") { Link = $"/Referrals/{last}", LinkText = "referral last decided", Id = "referrals-last" }
            : new SectionRow("Last decision", "None yet") { Id = "referrals-last" });
        rows.Add(new SectionRow("All referrals", summary.Total.ToString()) { Id = "referrals-total" });

        var links = new List<SectionLink> { new("Every referral, in the chronology", $"/Children/{childId}/Chronology?type={Uri.EscapeDataString(Chronology.ChronologyTypes.Referral)}") };
        if (context.MayEdit) links.Insert(0, new SectionLink("Raise a concern", $"/Referrals/Create/{childId}"));
        return new ChildRecordSection("referrals", "Referrals", rows) { Links = links };
    }
}
