using System.Globalization;
using System.Text;
using System.Text.Json;
using Beacon.Core.Access;
using Beacon.Core.Children;
using Beacon.Core.Common;
using Beacon.Core.ScaleEstimation;
using Beacon.Core.ScaleEstimation.Estimation;
using Beacon.Core.ScaleEstimation.Linkage;
using Beacon.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Beacon.Web.Features.ScaleEstimation;

/// <summary>A list that can go into an estimate: one of Beacon's own (children referred by one kind of agency) or an imported one.</summary>
public sealed record ListSource(string Key, string Name, string Description, DateOnly? CoversFrom = null, DateOnly? CoversTo = null);

/// <summary>A list as a run used it.</summary>
public sealed record RunSource(string Key, string Name, int Records);

/// <summary>One side of a borderline pair, as the analyst sees it.</summary>
public sealed record PairSide(string Key, Guid? ChildId, string Name, string? DateOfBirth, string? Sex, string? Postcode, string? NhsNumber, IReadOnlyList<string> Lists);

/// <summary>A pair near the threshold, with the waterfall that explains its weight.</summary>
public sealed record BorderlinePair(PairSide Left, PairSide Right, double Weight, double Probability, bool LinkedUnlessRejected, IReadOnlyList<WeightStep> Steps);

/// <summary>
/// Links the chosen lists over a period and estimates the true scale from their overlaps; every run is kept with its
/// inputs, settings and result. The linkage itself runs in memory over the period's lists (thousands of records), as
/// record linkage must; the records are read with one projected query per kind of list.
/// </summary>
public sealed class ScaleEstimations(BeaconDbContext db, TimeProvider clock)
{
    public const int BorderlineShown = 100;
    public const int BootstrapSamples = 1000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(Now);

    private static readonly Agency[] BeaconAgencies = Enum.GetValues<Agency>().Where(a => a != Agency.SafeguardingBoard).ToArray();

    public async Task<IReadOnlyList<ListSource>> SourcesAsync(Actor actor, CancellationToken ct)
    {
        var sources = BeaconAgencies.Select(a => new ListSource($"beacon:{a}", $"Referred by {EnumDisplay.Name(a)} (Beacon)",
            $"Children of your areas referred to Beacon by {EnumDisplay.Name(a)} in the period")).ToList();
        var imported = await db.Set<ImportedList>().AsNoTracking().Where(l => l.OrganisationId == actor.OrganisationId)
            .OrderByDescending(l => l.ImportedAtUtc).Take(200)
            .Select(l => new { l.Id, l.Name, l.HeldBy, l.CoversFrom, l.CoversTo, l.Entries }).ToListAsync(ct);
        sources.AddRange(imported.Select(l => new ListSource($"list:{l.Id}", $"{l.Name} ({l.HeldBy})",
            $"Imported: {l.Entries:N0} {(l.Entries == 1 ? "child" : "children")}, {l.CoversFrom:d MMM yyyy} to {l.CoversTo:d MMM yyyy}", l.CoversFrom, l.CoversTo)));
        return sources;
    }

    private sealed record Linked(List<string> Keys, List<int> Masks, List<ListedPerson> People, List<Guid?> ChildIds, List<LinkageRecord> Records, LinkageResult Result, int Decisions);

