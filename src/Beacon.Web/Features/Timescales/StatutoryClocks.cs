using Beacon.Core.Cases;
using Beacon.Core.Children;
using Beacon.Core.Referrals;
using Beacon.Core.Timescales;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Web.Features.Timescales;

public enum ClockedRecord { Referral = 1, Case = 2 }

/// <summary>
/// One statutory step's clock: when it is due and when it was done, as the domain worked them out
/// (<see cref="Case.TimescaleOutcomes"/>, <see cref="Referral.DecisionTimescale"/>) when the record last changed.
/// "Overdue" and "late" are then plain date comparisons the database answers with an index, for any number
/// of cases; the page works out "by how long" only for the rows it shows.
/// </summary>
public sealed class StatutoryClock
{
    public Guid RecordId { get; set; }
    /// <summary>Which step of the record: one per step, review conferences numbered.</summary>
    public int Slot { get; set; }
    public ClockedRecord Record { get; set; }
    public Guid ChildId { get; set; }
    /// <summary>The child's local authority area, and the area they are placed in: breaches are counted by area.</summary>
    public Guid AreaId { get; set; }
    public Guid? HostAreaId { get; set; }
    public StatutoryStep Step { get; set; }
    public TimescaleUnit Unit { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? MetOn { get; set; }
    /// <summary>Done after it was due: fixed once done, so stored rather than compared column to column.</summary>
    public bool Late { get; set; }
    /// <summary>
    /// The due date of a step not done by it (still open, or done late), after which it is a breach; none once done in
    /// time. An area's breaches are then one range of an index (area, this date), read in the breaches list's order.
    /// </summary>
    public DateOnly? BreachAfter { get; set; }
    /// <summary>The allocated worker (cases) or the person who decided (referrals).</summary>
    public string? ResponsibleUserId { get; set; }

    /// <summary>
    /// The step, its due date, when it was done and whether in time, as the domain worked them out: the one place the
    /// stored clock follows the outcome (every clock is built through it).
    /// </summary>
    public StatutoryClock Following(TimescaleOutcome outcome)
    {
        Step = outcome.Step;
        Unit = outcome.Unit;
        DueOn = outcome.DueOn;
        MetOn = outcome.MetOn;
        Late = outcome.State == TimescaleState.MetLate;
        BreachAfter = outcome.State == TimescaleState.MetOnTime ? null : outcome.DueOn;
        return this;
    }

    /// <summary>Where the step stands today, for showing one row.</summary>
    public static TimescaleOutcome Outcome(StatutoryStep step, TimescaleUnit unit, DateOnly dueOn, DateOnly? metOn, DateOnly today, WorkingDayCalendar calendar) =>
        unit == TimescaleUnit.CalendarDays
            ? TimescaleOutcome.InCalendarDays(step, dueOn, metOn, today)
            : TimescaleOutcome.InWorkingDays(step, dueOn, metOn, today, calendar);
}

internal sealed class StatutoryClockConfiguration : IEntityTypeConfiguration<StatutoryClock>
{
    public void Configure(EntityTypeBuilder<StatutoryClock> clock)
    {
        clock.ToTable("StatutoryClocks");
        clock.HasKey(k => new { k.RecordId, k.Slot });
        clock.Property(k => k.ResponsibleUserId).HasMaxLength(450);
        // Outstanding work by worker, due date first (My work: cases); outstanding decisions (My work: referrals);
        // one record's outstanding and overdue steps (caseload counts); overdue anywhere (breaches).
        clock.HasIndex(k => new { k.ResponsibleUserId, k.MetOn, k.DueOn });
        clock.HasIndex(k => new { k.Record, k.MetOn, k.DueOn });
        clock.HasIndex(k => new { k.RecordId, k.MetOn, k.DueOn });
        clock.HasIndex(k => new { k.AreaId, k.MetOn, k.DueOn });
        // An area's breaches, oldest first, and counted by step from the index alone (a child's own area; the area a
        // child is placed in).
        clock.HasIndex(k => new { k.AreaId, k.BreachAfter, k.RecordId, k.Slot, k.Step, k.Late });
        clock.HasIndex(k => new { k.HostAreaId, k.BreachAfter, k.RecordId, k.Slot, k.Step, k.Late });
        clock.HasIndex(k => k.ChildId);
    }
}

/// <summary>Works the clocks of every case and referral a save touches out again, from the domain's own rules.</summary>
internal sealed class StatutoryClockProjector(StatutoryTimescales timescales) : IReadModelProjector
{
    private const int BatchSize = 500;

    public async Task ProjectAsync(BeaconDbContext db, IReadOnlyList<EntityEntry> changes, DateTime nowUtc, CancellationToken ct)
    {
        var cases = changes.Changed<Case>().ToDictionary(c => c.Id);
        // A discussion or conference added to a case moves its clocks even when the case row itself did not change.
        foreach (var part in changes.Where(e => e.Entity is StrategyDiscussion or ReviewConference or CaseStageChange))
            if (part.Property("CaseId").CurrentValue is Guid caseId && !cases.ContainsKey(caseId)
                && db.ChangeTracker.Entries<Case>().FirstOrDefault(e => e.Entity.Id == caseId) is { } owner)
                cases[caseId] = owner.Entity;
        var referrals = changes.Changed<Referral>().ToList();
        await MoveAreasAsync(db, changes, ct);
        if (cases.Count == 0 && referrals.Count == 0) return;

        foreach (var @case in cases.Values)
        {
            var entry = db.Entry(@case);
            if (entry.State == EntityState.Added) continue;
            var discussions = entry.Collection(c => c.StrategyDiscussions);
            if (!discussions.IsLoaded) await discussions.LoadAsync(ct);
            var reviews = entry.Collection(c => c.ReviewConferences);
            if (!reviews.IsLoaded) await reviews.LoadAsync(ct);
        }
        await ReplaceAsync(db, cases.Values, referrals, nowUtc, ct);
    }

