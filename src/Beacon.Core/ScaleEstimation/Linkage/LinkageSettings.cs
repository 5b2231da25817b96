namespace Beacon.Core.ScaleEstimation.Linkage;

/// <summary>One record to link: its values (normalised, null when missing) and the list it came from.</summary>
public sealed record LinkageRecord(int Source, string?[] Values);

/// <summary>
/// Records are only compared with records sharing a blocking key (null: this rule does not block the record). A pair
/// several rules would find is compared once, under the first rule that finds it.
/// </summary>
public sealed record BlockingRule(string Name, Func<string?[], string?> Key);

/// <summary>How the lists are linked: which fields are compared how, the blocking rules and the thresholds.</summary>
public sealed record LinkageSettings(IReadOnlyList<Comparison> Comparisons, IReadOnlyList<BlockingRule> BlockingRules)
{
    /// <summary>Pairs at least this likely to be one person are linked without review.</summary>
    public double LinkProbability { get; init; } = 0.9;

    /// <summary>Pairs whose match weight is within this many bits of the link threshold go to an analyst.</summary>
    public double ReviewBandBits { get; init; } = 3;

    /// <summary>Random pairs sampled to estimate how often non-matching records agree by chance (the u probabilities).</summary>
    public int RandomPairs { get; init; } = 500_000;

    /// <summary>Blocks larger than this are skipped (and reported): one common key must not make every record meet every other.</summary>
    public int MaxBlockSize { get; init; } = 2_000;

    /// <summary>Only pairs from different lists are compared (linking two files rather than deduplicating).</summary>
    public bool LinkOnly { get; init; }

    public int ExpectationMaximisationRounds { get; init; } = 40;

    public int Seed { get; init; } = 2014;
}

/// <summary>An analyst's decision about a pair of records, kept and applied to every later run.</summary>
public sealed record PairDecision(int Left, int Right, bool SamePerson);
