using Beacon.Core.Actions;
using Beacon.Web.Features.Children;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.Actions;

/// <summary>The child's record: actions agreed for the child that are still open, how many are overdue, and the next one due.</summary>
public sealed class ActionRecordSection(BeaconDbContext db) : IChildRecordSection
{
    public int Order => 120;

    public async Task<ChildRecordSection?> BuildAsync(ChildRecordContext context, CancellationToken ct)
    {
        var childId = context.Child.Id;
        var today = context.Today;
        var open = db.Set<AgreedAction>().Where(a => a.ChildId == childId && a.DoneOn == null);
        var summary = await db.Children.Where(c => c.Id == childId).Select(c => new
        {
            Open = open.Count(),
            Overdue = open.Count(a => a.DueOn < today),
            NextWhat = open.OrderBy(a => a.DueOn).Select(a => a.Description).FirstOrDefault(),
            NextDue = open.OrderBy(a => a.DueOn).Select(a => (DateOnly?)a.DueOn).FirstOrDefault(),
            NextCase = open.OrderBy(a => a.DueOn).Select(a => a.CaseId).FirstOrDefault(),
        }).SingleAsync(ct);
        if (summary.Open == 0) return null;

        var rows = new List<SectionRow>
        {
            new("Open", summary.Open.ToString()) { Id = "actions-open", Tag = summary.Overdue > 0 ? $"{summary.Overdue} overdue" : null, TagClass = "govuk-tag govuk-tag--red" },
            new("Next due", $"{summary.NextWhat} – by {summary.NextDue:d MMMM yyyy}")
            {
                Id = "actions-next",
                Link = summary.NextCase is { } caseId ? $"/Cases/{caseId}/Actions" : null,
                LinkText = "the actions",
            },
        };
        return new ChildRecordSection("actions", "Agreed actions", rows)
        {
            Links = summary.NextCase is { } id ? [new SectionLink("All actions", $"/Cases/{id}/Actions")] : [],
        };
    }
}
