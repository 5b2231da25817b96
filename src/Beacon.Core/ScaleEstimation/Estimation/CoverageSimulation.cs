namespace Beacon.Core.ScaleEstimation.Estimation;

/// <summary>How often the interval held the truth over simulated populations.</summary>
public sealed record Coverage(int Runs, int Covered, int Refused, double MeanEstimate, int TrueSize)
{
    public double Share => Runs == 0 ? 0 : Covered / (double)Runs;
}

/// <summary>
/// Populations of known size seen by lists that each catch a person independently (the main-effects model's
/// assumption): does the 95% interval hold the true size about 95 times in 100?
/// </summary>
public static class CoverageSimulation
{
    public static Coverage Run(int trueSize, IReadOnlyList<double> captureProbabilities, int runs, EstimationOptions options, int seed = 1, CancellationToken ct = default)
    {
        var random = new Random(seed);
        var lists = captureProbabilities.Select((_, i) => $"List {i + 1}").ToArray();
        int covered = 0, refused = 0;
        double sum = 0;
        for (var run = 0; run < runs; run++)
        {
            var counts = new long[1 << lists.Length];
            for (var person = 0; person < trueSize; person++)
            {
                var history = 0;
                for (var l = 0; l < lists.Length; l++)
                    if (random.NextDouble() < captureProbabilities[l]) history |= 1 << l;
                if (history != 0) counts[history]++;
            }
            var outcome = MultipleSystemsEstimation.Estimate(new CaptureHistories(lists, counts), options with { Seed = options.Seed + run }, ct);
            if (outcome.Estimate is not { } estimate) { refused++; continue; }
            sum += estimate.Estimate;
            if (estimate.Lower <= trueSize && trueSize <= estimate.Upper) covered++;
        }
        return new Coverage(runs - refused, covered, refused, runs == refused ? 0 : sum / (runs - refused), trueSize);
    }
}
