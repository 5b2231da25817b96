using Beacon.Core.Children;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beacon.Web.Features.Children;

/// <summary>
/// One word of a child's name or current alias, folded for search ("O'Brien" → "obrien", "Zoë" → "zoe"). A search
/// term matches the start of a word, which an index on the word answers as a range, where "contains" on the names
/// would read every child.
/// </summary>
public sealed class ChildNameToken
{
    public Guid ChildId { get; set; }
    public string Token { get; set; } = "";

    public const int MaxLength = Child.NameMaxLength;

    /// <summary>The words of a name as search stores and matches them: lower case, no accents or apostrophes; a hyphenated name also whole.</summary>
    public static IEnumerable<string> Words(string? name)
    {
        var folded = Fold(name);
        var parts = folded.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts) yield return part;
        if (folded.Contains('-')) yield return folded.Replace("-", "").Replace(" ", "");
    }

    /// <summary>The smallest string after every string starting with <paramref name="prefix"/>, so a prefix search is a range.</summary>
    public static string UpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    private static string Fold(string? name)
    {
        var word = NameFolding.Fold(name);
        return word.Length > MaxLength ? word[..MaxLength] : word;
    }
}

internal sealed class ChildNameTokenConfiguration : IEntityTypeConfiguration<ChildNameToken>
{
    public void Configure(EntityTypeBuilder<ChildNameToken> token)
    {
        token.ToTable("ChildNameTokens");
        token.HasKey(t => new { t.ChildId, t.Token });
        token.Property(t => t.Token).HasMaxLength(ChildNameToken.MaxLength);
        token.HasIndex(t => new { t.Token, t.ChildId });
    }
}

/// <summary>Keeps each child's name words in step with their names and current aliases.</summary>
internal sealed class ChildNameIndexProjector : IReadModelProjector
{
    private const int BatchSize = 1_000;

    public async Task ProjectAsync(BeaconDbContext db, IReadOnlyList<EntityEntry> changes, DateTime nowUtc, CancellationToken ct)
    {
        var childIds = changes.Changed<Child>().Select(c => c.Id).Concat(changes.Changed<ChildAlias>().Select(a => a.ChildId)).ToHashSet();
        if (childIds.Count > 0) await ReplaceAsync(db, childIds, ct);
    }

    private static async Task ReplaceAsync(BeaconDbContext db, IReadOnlyCollection<Guid> childIds, CancellationToken ct)
    {
        var ids = childIds.ToList();
        // Children and aliases this save writes (some not in the database yet) win over what the database holds.
        var tracked = db.ChangeTracker.BeingSaved<Child>().Where(c => childIds.Contains(c.Id)).ToDictionary(c => c.Id, c => (c.FirstName, c.LastName));
        var missing = ids.Where(id => !tracked.ContainsKey(id)).ToList();
        var names = missing.Count == 0 ? tracked : (await db.Children.AsNoTracking().Where(c => missing.Contains(c.Id))
            .Select(c => new { c.Id, c.FirstName, c.LastName }).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => (c.FirstName, c.LastName)).Concat(tracked).ToDictionary();
        var trackedAliases = db.ChangeTracker.BeingSaved<ChildAlias>().Where(a => childIds.Contains(a.ChildId)).ToList();
        var trackedAliasIds = trackedAliases.Select(a => a.Id).ToHashSet();
        var aliases = (await db.ChildAliases.AsNoTracking().Where(a => ids.Contains(a.ChildId)).ToListAsync(ct))
            .Where(a => !trackedAliasIds.Contains(a.Id))
            .Concat(trackedAliases)
            .Where(a => a.WithdrawnAtUtc == null)
            .ToLookup(a => a.ChildId, a => a.Name);

        var wanted = names.SelectMany(n => new[] { n.Value.FirstName, n.Value.LastName }.Concat(aliases[n.Key])
            .SelectMany(ChildNameToken.Words).Distinct().Select(word => new ChildNameToken { ChildId = n.Key, Token = word })).ToList();
        var existing = await db.Set<ChildNameToken>().Where(t => ids.Contains(t.ChildId)).ToListAsync(ct);
        ReadModels.Replace(db, existing, wanted, t => (t.ChildId, t.Token));
    }

    public async Task<bool> NeedsRebuildAsync(BeaconDbContext db, CancellationToken ct) =>
        !await db.Set<ChildNameToken>().AnyAsync(ct) && await db.Children.AnyAsync(ct);

    public Task RebuildAsync(IServiceScopeFactory scopes, DateTime nowUtc, CancellationToken ct) =>
        ReadModels.InBatchesAsync(scopes, db => db.Children.OrderBy(c => c.Id).Select(c => c.Id), BatchSize, (db, ids) => ReplaceAsync(db, ids, ct), ct);
}

/// <summary>
/// A child's sort key is kept by the child itself as the names change (<see cref="Child.SortName"/>); this fills it in
/// for children recorded before it existed, and works it out again on `readmodels rebuild`. Written straight to the
/// column: it follows from the names, so it is not a change to the record to audit.
/// </summary>
internal sealed class ChildSortNameProjector : IReadModelProjector
{
    private const int BatchSize = 1_000;

    public Task ProjectAsync(BeaconDbContext db, IReadOnlyList<EntityEntry> changes, DateTime nowUtc, CancellationToken ct) => Task.CompletedTask;

    public Task<bool> NeedsRebuildAsync(BeaconDbContext db, CancellationToken ct) => db.Children.AnyAsync(c => c.SortName == "", ct);

    public Task RebuildAsync(IServiceScopeFactory scopes, DateTime nowUtc, CancellationToken ct) =>
        ReadModels.InBatchesAsync(scopes, db => db.Children.OrderBy(c => c.Id).Select(c => c.Id), BatchSize, async (db, ids) =>
        {
            var names = await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.FirstName, c.LastName, c.SortName }).ToListAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var child in names)
            {
                var key = NameFolding.SortKey(child.LastName, child.FirstName);
                if (key == child.SortName) continue;
                await db.Children.Where(c => c.Id == child.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.SortName, key), ct);
                // The risk position keeps a copy for its lists' order; a write past the change tracker does not reach its projector.
                await db.Set<RiskAssessment.ChildRiskPosition>().Where(p => p.ChildId == child.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.SortName, key), ct);
            }
            await transaction.CommitAsync(ct);
        }, ct);
}