    /// <summary>A child who moves to another authority, or is placed in (or back from) another area, takes their clocks along.</summary>
    private static async Task MoveAreasAsync(BeaconDbContext db, IReadOnlyList<EntityEntry> changes, CancellationToken ct)
    {
        var moved = changes.Where(e => e.Entity is Child && e.State == EntityState.Modified
                && (e.Property(nameof(Child.ResponsibleAreaId)).IsModified || e.Property(nameof(Child.HostAreaId)).IsModified))
            .Select(e => (Child)e.Entity).ToDictionary(c => c.Id);
        if (moved.Count == 0) return;
        var ids = moved.Keys.ToList();
        foreach (var clock in await db.Set<StatutoryClock>().Where(k => ids.Contains(k.ChildId)).ToListAsync(ct))
        {
            clock.AreaId = moved[clock.ChildId].ResponsibleAreaId;
            clock.HostAreaId = moved[clock.ChildId].HostAreaId;
        }
    }

    private async Task ReplaceAsync(BeaconDbContext db, IEnumerable<Case> cases, IEnumerable<Referral> referrals, DateTime nowUtc, CancellationToken ct)
    {
        var wanted = cases.SelectMany(c => ClocksOf(c, nowUtc)).Concat(referrals.Select(r => ClockOf(r, nowUtc))).ToList();
        // Each clock carries its child's areas: from the child being saved, else from the database (a child the request
        // loaded and left unchanged may be older than the database by now).
        var childIds = wanted.Select(k => k.ChildId).ToHashSet();
        var areas = db.ChangeTracker.BeingSaved<Child>().Where(c => childIds.Contains(c.Id))
            .ToDictionary(c => c.Id, c => (c.ResponsibleAreaId, c.HostAreaId));
        var unknown = childIds.Where(id => !areas.ContainsKey(id)).ToList();
        foreach (var chunk in unknown.Chunk(BatchSize))
            foreach (var child in await db.Children.AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.ResponsibleAreaId, c.HostAreaId }).ToListAsync(ct))
                areas[child.Id] = (child.ResponsibleAreaId, child.HostAreaId);
        foreach (var clock in wanted)
            (clock.AreaId, clock.HostAreaId) = areas[clock.ChildId];
        var ids = cases.Select(c => c.Id).Concat(referrals.Select(r => r.Id)).Distinct().ToList();
        var existing = new List<StatutoryClock>();
        foreach (var chunk in ids.Chunk(BatchSize))
            existing.AddRange(await db.Set<StatutoryClock>().Where(k => chunk.Contains(k.RecordId)).ToListAsync(ct));
        ReadModels.Replace(db, existing, wanted, k => (k.RecordId, k.Slot));
    }

    private IEnumerable<StatutoryClock> ClocksOf(Case @case, DateTime nowUtc)
    {
        var review = 0;
        foreach (var outcome in @case.TimescaleOutcomes(timescales, nowUtc))
        {
            var slot = outcome.Step switch
            {
                StatutoryStep.Assessment => 1,
                StatutoryStep.InitialChildProtectionConference => 2,
                _ => 100 + ++review,
            };
            yield return new StatutoryClock
            {
                RecordId = @case.Id, Slot = slot, Record = ClockedRecord.Case, ChildId = @case.ChildId, ResponsibleUserId = @case.AllocatedWorkerUserId,
            }.Following(outcome);
        }
    }

    private StatutoryClock ClockOf(Referral referral, DateTime nowUtc)
    {
        var outcome = referral.DecisionTimescale(timescales, nowUtc);
        return new StatutoryClock
        {
            RecordId = referral.Id, Slot = 1, Record = ClockedRecord.Referral, ChildId = referral.ChildId, ResponsibleUserId = referral.DecidedByUserId,
        }.Following(outcome);
    }

    public async Task<bool> NeedsRebuildAsync(BeaconDbContext db, CancellationToken ct) =>
        !await db.Set<StatutoryClock>().AnyAsync(ct) && await db.Referrals.AnyAsync(ct);

    public Task RebuildAsync(IServiceScopeFactory scopes, DateTime nowUtc, CancellationToken ct) =>
        ReadModels.InBatchesAsync(scopes, db => db.Referrals.OrderBy(r => r.Id).Select(r => r.Id), BatchSize, async (db, ids) =>
        {
            var referrals = await db.Referrals.Where(r => ids.Contains(r.Id)).ToListAsync(ct);
            var cases = await db.Cases.Include(c => c.StrategyDiscussions).Include(c => c.ReviewConferences).AsSplitQuery()
                .Where(c => ids.Contains(c.ReferralId)).ToListAsync(ct);
            await ReplaceAsync(db, cases, referrals, nowUtc, ct);
        }, ct);
}