    /// <summary>Reads each chosen list's records over the period (one record per child or entry, knowing which lists hold it) and links them.</summary>
    private async Task<Linked> LinkAsync(Actor actor, IReadOnlyList<ListSource> chosen, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var keys = new List<string>();
        var masks = new List<int>();
        var people = new List<ListedPerson>();
        var childIds = new List<Guid?>();
        var index = new Dictionary<string, int>();
        void Add(string key, int bit, ListedPerson person, Guid? childId)
        {
            if (index.TryGetValue(key, out var at)) { masks[at] |= bit; return; }
            index[key] = keys.Count;
            keys.Add(key);
            masks.Add(bit);
            people.Add(person);
            childIds.Add(childId);
        }

        var agencies = chosen.Select((s, i) => (s, i)).Where(x => x.s.Key.StartsWith("beacon:"))
            .ToDictionary(x => Enum.Parse<Agency>(x.s.Key["beacon:".Length..]), x => 1 << x.i);
        if (agencies.Count > 0)
        {
            var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var kinds = agencies.Keys.ToArray();
            var areas = actor.AreaIds.ToArray();
            var referredQuery = from r in db.Referrals.AsNoTracking()
                                join c in db.Children.AsNoTracking() on r.ChildId equals c.Id
                                where r.ReceivedAtUtc >= fromUtc && r.ReceivedAtUtc < toUtc && kinds.Contains(r.ReferrerAgency) && areas.Contains(c.ResponsibleAreaId)
                                select new { c.Id, c.FirstName, c.LastName, c.DateOfBirth, c.Gender, r.ReferrerAgency };
            var referred = await referredQuery.Distinct().ToListAsync(ct);
            // Aliases and the current postcode help the linkage; read for the same children in the database, not by sending their ids.
            var ids = referredQuery.Select(r => r.Id);
            var aliases = (await db.ChildAliases.AsNoTracking().Where(a => a.WithdrawnAtUtc == null && ids.Contains(a.ChildId))
                .Select(a => new { a.ChildId, a.Name }).ToListAsync(ct)).ToLookup(a => a.ChildId, a => a.Name);
            var postcodes = (await db.ChildAddresses.AsNoTracking().Where(a => a.To == null && ids.Contains(a.ChildId))
                .OrderBy(a => a.From).Select(a => new { a.ChildId, a.Postcode }).ToListAsync(ct)).GroupBy(a => a.ChildId).ToDictionary(g => g.Key, g => g.Last().Postcode);
            foreach (var r in referred)
                Add($"child:{r.Id}", agencies[r.ReferrerAgency],
                    new ListedPerson(r.FirstName, r.LastName, aliases[r.Id].Distinct().ToList(), r.DateOfBirth,
                        r.Gender switch { Gender.Female => "F", Gender.Male => "M", _ => null }, postcodes.GetValueOrDefault(r.Id), null), r.Id);
        }
        foreach (var (source, i) in chosen.Select((s, i) => (s, i)).Where(x => x.s.Key.StartsWith("list:")))
        {
            var listId = Guid.Parse(source.Key["list:".Length..]);
            var entries = await db.Set<ImportedListEntry>().AsNoTracking().Where(e => e.ImportedListId == listId).ToListAsync(ct);
            foreach (var e in entries) Add($"entry:{e.Id}", 1 << i, e.AsListed(), null);
        }

        // Every ruling made so far, the latest on each pair counting (a few hundred at most: analysts make them by hand).
        // Only the analyst's own organisation's rulings: another organisation's analysts cannot change this linkage.
        var rulings = await (from d in db.Set<LinkDecision>().AsNoTracking()
                             join r in db.Set<EstimationRun>() on d.RunId equals r.Id
                             where r.OrganisationId == actor.OrganisationId
                             orderby d.DecidedAtUtc
                             select new { d.LeftKey, d.RightKey, d.SamePerson }).ToListAsync(ct);
        var decisions = new Dictionary<(int, int), PairDecision>();
        foreach (var d in rulings)
            if (index.TryGetValue(d.LeftKey, out var a) && index.TryGetValue(d.RightKey, out var b))
                decisions[(Math.Min(a, b), Math.Max(a, b))] = new PairDecision(a, b, d.SamePerson);

        var records = people.Select(p => new LinkageRecord(0, PersonLinkage.Normalise(p))).ToList();
        var result = await Task.Run(() => new Linker(PersonLinkage.Settings).Run(records, decisions.Values, ct), ct);
        return new Linked(keys, masks, people, childIds, records, result, decisions.Count);
    }

