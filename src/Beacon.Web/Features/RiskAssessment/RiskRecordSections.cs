using Beacon.Core.RiskAssessment;
using Beacon.Web.Features.Children;
using Beacon.Web.Features.Missing;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.RiskAssessment;

/// <summary>The child's record: current exploitation risk level, when it was signed off, when the next one is due, any draft.</summary>
public sealed class RiskRecordSection(BeaconDbContext db) : IChildRecordSection
{
    public int Order => 300;

    public async Task<ChildRecordSection?> BuildAsync(ChildRecordContext context, CancellationToken ct)
    {
        var childId = context.Child.Id;
        var position = await db.Set<ChildRiskPosition>().AsNoTracking().SingleOrDefaultAsync(p => p.ChildId == childId, ct);
        var due = position?.Due ?? new ReassessmentDue(ReassessmentReason.NoAssessment, null);
        var rows = new List<SectionRow>
        {
            new("CSE risk level", RiskDisplay.Name(position?.Level)) { Id = "risk-level", Tag = RiskDisplay.Name(position?.Level), TagClass = RiskDisplay.TagClass(position?.Level) },
        };
        if (position?.SignedOffAtUtc is { } signed)
            rows.Add(new SectionRow("Signed off", UkDisplay.Day(signed)) { Link = $"/RiskAssessment/{position.CurrentAssessmentId}", LinkText = "current assessment" });
        // Due or overdue: the whole description is the red tag, so it is said once and cannot be missed.
        var describe = RiskDisplay.Describe(due, context.NowUtc);
        rows.Add(new SectionRow("Next assessment", describe)
        {
            Id = "risk-due",
            Tag = due.IsDueBy(context.NowUtc) ? describe : null,
            TagClass = RiskDisplay.DueClass(due, context.NowUtc),
        });
        if (position?.DraftId is { } draft)
            rows.Add(new SectionRow("Draft", "An assessment is being written") { Link = $"/RiskAssessment/{draft}", LinkText = "draft assessment", Id = "risk-draft" });
        return new ChildRecordSection("risk", "Exploitation risk", rows)
        {
            Links = [new SectionLink("Risk assessments", $"/Children/{childId}/RiskAssessments")],
        };
    }
}
