namespace Beacon.Core.ScaleEstimation.Linkage;

/// <summary>One comparison's part in a pair's match weight, for the analyst's waterfall.</summary>
public sealed record WeightStep(string Comparison, string Level, double? M, double? U, double Bits, double TermFrequencyBits, double Running);

/// <summary>The estimated parameters: m and u for each comparison's levels, the prior, and the value frequencies.</summary>
public sealed class LinkageModel(
    IReadOnlyList<Comparison> comparisons,
    double[][] m,
    double[][] u,
    double prior,
    Dictionary<string, int>[] frequencies,
    int records,
    Linker linker)
{
    public IReadOnlyList<Comparison> Comparisons => comparisons;
    public double[][] M => m;
    public double[][] U => u;

    /// <summary>The chance that two records picked at random are one person.</summary>
    public double Prior => prior;

    public double PriorBits => Math.Log2(prior / (1 - prior));

    public double Weight(LinkageRecord left, LinkageRecord right, int pattern)
    {
        var weight = PriorBits;
        for (var k = 0; k < comparisons.Count; k++)
        {
            var level = linker.Level(pattern, k);
            if (level == 0) continue;
            weight += Math.Log2(m[k][level] / u[k][level]) + TermFrequencyBits(k, level, left, right);
        }
        return weight;
    }

    /// <summary>
    /// An exact match on a common value (Smith) says less than one on a rare value: u for that value is its own share of
    /// the records, not the average chance of agreeing.
    /// </summary>
    private double TermFrequencyBits(int k, int level, LinkageRecord left, LinkageRecord right)
    {
        if (level != 1 || !comparisons[k].TermFrequency) return 0;
        var value = left.Values[comparisons[k].Field];
        if (value is null || value.Contains('|') || !frequencies[k].TryGetValue(value, out var count)) return 0;
        var share = Math.Max(count, 1) / (double)records;
        return Math.Log2(u[k][1] / share);
    }

    /// <summary>The waterfall: the prior, then each comparison's contribution, adding up to the pair's weight.</summary>
    public IReadOnlyList<WeightStep> Explain(LinkageRecord left, LinkageRecord right)
    {
        var pattern = linker.Pattern(left, right);
        var running = PriorBits;
        var steps = new List<WeightStep> { new("Starting point (chance two records picked at random are one person)", $"{prior:P2}", null, null, PriorBits, 0, running) };
        for (var k = 0; k < comparisons.Count; k++)
        {
            var level = linker.Level(pattern, k);
            if (level == 0)
            {
                steps.Add(new WeightStep(comparisons[k].Name, comparisons[k].LevelLabel(0), null, null, 0, 0, running));
                continue;
            }
            var bits = Math.Log2(m[k][level] / u[k][level]);
            var tf = TermFrequencyBits(k, level, left, right);
            running += bits + tf;
            steps.Add(new WeightStep(comparisons[k].Name, comparisons[k].LevelLabel(level), m[k][level], u[k][level], bits, tf, running));
        }
        return steps;
    }
}

/// <summary>What a linkage run found.</summary>
public sealed record LinkageResult(
    LinkageModel Model,
    IReadOnlyList<ScoredPair> Pairs,
    IReadOnlyList<ScoredPair> Borderline,
    int[] PersonOf,
    long Compared,
    int SkippedBlocks,
    double LinkWeight,
    TimeSpan ComparingTook,
    TimeSpan Took)
{
    public int People => PersonOf.Distinct().Count();

    /// <summary>Pairs of records placed in the same person (every pair within each cluster).</summary>
    public IEnumerable<(int Left, int Right)> SamePersonPairs()
    {
        foreach (var group in Enumerable.Range(0, PersonOf.Length).GroupBy(i => PersonOf[i]).Where(g => g.Count() > 1))
        {
            var members = group.ToArray();
            for (var i = 0; i < members.Length; i++)
                for (var j = i + 1; j < members.Length; j++)
                    yield return (members[i], members[j]);
        }
    }
}