    /// <summary>Links the chosen lists and keeps the run, with the pairs an analyst should look at.</summary>
    public async Task<EstimationRun> StartAsync(Actor actor, IReadOnlyList<string> sourceKeys, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var available = await SourcesAsync(actor, ct);
        var chosen = available.Where(s => sourceKeys.Contains(s.Key)).ToList();
        EstimationRun.CheckRequest(Now, from, to, chosen.Count);
        // An imported list holds no dates of its own: it counts only for a period it covers.
        var outside = chosen.FirstOrDefault(s => s.CoversFrom > to || s.CoversTo < from);
        if (outside is not null)
            throw new DomainRuleViolation($"{outside.Name} covers {outside.CoversFrom:d MMMM yyyy} to {outside.CoversTo:d MMMM yyyy}, outside the period you chose. Choose a period it covers, or leave it out.", "Sources");
        var linked = await LinkAsync(actor, chosen, from!.Value, to!.Value, ct);
        var sources = chosen.Select((s, i) => new RunSource(s.Key, s.Name, linked.Masks.Count(m => (m & (1 << i)) != 0))).ToList();
        var empty = sources.FirstOrDefault(s => s.Records == 0);
        if (empty is not null) throw new DomainRuleViolation($"{empty.Name} has nobody on it in this period. Choose another period or leave it out.", "Sources");
        var settings = PersonLinkage.Settings;
        var borderline = linked.Result.Borderline.Take(BorderlineShown).Select(p => new BorderlinePair(
            Side(linked, p.Left, sources), Side(linked, p.Right, sources), p.Weight, p.Probability, p.Weight >= linked.Result.LinkWeight,
            linked.Result.Model.Explain(linked.Records[p.Left], linked.Records[p.Right]))).ToList();
        var run = EstimationRun.Link(actor.OrganisationId, actor.UserId, Now, from, to, chosen.Count, JsonSerializer.Serialize(sources, Json),
            settings.LinkProbability, ModelSelection.DefaultThreshold, BootstrapSamples, 1234, linked.Keys.Count, linked.Result.People, linked.Result.Compared,
            JsonSerializer.Serialize(borderline, Json));
        db.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    private static PairSide Side(Linked linked, int i, IReadOnlyList<RunSource> sources)
    {
        var p = linked.People[i];
        var name = string.Join(' ', new[] { p.GivenName, p.Surname }.Where(n => !string.IsNullOrWhiteSpace(n)));
        if (p.Aliases.Count > 0) name += $" (also {string.Join(", ", p.Aliases)})";
        return new PairSide(linked.Keys[i], linked.ChildIds[i], name, p.DateOfBirth?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), p.Sex, p.Postcode,
            p.NhsNumber, sources.Where((_, s) => (linked.Masks[i] & (1 << s)) != 0).Select(s => s.Name).ToList());
    }

    public static IReadOnlyList<RunSource> Sources(EstimationRun run) => Sources(run.SourcesJson);

    public static IReadOnlyList<RunSource> Sources(string sourcesJson) => JsonSerializer.Deserialize<List<RunSource>>(sourcesJson, Json) ?? [];

    public static IReadOnlyList<BorderlinePair> Borderline(EstimationRun run) => JsonSerializer.Deserialize<List<BorderlinePair>>(run.BorderlineJson, Json) ?? [];

    public static ScaleEstimate? Result(EstimationRun run) => run.ResultJson is null ? null : JsonSerializer.Deserialize<ScaleEstimate>(run.ResultJson, Json);

