using Beacon.Core.Children;
using Beacon.Core.Missing;
using Beacon.Core.Referrals;
using Beacon.Core.RiskAssessment;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Assessment = Beacon.Core.RiskAssessment.RiskAssessment;

namespace Beacon.Web.Features.RiskAssessment;

/// <summary>
/// Where one child stands on risk: the current signed-off assessment's level, any open draft, and when the next
/// assessment is due (by the schedule for the level, or from a trigger event after sign-off), worked out by
/// <see cref="ReassessmentSchedule.DueFor(ExploitationRiskLevel, DateTime, IEnumerable{ReassessmentTrigger})"/> whenever
/// an assessment, missing episode or referral of the child is saved. Every child has one, so the risk lists, the
/// panel list and the counts are indexed comparisons ("due at or before now") rather than the schedule run for
/// every child on every request.
/// </summary>
public sealed class ChildRiskPosition
{
    public Guid ChildId { get; set; }
    public Guid? CurrentAssessmentId { get; set; }
    public ExploitationRiskLevel? Level { get; set; }
    public DateTime? SignedOffAtUtc { get; set; }
    public Guid? DraftId { get; set; }
    public ReassessmentReason DueReason { get; set; }
    /// <summary>Null when no assessment exists (due now) or none is required.</summary>
    public DateTime? DueAtUtc { get; set; }
    public ReassessmentTriggerKind? TriggerKind { get; set; }
    /// <summary>
    /// Since when the child's risk holds them on the panel's list (<see cref="PanelList.OnListByRiskSince"/>): set by a
    /// significant or serious sign-off, kept through lower ones, ended only by a removal the chair approves.
    /// </summary>
    public DateTime? OnPanelListSinceUtc { get; set; }

    // The child's facts that decide who sees them and how lists sort, copied from the record whenever they change:
    // a list over an area's tens of thousands of children then reads this table's indexes alone, without testing the
    // access rule on every child's record (see RiskOverview.Visible).
    public Guid ResponsibleAreaId { get; set; }
    public Guid? HostAreaId { get; set; }
    public bool IsRestricted { get; set; }
    public bool IsLookedAfter { get; set; }
    public string SortName { get; set; } = "";
    public string? KeyWorkerUserId { get; set; }

    public ReassessmentDue Due => DueOf(DueReason, DueAtUtc, Level, TriggerKind);

    /// <summary>The stored columns of a position back as the schedule's answer (a trigger is due from the moment it happened).</summary>
    public static ReassessmentDue DueOf(ReassessmentReason reason, DateTime? dueAtUtc, ExploitationRiskLevel? level, ReassessmentTriggerKind? trigger) =>
        new(reason, dueAtUtc, level, trigger is { } kind && dueAtUtc is { } at ? new ReassessmentTrigger(kind, at) : null);
}

