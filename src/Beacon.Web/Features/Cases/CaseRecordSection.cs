using Beacon.Core.Cases;
using Beacon.Core.Common;
using Beacon.Core.Timescales;
using Beacon.Web.Features.Children;
using Beacon.Web.Features.Missing;
using Beacon.Web.Features.Timescales;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Cases;

/// <summary>The child's record: the open case (or the last one), its stage, worker, plan and next statutory step.</summary>
public sealed class CaseRecordSection(BeaconDbContext db) : IChildRecordSection
{
    public int Order => 100;

    public async Task<ChildRecordSection?> BuildAsync(ChildRecordContext context, CancellationToken ct)
    {
        // Open case first (there is never more than one), else the latest closed one; one query.
        var latest = await (from k in db.Cases.AsNoTracking().IgnoreAutoIncludes()
                            where k.ChildId == context.Child.Id
                            orderby k.Stage == CaseStage.Closed, k.OpenedAtUtc descending
                            select new
                            {
                                k.Id, k.Stage, k.OpenedAtUtc, k.PlanKind, k.PlanStartedOn, k.ClosedAtUtc, k.ClosureRequestedAtUtc,
                                Worker = db.Users.Where(u => u.Id == k.AllocatedWorkerUserId).Select(u => u.DisplayName).FirstOrDefault(),
                                NextStep = db.Set<StatutoryClock>().Where(s => s.RecordId == k.Id && s.MetOn == null)
                                    .OrderBy(s => s.DueOn).Select(s => (StatutoryStep?)s.Step).FirstOrDefault(),
                                NextDueOn = db.Set<StatutoryClock>().Where(s => s.RecordId == k.Id && s.MetOn == null)
                                    .OrderBy(s => s.DueOn).Select(s => (DateOnly?)s.DueOn).FirstOrDefault(),
                            }).FirstOrDefaultAsync(ct);

        if (latest is null)
            return new ChildRecordSection("case", "Case", [new SectionRow("Case", "No case has been opened") { Id = "case-stage" }]);

        var link = $"/Cases/{latest.Id}";
        if (latest.Stage == CaseStage.Closed)
            return new ChildRecordSection("case", "Case",
                [new SectionRow("Case", $"Closed on {latest.ClosedAtUtc:d MMMM yyyy}") { Id = "case-stage", Link = link, LinkText = "closed case" }]);

        var rows = new List<SectionRow>
        {
            new("Stage", $"{latest.Stage.Name()} (case opened {UkDisplay.Day(latest.OpenedAtUtc)})") { Id = "case-stage" },
            latest.Worker is null
                ? new("Allocated worker", "Not allocated") { Tag = "Not allocated", TagClass = "govuk-tag govuk-tag--yellow", Id = "case-worker" }
                : new("Allocated worker", latest.Worker) { Id = "case-worker" },
            new("Plan", latest.PlanKind is { } plan ? $"{plan.Name()} since {latest.PlanStartedOn:d MMMM yyyy}" : "No plan") { Id = "case-plan" },
        };
        if (latest.NextStep is { } step && latest.NextDueOn is { } due)
            rows.Add(new SectionRow("Next statutory step", $"{step.Name()} due {due:d MMMM yyyy}")
            {
                Id = "case-next-step",
                Tag = due < context.Today ? "Overdue" : null,
                TagClass = "govuk-tag govuk-tag--red",
            });
        if (latest.ClosureRequestedAtUtc is { } asked)
            rows.Add(new SectionRow("Closure", $"Asked for on {UkDisplay.Day(asked)}, waiting for approval") { Tag = "Awaiting approval", TagClass = "govuk-tag govuk-tag--yellow" });
        return new ChildRecordSection("case", "Case", rows) { Links = [new SectionLink("Open the case", link)] };
    }
}
