using System.Collections.Concurrent;
using System.Diagnostics;

namespace Beacon.Core.ScaleEstimation.Linkage;

/// <summary>A compared pair of records: who, the comparison levels (packed) and how likely they are one person.</summary>
public readonly record struct ScoredPair(int Left, int Right, int Pattern, double Weight)
{
    public double Probability => 1 / (1 + Math.Pow(2, -Weight));
}

/// <summary>
/// Fellegi–Sunter record linkage as Splink does it: u probabilities from random pairs, m probabilities by expectation
/// maximisation on the blocked pairs (estimated for each blocking rule over the fields that rule does not block on),
/// term-frequency adjustment of exact matches on common values, then links above a threshold clustered into people.
/// </summary>
public sealed class Linker
{
    private readonly LinkageSettings _settings;
    private readonly IReadOnlyList<Comparison> _comparisons;
    private readonly int[] _strides;

    public Linker(LinkageSettings settings)
    {
        _settings = settings;
        _comparisons = settings.Comparisons;
        _strides = new int[_comparisons.Count];
        var stride = 1;
        for (var k = 0; k < _comparisons.Count; k++)
        {
            _strides[k] = stride;
            stride = checked(stride * (_comparisons[k].LevelCount + 1));
        }
    }

    public int Level(int pattern, int comparison) => pattern / _strides[comparison] % (_comparisons[comparison].LevelCount + 1);

    public LinkageResult Run(IReadOnlyList<LinkageRecord> records, IReadOnlyCollection<PairDecision>? decisions = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        decisions ??= [];
        var frequencies = TermFrequencies(records);
        var u = EstimateU(records);
        var candidates = CandidatePairs(records, out var skippedBlocks, ct);
        var compared = clock.Elapsed;
        var m = EstimateM(candidates, u);
        var prior = EstimatePrior(candidates, m, u, PossiblePairs(records));
        var model = new LinkageModel(_comparisons, m, u, prior, frequencies, records.Count, this);

        var linkWeight = Math.Log2(_settings.LinkProbability / (1 - _settings.LinkProbability));
        var reviewFrom = linkWeight - _settings.ReviewBandBits;
        var kept = new List<ScoredPair>();
        foreach (var chunk in candidates)
            foreach (var (left, right, pattern, _) in chunk)
            {
                var weight = model.Weight(records[left], records[right], pattern);
                if (weight >= reviewFrom) kept.Add(new ScoredPair(left, right, pattern, weight));
            }

        var rulings = new Dictionary<(int, int), bool>();
        foreach (var d in decisions) rulings[Key(d.Left, d.Right)] = d.SamePerson;
        var people = new UnionFind(records.Count);
        foreach (var pair in kept)
            if (rulings.TryGetValue(Key(pair.Left, pair.Right), out var same) ? same : pair.Weight >= linkWeight)
                people.Union(pair.Left, pair.Right);
        foreach (var d in decisions.Where(d => d.SamePerson)) people.Union(d.Left, d.Right);

        var borderline = kept
            .Where(p => Math.Abs(p.Weight - linkWeight) <= _settings.ReviewBandBits && !rulings.ContainsKey(Key(p.Left, p.Right)))
            .OrderBy(p => Math.Abs(p.Weight - linkWeight)).ToList();
        var totalCompared = candidates.Sum(c => (long)c.Count);
        return new LinkageResult(model, kept, borderline, people.Roots(), totalCompared, skippedBlocks, linkWeight, compared, clock.Elapsed);
    }

    private static (int, int) Key(int a, int b) => a < b ? (a, b) : (b, a);

    private Dictionary<string, int>[] TermFrequencies(IReadOnlyList<LinkageRecord> records)
    {
        var result = new Dictionary<string, int>[_comparisons.Count];
        for (var k = 0; k < _comparisons.Count; k++)
        {
            result[k] = new Dictionary<string, int>(StringComparer.Ordinal);
            if (!_comparisons[k].TermFrequency) continue;
            var field = _comparisons[k].Field;
            foreach (var r in records)
                if (r.Values[field] is { } v) result[k][v] = result[k].GetValueOrDefault(v) + 1;
        }
        return result;
    }

    /// <summary>How often each level is reached by pairs drawn at random, nearly all of which are different people.</summary>
    private double[][] EstimateU(IReadOnlyList<LinkageRecord> records)
    {
        var counts = _comparisons.Select(c => new long[c.LevelCount + 1]).ToArray();
        var n = records.Count;
        var possible = (long)n * (n - 1) / 2;
        var samples = (int)Math.Min(_settings.RandomPairs, Math.Max(possible, 1));
        var random = new Random(_settings.Seed);
        var drawn = 0;
        for (var attempt = 0; drawn < samples && attempt < samples * 20L && n > 1; attempt++)
        {
            var a = random.Next(n);
            var b = random.Next(n);
            if (a == b || (_settings.LinkOnly && records[a].Source == records[b].Source)) continue;
            drawn++;
            for (var k = 0; k < _comparisons.Count; k++)
            {
                var field = _comparisons[k].Field;
                counts[k][_comparisons[k].Compare(records[a].Values[field], records[b].Values[field])]++;
            }
        }
        return counts.Select(Smoothed).ToArray();
    }