internal sealed class ChildRiskPositionConfiguration : IEntityTypeConfiguration<ChildRiskPosition>
{
    public void Configure(EntityTypeBuilder<ChildRiskPosition> position)
    {
        position.ToTable("ChildRiskPositions");
        position.HasKey(p => p.ChildId);
        position.Property(p => p.ChildId).ValueGeneratedNever();
        position.Ignore(p => p.Due);
        position.HasIndex(p => new { p.Level, p.ChildId });
        position.HasIndex(p => new { p.DueReason, p.DueAtUtc });
        // The overview's overdue assessments, longest overdue first, read in order and stopped at a page.
        position.HasIndex(p => p.DueAtUtc).HasFilter($"\"DueReason\" <> {(int)ReassessmentReason.NoAssessment}").HasDatabaseName("IX_ChildRiskPositions_Assessed_DueAtUtc");
        // The panel's agenda: most serious first, then longest since sign-off, read in order and stopped at one agenda's worth.
        position.HasIndex(p => new { p.Level, p.SignedOffAtUtc }).IsDescending(true, false);
        // The panel's list by risk, an area's part of it in each of the list's orders (most serious, name, longest on the
        // list): only the children whose risk holds them on it, counted and read in order from the index alone and stopped
        // at the page. The first also holds every column the access rule asks, for the lists that ask it of each held child.
        const string heldByRisk = "\"OnPanelListSinceUtc\" IS NOT NULL";
        position.HasIndex(p => new { p.ResponsibleAreaId, p.Level, p.SortName, p.ChildId, p.IsRestricted, p.HostAreaId, p.OnPanelListSinceUtc })
            .IsDescending(false, true, false, false, false, false, false).HasFilter(heldByRisk).HasDatabaseName("IX_ChildRiskPositions_Area_OnPanelList_Level");
        position.HasIndex(p => new { p.ResponsibleAreaId, p.SortName, p.ChildId, p.IsRestricted, p.OnPanelListSinceUtc, p.Level })
            .HasFilter(heldByRisk).HasDatabaseName("IX_ChildRiskPositions_Area_OnPanelList_Name");
        position.HasIndex(p => new { p.ResponsibleAreaId, p.OnPanelListSinceUtc, p.ChildId, p.IsRestricted, p.SortName, p.Level })
            .HasFilter(heldByRisk).HasDatabaseName("IX_ChildRiskPositions_Area_OnPanelList_Since");
        position.Property(p => p.SortName).HasMaxLength(Core.Children.NameFolding.SortKeyMaxLength);
        position.Property(p => p.KeyWorkerUserId).HasMaxLength(450);
        // An area's children counted by level from the index alone. Level comes straight after the area, so the index is
        // in the grouping's order: otherwise SQLite groups with the by-level list's index below, which does not cover the
        // count, and looks up every child's row (100 ms for 60,000 children).
        position.HasIndex(p => new { p.ResponsibleAreaId, p.Level, p.IsRestricted, p.DueReason, p.DueAtUtc, p.IsLookedAfter })
            .HasDatabaseName("IX_ChildRiskPositions_Area_Figures");
        // An area's lists, each read in its order and stopped at the page: by name; overdue, longest overdue first; overdue, most
        // serious first; most serious first. Each also holds the columns its lists filter on (after the order, where they
        // cost nothing to the order), so a deep page skips entries in the index without reading each child's row: the
        // last of 1,200 pages of an area's children by name read 30,000 rows, 85 ms, and 5 ms from the index.
        position.HasIndex(p => new { p.ResponsibleAreaId, p.SortName, p.ChildId, p.IsRestricted, p.DueReason, p.DueAtUtc, p.IsLookedAfter, p.Level })
            .HasDatabaseName("IX_ChildRiskPositions_Area_Name");
        position.HasIndex(p => new { p.ResponsibleAreaId, p.DueAtUtc, p.SortName, p.ChildId, p.IsRestricted })
            .HasFilter($"\"DueReason\" <> {(int)ReassessmentReason.NoAssessment}").HasDatabaseName("IX_ChildRiskPositions_Area_Overdue");
        // It holds the reason too, though its filter implies it: SQLite counts from an index alone only when the index holds
        // every column the query names, and the overview counts an area's overdue assessments by level from this one.
        position.HasIndex(p => new { p.ResponsibleAreaId, p.Level, p.DueAtUtc, p.SortName, p.ChildId, p.IsRestricted, p.DueReason }).IsDescending(false, true, false, false, false, false, false)
            .HasFilter($"\"DueReason\" <> {(int)ReassessmentReason.NoAssessment}").HasDatabaseName("IX_ChildRiskPositions_Area_Overdue_Level");
        position.HasIndex(p => new { p.ResponsibleAreaId, p.Level, p.SortName, p.ChildId, p.IsRestricted, p.IsLookedAfter }).IsDescending(false, true, false, false, false, false)
            .HasDatabaseName("IX_ChildRiskPositions_Area_Level");
        // Whether a child an organisation works with is seen through the areas already, from the index alone; and for a
        // list of other records (My work's steps due), whether the person sees each one's child and where it sorts.
        position.HasIndex(p => new { p.ChildId, p.IsRestricted, p.ResponsibleAreaId, p.HostAreaId, p.SortName }).HasDatabaseName("IX_ChildRiskPositions_Child_Access");
        // Children placed in an area from another (few), and a key worker's own.
        position.HasIndex(p => p.HostAreaId);
        // A key worker's own children in an area ("Mine"), by level: equality on both, so it wins over the area's indexes.
        position.HasIndex(p => new { p.KeyWorkerUserId, p.ResponsibleAreaId, p.Level });
    }
}

internal sealed class ChildRiskPositionProjector(ReassessmentSchedule schedule) : IReadModelProjector
{
    private const int BatchSize = 1_000;

    public async Task ProjectAsync(BeaconDbContext db, IReadOnlyList<EntityEntry> changes, DateTime nowUtc, CancellationToken ct)
    {
        var childIds = changes.Changed<Assessment>().Select(a => a.ChildId)
            .Concat(changes.Changed<MissingEpisode>().Select(e => e.ChildId))
            .Concat(changes.Changed<Referral>().Select(r => r.ChildId))
            .Concat(changes.Where(e => e.Entity is Child && (e.State == EntityState.Added || ChildFacts.Any(f => e.Property(f).IsModified)))
                .Select(e => ((Child)e.Entity).Id))
            .ToHashSet();
        if (childIds.Count > 0) await ReplaceAsync(db, childIds.ToList(), ct);
    }

