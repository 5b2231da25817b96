using Beacon.Core.Cases;
using Beacon.Core.Common;
using Beacon.Core.Timescales;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using T = Beacon.Web.Features.Chronology.ChronologyTypes;

namespace Beacon.Web.Features.Chronology.Sources;

/// <summary>
/// The case lifecycle: opened, strategy discussions (and who attended), section 47 enquiry, assessment (against
/// its 45 working days), conferences, plan and closure.
/// </summary>
public sealed class CaseSource(BeaconDbContext db, TimeProvider clock) : IChronologySource
{
    public IReadOnlyList<string> Types { get; } = [T.Case, T.StrategyDiscussion, T.Section47, T.Assessment, T.Conference, T.Plan];

    public async Task<IEnumerable<ChronologyEvent>> EventsAsync(Guid childId, CancellationToken ct)
    {
        if (!db.Stores<Case>()) return [];
        var cases = await db.Set<Case>().AsNoTracking()
            // Split: as one query the discussions' attendees make a nested join that SQLite builds for every discussion in
            // the borough before picking this child's (17,000 at 100,000 children, on every chronology).
            .Include(c => c.StrategyDiscussions).Include(c => c.ReviewConferences).Include(c => c.StageHistory).AsSplitQuery()
            .Where(c => c.ChildId == childId).ToListAsync(ct);
        var timescales = StatutoryTimescales.EnglandAndWales;
        var today = UkTime.ToUkDate(clock.GetUtcNow().UtcDateTime);
        var events = new List<ChronologyEvent>();
        foreach (var c in cases)
        {
            var first = events.Count;
            // Who moved the case to a stage recorded that step: the stage history says, so each step says who did it.
            string? By(CaseStage stage) => c.StageHistory.Where(h => h.To == stage).OrderBy(h => h.On).Select(h => h.ByUserId).FirstOrDefault();
            events.Add(new(c.OpenedAtUtc, true, T.Case, "Case opened") { ByUserId = c.OpenedByUserId });
            foreach (var s in c.StrategyDiscussions)
                events.Add(ChronologyEvent.OnDay(s.HeldOn, T.StrategyDiscussion, "Strategy discussion held") with
                {
                    ByUserId = s.RecordedByUserId,
                    Detail = "Attended by " + string.Join(", ", s.Attendees.Select(a => $"{a.Name} ({a.Agency.Name()})")),
                });
            if (c.Section47StartedOn is { } s47)
                events.Add(ChronologyEvent.OnDay(s47, T.Section47, "Section 47 enquiry started") with { ByUserId = By(CaseStage.Section47Enquiry) });
            if (c.AssessmentStartedOn is { } started)
                events.Add(ChronologyEvent.OnDay(started, T.Assessment, "Assessment started") with { ByUserId = By(CaseStage.Assessment) });
            if (c.AssessmentCompletedOn is { } completed)
            {
                var outcome = TimescaleOutcome.InWorkingDays(StatutoryStep.Assessment, timescales.AssessmentDue(c.ReferralReceivedOn), completed, today, timescales.Calendar);
                events.Add(ChronologyEvent.OnDay(completed, T.Assessment, "Assessment completed") with { Detail = outcome.Describe(), Flag = outcome.IsBreach ? ChronologyEvent.TimescaleMissed : null });
            }
            if (c.InitialConferenceOn is { } conference)
                events.Add(ChronologyEvent.OnDay(conference, T.Conference, "Initial child protection conference") with { ByUserId = By(CaseStage.InitialChildProtectionConference) });
            foreach (var review in c.ReviewConferences)
                events.Add(ChronologyEvent.OnDay(review.HeldOn, T.Conference, $"Review conference {review.Number}") with
                {
                    ByUserId = review.RecordedByUserId,
                    Detail = review.HeldOn > review.DueOn ? $"Held {review.HeldOn.DayNumber - review.DueOn.DayNumber} days after it was due" : null,
                    Flag = review.HeldOn > review.DueOn ? ChronologyEvent.TimescaleMissed : null,
                });
            if (c.PlanStartedOn is { } plan)
                events.Add(ChronologyEvent.OnDay(plan, T.Plan, $"{c.PlanKind?.Name() ?? "Plan"} started") with { ByUserId = By(CaseStage.Plan) });
            if (c.ClosedAtUtc is { } closed)
                events.Add(new(closed, true, T.Case, "Case closed") { ByUserId = c.ClosureApprovedByUserId, Detail = ChronologyServices.Shorten(c.ClosureReason) });
            // Every step of the case links to the case, where it was recorded.
            for (var i = first; i < events.Count; i++) events[i] = events[i] with { Link = $"/Cases/{c.Id}" };
        }
        return events;
    }
}