    /// <summary>Re-links with every ruling so far, counts each person's lists, and estimates; the run keeps the table and result.</summary>
    public async Task EstimateAsync(Actor actor, EstimationRun run, CancellationToken ct)
    {
        if (run.IsEstimated) throw new DomainRuleViolation("This run has been estimated already. Start a new run to estimate again.");
        var sources = Sources(run);
        var available = await SourcesAsync(actor, ct);
        var chosen = sources.Select(s => available.FirstOrDefault(a => a.Key == s.Key) ?? new ListSource(s.Key, s.Name, "")).ToList();
        var linked = await LinkAsync(actor, chosen, run.PeriodFrom, run.PeriodTo, ct);
        var histories = new Dictionary<int, int>();
        for (var i = 0; i < linked.Keys.Count; i++)
        {
            var person = linked.Result.PersonOf[i];
            histories[person] = histories.GetValueOrDefault(person) | linked.Masks[i];
        }
        var table = CaptureHistories.FromPeople(sources.Select(s => s.Name).ToArray(), histories.Values);
        var outcome = MultipleSystemsEstimation.Estimate(table, new EstimationOptions { Threshold = run.Threshold, BootstrapSamples = run.BootstrapSamples, Seed = run.Seed }, ct);
        var e = outcome.Estimate;
        run.RecordEstimate(actor.UserId, Now, linked.Decisions, histories.Count, TableText(table), table.Observed, e?.Estimate, e?.Lower, e?.Upper,
            e is null ? null : JsonSerializer.Serialize(e, Json), outcome.Refusal);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>SparseMSE's layout, which `estimate FILE` reads: so anyone can repeat the estimate from the run.</summary>
    public static string TableText(CaptureHistories table)
    {
        var text = new StringBuilder();
        // A name is quoted, and one a spreadsheet would run as a formula is disarmed with a leading apostrophe.
        text.AppendLine(string.Join(',', table.Lists.Select(l => "\"" + (ImportedList.StartsLikeFormula(l) ? "'" : "") + l.Replace("\"", "\"\"") + "\"").Append("count")));
        for (var mask = 1; mask < table.Counts.Length; mask++)
        {
            if (table.Counts[mask] == 0) continue;
            text.AppendLine(string.Join(',', Enumerable.Range(0, table.ListCount).Select(i => ((mask >> i) & 1).ToString(CultureInfo.InvariantCulture))
                .Append(table.Counts[mask].ToString(CultureInfo.InvariantCulture))));
        }
        return text.ToString();
    }

    public async Task RecordDecisionAsync(Actor actor, EstimationRun run, string leftKey, string rightKey, bool samePerson, string? reason, CancellationToken ct)
    {
        if (run.IsEstimated) throw new DomainRuleViolation("This run has been estimated: review pairs in a new run, which will use your rulings.");
        if (!Borderline(run).Any(p => (p.Left.Key == leftKey && p.Right.Key == rightKey) || (p.Left.Key == rightKey && p.Right.Key == leftKey)))
            throw new DomainRuleViolation("That pair is not one of this run's pairs to review.");
        db.Add(LinkDecision.Record(leftKey, rightKey, samePerson, reason, run.Id, actor.UserId, Now));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The latest ruling on each of the run's borderline pairs.</summary>
    public async Task<Dictionary<(string, string), bool>> RulingsAsync(EstimationRun run, CancellationToken ct)
    {
        var pairs = Borderline(run);
        var keys = pairs.SelectMany(p => new[] { p.Left.Key, p.Right.Key }).Distinct().ToArray();
        // At most 200 keys: the run keeps at most 100 pairs.
        var rulings = await (from d in db.Set<LinkDecision>().AsNoTracking()
                             join r in db.Set<EstimationRun>() on d.RunId equals r.Id
                             where r.OrganisationId == run.OrganisationId && keys.Contains(d.LeftKey) && keys.Contains(d.RightKey)
                             orderby d.DecidedAtUtc
                             select new { d.LeftKey, d.RightKey, d.SamePerson }).ToListAsync(ct);
        var result = new Dictionary<(string, string), bool>();
        foreach (var r in rulings) result[(r.LeftKey, r.RightKey)] = r.SamePerson;
        return result;
    }

    public static (string, string) PairKey(BorderlinePair p) =>
        string.CompareOrdinal(p.Left.Key, p.Right.Key) < 0 ? (p.Left.Key, p.Right.Key) : (p.Right.Key, p.Left.Key);

    /// <summary>The runs a person may see: analysts their organisation's, the board every one (results only).</summary>
    public IQueryable<EstimationRun> Visible(Actor actor) =>
        ScaleEstimationAccess.MayLink(actor)
            ? db.Set<EstimationRun>().Where(r => r.OrganisationId == actor.OrganisationId)
            : ScaleEstimationAccess.SeesResults(actor) ? db.Set<EstimationRun>() : db.Set<EstimationRun>().Where(_ => false);
}