    /// <summary>The child's properties a position copies (<see cref="ChildRiskPosition.ResponsibleAreaId"/> and after).</summary>
    private static readonly string[] ChildFacts =
        [nameof(Child.ResponsibleAreaId), nameof(Child.HostAreaId), nameof(Child.IsRestricted), nameof(Child.IsLookedAfter), nameof(Child.SortName), nameof(Child.KeyWorkerUserId)];

    private sealed record Facts(Guid Id, Guid ResponsibleAreaId, Guid? HostAreaId, bool IsRestricted, bool IsLookedAfter, string SortName, string? KeyWorkerUserId);

    private async Task ReplaceAsync(BeaconDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var idSet = ids.ToHashSet();
        // The child's facts as this save leaves them: tracked children as changed, the others as stored.
        var trackedChildren = db.ChangeTracker.BeingSaved<Child>().Where(c => idSet.Contains(c.Id))
            .Select(c => new Facts(c.Id, c.ResponsibleAreaId, c.HostAreaId, c.IsRestricted, c.IsLookedAfter, c.SortName, c.KeyWorkerUserId)).ToList();
        var trackedChildIds = trackedChildren.Select(c => c.Id).ToHashSet();
        var untracked = ids.Where(id => !trackedChildIds.Contains(id)).ToList();
        var facts = (untracked.Count == 0 ? [] : await db.Children.AsNoTracking().IgnoreAutoIncludes().Where(c => untracked.Contains(c.Id))
                .Select(c => new Facts(c.Id, c.ResponsibleAreaId, c.HostAreaId, c.IsRestricted, c.IsLookedAfter, c.SortName, c.KeyWorkerUserId)).ToListAsync(ct))
            .Concat(trackedChildren).ToDictionary(c => c.Id);
        // What the database holds, overlaid with what this save is changing (new sign-offs, superseded ones, new events).
        var trackedAssessments = db.ChangeTracker.BeingSaved<Assessment>().Where(a => idSet.Contains(a.ChildId)).ToList();
        var trackedIds = trackedAssessments.Select(a => a.Id).ToHashSet();
        // Superseded assessments too: a significant one earlier holds the child on the panel's list.
        var assessments = (await db.RiskAssessments.AsNoTracking().IgnoreAutoIncludes()
                .Where(a => ids.Contains(a.ChildId) && (a.Status == AssessmentStatus.SignedOff || a.Status == AssessmentStatus.Superseded || a.Status == AssessmentStatus.Draft))
                .Select(a => new Row(a.Id, a.ChildId, a.Status, a.Level, a.SignedOffAtUtc)).ToListAsync(ct))
            .Where(a => !trackedIds.Contains(a.Id))
            .Concat(trackedAssessments.Select(a => new Row(a.Id, a.ChildId, a.Status, a.Level, a.SignedOffAtUtc)))
            .ToLookup(a => a.ChildId);

        var trackedEpisodes = db.ChangeTracker.BeingSaved<MissingEpisode>().Where(e => idSet.Contains(e.ChildId)).ToList();
        var trackedEpisodeIds = trackedEpisodes.Select(e => e.Id).ToHashSet();
        var trackedReferrals = db.ChangeTracker.BeingSaved<Referral>().Where(r => idSet.Contains(r.ChildId)).ToList();
        var trackedReferralIds = trackedReferrals.Select(r => r.Id).ToHashSet();
        var trackedListings = db.ChangeTracker.BeingSaved<Core.Panel.PanelListing>().Where(l => idSet.Contains(l.ChildId)).ToList();
        var trackedListingIds = trackedListings.Select(l => l.Id).ToHashSet();
        var lastRemoved = (await db.Set<Core.Panel.PanelListing>().AsNoTracking().Where(l => ids.Contains(l.ChildId) && l.RemovedAtUtc != null)
                .Select(l => new { l.Id, l.ChildId, l.RemovedAtUtc }).ToListAsync(ct))
            .Where(l => !trackedListingIds.Contains(l.Id))
            .Concat(trackedListings.Where(l => l.RemovedAtUtc != null).Select(l => new { l.Id, l.ChildId, l.RemovedAtUtc }))
            .GroupBy(l => l.ChildId).ToDictionary(g => g.Key, g => g.Max(l => l.RemovedAtUtc));
        var signedOff = assessments.SelectMany(g => g).Where(a => a.Status == AssessmentStatus.SignedOff).ToList();
        var earliest = signedOff.Count == 0 ? (DateTime?)null : signedOff.Min(a => a.SignedOffAtUtc);
        // Only events after a sign-off can trigger a reassessment, so only those are read.
        var triggers = earliest is not { } since ? Enumerable.Empty<(Guid ChildId, ReassessmentTrigger Trigger)>().ToLookup(t => t.ChildId, t => t.Trigger) :
            (await db.MissingEpisodes.AsNoTracking().Where(e => ids.Contains(e.ChildId) && e.ReportedMissingAtUtc > since)
                .Select(e => new { e.Id, e.ChildId, At = e.ReportedMissingAtUtc }).ToListAsync(ct))
            .Where(e => !trackedEpisodeIds.Contains(e.Id)).Select(e => (e.ChildId, Trigger: new ReassessmentTrigger(ReassessmentTriggerKind.MissingEpisode, e.At)))
            .Concat(trackedEpisodes.Select(e => (e.ChildId, Trigger: new ReassessmentTrigger(ReassessmentTriggerKind.MissingEpisode, e.ReportedMissingAtUtc))))
            .Concat((await db.Referrals.AsNoTracking().Where(r => ids.Contains(r.ChildId) && r.ReceivedAtUtc > since)
                    .Select(r => new { r.Id, r.ChildId, At = r.ReceivedAtUtc }).ToListAsync(ct))
                .Where(r => !trackedReferralIds.Contains(r.Id)).Select(r => (r.ChildId, Trigger: new ReassessmentTrigger(ReassessmentTriggerKind.Referral, r.At))))
            .Concat(trackedReferrals.Select(r => (r.ChildId, Trigger: new ReassessmentTrigger(ReassessmentTriggerKind.Referral, r.ReceivedAtUtc))))
            .ToLookup(t => t.ChildId, t => t.Trigger);

        var wanted = ids.Where(facts.ContainsKey).Select(id =>
        {
            var child = facts[id];
            var current = assessments[id].Where(a => a.Status == AssessmentStatus.SignedOff).MaxBy(a => a.SignedOffAtUtc);
            var draft = assessments[id].FirstOrDefault(a => a.Status == AssessmentStatus.Draft);
            var due = current is { Level: { } level, SignedOffAtUtc: { } at }
                ? schedule.DueFor(level, at, triggers[id])
                : new ReassessmentDue(ReassessmentReason.NoAssessment, null);
            return new ChildRiskPosition
            {
                ChildId = id, CurrentAssessmentId = current?.Id, Level = current?.Level, SignedOffAtUtc = current?.SignedOffAtUtc, DraftId = draft?.Id,
                DueReason = due.Reason, DueAtUtc = due.DueAtUtc, TriggerKind = due.Trigger?.Kind,
                OnPanelListSinceUtc = PanelList.OnListByRiskSince(
                    assessments[id].Where(a => a.Status is AssessmentStatus.SignedOff or AssessmentStatus.Superseded && a.SignedOffAtUtc is not null)
                        .Select(a => (a.Level, a.SignedOffAtUtc!.Value)), lastRemoved.GetValueOrDefault(id)),
                ResponsibleAreaId = child.ResponsibleAreaId, HostAreaId = child.HostAreaId, IsRestricted = child.IsRestricted,
                IsLookedAfter = child.IsLookedAfter, SortName = child.SortName, KeyWorkerUserId = child.KeyWorkerUserId,
            };
        }).ToList();
        var existing = await db.Set<ChildRiskPosition>().Where(p => ids.Contains(p.ChildId)).ToListAsync(ct);
        ReadModels.Replace(db, existing, wanted, p => p.ChildId);
    }

    private sealed record Row(Guid Id, Guid ChildId, AssessmentStatus Status, ExploitationRiskLevel? Level, DateTime? SignedOffAtUtc);

    public async Task<bool> NeedsRebuildAsync(BeaconDbContext db, CancellationToken ct) =>
        !await db.Set<ChildRiskPosition>().AnyAsync(ct) && await db.Children.AnyAsync(ct);

    public Task RebuildAsync(IServiceScopeFactory scopes, DateTime nowUtc, CancellationToken ct) =>
        ReadModels.InBatchesAsync(scopes, db => db.Children.OrderBy(c => c.Id).Select(c => c.Id), BatchSize, (db, ids) => ReplaceAsync(db, ids, ct), ct);
}