    // A level never seen among random pairs still happens by chance sometimes: half a pair's worth keeps its weight finite.
    private static double[] Smoothed(long[] counts)
    {
        var present = counts.Skip(1).Sum() + 0.5 * (counts.Length - 1);
        return counts.Select((c, level) => level == 0 ? 1 : (c + 0.5) / present).ToArray();
    }

    // Rules: every blocking rule that would find this pair (bit r for rule r), so each rule's EM sees all its pairs.
    private readonly record struct Candidate(int Left, int Right, int Pattern, int Rules);

    private List<List<Candidate>> CandidatePairs(IReadOnlyList<LinkageRecord> records, out int skippedBlocks, CancellationToken ct)
    {
        var n = records.Count;
        var rules = _settings.BlockingRules;
        var keys = new long[rules.Count][];
        for (var r = 0; r < rules.Count; r++)
        {
            var ruleKeys = keys[r] = new long[n];
            var rule = rules[r];
            Parallel.For(0, n, i => ruleKeys[i] = rule.Key(records[i].Values) is { Length: > 0 } key ? Hash(key) : 0);
        }

        var chunks = new ConcurrentBag<List<Candidate>>();
        var skipped = 0;
        for (var r = 0; r < rules.Count; r++)
        {
            var sortedKeys = (long[])keys[r].Clone();
            var order = Enumerable.Range(0, n).ToArray();
            Array.Sort(sortedKeys, order);
            var blocks = new List<(int Start, int Length)>();
            for (var start = 0; start < n;)
            {
                var end = start + 1;
                while (end < n && sortedKeys[end] == sortedKeys[start]) end++;
                if (sortedKeys[start] != 0 && end - start > 1)
                {
                    if (end - start > _settings.MaxBlockSize) skipped++;
                    else blocks.Add((start, end - start));
                }
                start = end;
            }
            if (blocks.Count == 0) continue;
            var rule = r;
            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, blocks.Count, Math.Max(1, blocks.Count / 64)),
                new ParallelOptions { CancellationToken = ct },
                range =>
                {
                    var found = new List<Candidate>();
                    for (var b = range.Item1; b < range.Item2; b++)
                    {
                        var (start, length) = blocks[b];
                        for (var i = start; i < start + length; i++)
                            for (var j = i + 1; j < start + length; j++)
                            {
                                var left = Math.Min(order[i], order[j]);
                                var right = Math.Max(order[i], order[j]);
                                if (_settings.LinkOnly && records[left].Source == records[right].Source) continue;
                                if (FoundEarlier(keys, rule, left, right)) continue;
                                found.Add(new Candidate(left, right, Pattern(records[left], records[right]), RulesFinding(keys, left, right)));
                            }
                    }
                    chunks.Add(found);
                });
        }
        skippedBlocks = skipped;
        return chunks.ToList();
    }

    private static int RulesFinding(long[][] keys, int left, int right)
    {
        var rules = 0;
        for (var r = 0; r < keys.Length; r++)
            if (keys[r][left] != 0 && keys[r][left] == keys[r][right]) rules |= 1 << r;
        return rules;
    }

    private static bool FoundEarlier(long[][] keys, int rule, int left, int right)
    {
        for (var earlier = 0; earlier < rule; earlier++)
            if (keys[earlier][left] != 0 && keys[earlier][left] == keys[earlier][right]) return true;
        return false;
    }

    public int Pattern(LinkageRecord left, LinkageRecord right)
    {
        var pattern = 0;
        for (var k = 0; k < _comparisons.Count; k++)
        {
            var field = _comparisons[k].Field;
            pattern += _strides[k] * _comparisons[k].Compare(left.Values[field], right.Values[field]);
        }
        return pattern;
    }

    /// <summary>
    /// m for each comparison, by EM on each blocking rule's pairs over the comparisons that rule does not block on (pairs
    /// that share a blocking key agree on it whether or not they are one person, so they say nothing about its m).
    /// </summary>
    private double[][] EstimateM(List<List<Candidate>> candidates, double[][] u)
    {
        var rules = _settings.BlockingRules;
        var sums = _comparisons.Select(c => new double[c.LevelCount + 1]).ToArray();
        var estimates = new int[_comparisons.Count];
        for (var r = 0; r < rules.Count; r++)
        {
            var patterns = new Dictionary<int, long>();
            foreach (var chunk in candidates)
                foreach (var c in chunk)
                    if ((c.Rules & (1 << r)) != 0) patterns[c.Pattern] = patterns.GetValueOrDefault(c.Pattern) + 1;
            if (patterns.Count == 0) continue;
            var active = FreeComparisons(rules[r]);
            var m = _comparisons.Select(c => InitialM(c.LevelCount)).ToArray();
            var lambda = 0.1;
            for (var round = 0; round < _settings.ExpectationMaximisationRounds; round++)
            {
                var accumulated = _comparisons.Select(c => new double[c.LevelCount + 1]).ToArray();
                double total = 0, matched = 0;
                foreach (var (pattern, count) in patterns)
                {
                    var posterior = Posterior(pattern, m, u, lambda, active);
                    total += count;
                    matched += count * posterior;
                    for (var k = 0; k < _comparisons.Count; k++)
                        if (active[k]) accumulated[k][Level(pattern, k)] += count * posterior;
                }
                lambda = Math.Clamp(matched / total, 1e-9, 1 - 1e-9);
                for (var k = 0; k < _comparisons.Count; k++)
                {
                    if (!active[k]) continue;
                    var present = accumulated[k].Skip(1).Sum();
                    if (present <= 0) continue;
                    for (var l = 1; l < m[k].Length; l++) m[k][l] = Math.Max(accumulated[k][l] / present, 1e-6);
                }
            }
            for (var k = 0; k < _comparisons.Count; k++)
            {
                if (!active[k]) continue;
                estimates[k]++;
                for (var l = 0; l < m[k].Length; l++) sums[k][l] += m[k][l];
            }
        }
        return sums.Select((s, k) => estimates[k] == 0 ? InitialM(_comparisons[k].LevelCount) : s.Select(v => v / estimates[k]).ToArray()).ToArray();
    }

    /// <summary>Which comparisons a rule leaves free: those whose field the rule's key does not depend on.</summary>
    private bool[] FreeComparisons(BlockingRule rule)
    {
        var width = _comparisons.Max(c => c.Field) + 1;
        // Long probe values, different in every position, so keys built from prefixes or sounds change too.
        var probe = Enumerable.Range(0, width).Select(i => (string?)$"a{i}bcdefghij").ToArray();
        var baseline = rule.Key(probe);
        return _comparisons.Select(c =>
        {
            var changed = (string?[])probe.Clone();
            changed[c.Field] = $"z{c.Field}yxwvutsrq";
            return rule.Key(changed) == baseline;
        }).ToArray();
    }

    private static double[] InitialM(int levels)
    {
        // Most true matches agree exactly; the rest spread over the weaker levels, least on "different".
        var m = new double[levels + 1];
        m[0] = 1;
        m[1] = 0.85;
        for (var l = 2; l < levels; l++) m[l] = 0.1 / Math.Max(1, levels - 2);
        m[levels] = levels == 2 ? 0.15 : 0.05;
        return m;
    }

    private double Posterior(int pattern, double[][] m, double[][] u, double lambda, bool[]? active)
    {
        double logRatio = Math.Log(lambda / (1 - lambda));
        for (var k = 0; k < _comparisons.Count; k++)
        {
            if (active is not null && !active[k]) continue;
            var level = Level(pattern, k);
            if (level == 0) continue;
            logRatio += Math.Log(m[k][level] / u[k][level]);
        }
        return 1 / (1 + Math.Exp(-logRatio));
    }

    /// <summary>
    /// The chance that two records drawn at random are one person: the expected number of matches among the compared
    /// pairs (those outside the blocks are taken as different people) over every pair there could be. It must be this,
    /// not the share among blocked pairs, because u describes random pairs.
    /// </summary>
    private double EstimatePrior(List<List<Candidate>> candidates, double[][] m, double[][] u, double possiblePairs)
    {
        var patterns = new Dictionary<int, long>();
        foreach (var chunk in candidates)
            foreach (var c in chunk)
                patterns[c.Pattern] = patterns.GetValueOrDefault(c.Pattern) + 1;
        if (patterns.Count == 0 || possiblePairs <= 0) return 1e-9;
        var lambda = Math.Clamp(patterns.Values.Sum() * 0.1 / possiblePairs, 1e-12, 0.5);
        for (var round = 0; round < _settings.ExpectationMaximisationRounds; round++)
            lambda = Math.Clamp(patterns.Sum(p => p.Value * Posterior(p.Key, m, u, lambda, null)) / possiblePairs, 1e-12, 0.5);
        return lambda;
    }

    private double PossiblePairs(IReadOnlyList<LinkageRecord> records)
    {
        if (!_settings.LinkOnly) return (double)records.Count * (records.Count - 1) / 2;
        var sizes = records.GroupBy(r => r.Source).Select(g => (double)g.Count()).ToArray();
        var all = sizes.Sum();
        return (all * all - sizes.Sum(s => s * s)) / 2;
    }

    private static long Hash(string key)
    {
        // FNV-1a, 64 bits: a collision only adds a pair to compare, never loses one.
        var hash = unchecked((long)14695981039346656037UL);
        foreach (var c in key) hash = unchecked((hash ^ c) * 1099511628211L);
        return hash == 0 ? 1 : hash;
    }

    private sealed class UnionFind
    {
        private readonly int[] _parent;
        public UnionFind(int n) => _parent = Enumerable.Range(0, n).ToArray();

        public int Find(int x)
        {
            while (_parent[x] != x) x = _parent[x] = _parent[_parent[x]];
            return x;
        }

        public void Union(int a, int b)
        {
            var ra = Find(a);
            var rb = Find(b);
            if (ra != rb) _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }

        public int[] Roots() => Enumerable.Range(0, _parent.Length).Select(Find).ToArray();
    }
}
