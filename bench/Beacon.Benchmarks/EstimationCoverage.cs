using System.Diagnostics;
using Beacon.Core.ScaleEstimation.Estimation;

/// <summary>
/// `dotnet run -c Release --project bench/Beacon.Benchmarks -- estimate-coverage [RUNS]`: simulated populations of
/// known size, estimated with the full method (stepwise, BCa with 1,000 resamples): how often the 95% interval holds
/// the truth when the model's assumptions hold (lists independent), and when they do not (two lists that refer to
/// each other, and people some lists can hardly see).
/// </summary>
public static class EstimationCoverage
{
    public static int Run(TextWriter output, int runs)
    {
        output.WriteLine("| scenario | true size | runs | interval held the truth | mean estimate | took |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        var options = new EstimationOptions { BootstrapSamples = 1000 };
        foreach (var (name, size, lists) in new (string, int, double[])[]
                 {
                     ("3 independent lists", 1_000, [0.3, 0.25, 0.2]),
                     ("5 independent lists", 2_000, [0.2, 0.15, 0.25, 0.1, 0.12]),
                 })
        {
            var clock = Stopwatch.StartNew();
            var c = CoverageSimulation.Run(size, lists, runs, options, seed: 2014);
            output.WriteLine($"| {name} | {size:N0} | {c.Runs} | **{c.Covered} of {c.Runs}** ({c.Share:P0}) | {c.MeanEstimate:N0} | {clock.Elapsed.TotalSeconds:F0} s |");
        }
        foreach (var (name, size, simulate) in new (string, int, Func<Random, int>)[]
                 {
                     // Lists 1 and 2 refer children to each other: on list 2, a child is far more likely to be on list 1.
                     ("lists 1 and 2 dependent (positive)", 1_000, r => { var a = r.NextDouble() < 0.3; var b = r.NextDouble() < (a ? 0.6 : 0.15); var c3 = r.NextDouble() < 0.2; return (a ? 1 : 0) | (b ? 2 : 0) | (c3 ? 4 : 0); }),
                     // Half the children are much harder for every list to see (heterogeneity).
                     ("half the children hard to see", 1_000, r => { var hard = r.NextDouble() < 0.5; var p = hard ? 0.08 : 0.4; return (r.NextDouble() < p ? 1 : 0) | (r.NextDouble() < p ? 2 : 0) | (r.NextDouble() < p ? 4 : 0); }),
                 })
        {
            var clock = Stopwatch.StartNew();
            var random = new Random(7);
            int covered = 0, done = 0;
            double sum = 0;
            for (var run = 0; run < runs; run++)
            {
                var counts = new long[8];
                for (var person = 0; person < size; person++) counts[simulate(random)]++;
                counts[0] = 0;
                var outcome = MultipleSystemsEstimation.Estimate(new CaptureHistories(["A", "B", "C"], counts), options with { Seed = run });
                if (outcome.Estimate is not { } e) continue;
                done++;
                sum += e.Estimate;
                if (e.Lower <= size && size <= e.Upper) covered++;
            }
            output.WriteLine($"| {name} | {size:N0} | {done} | **{covered} of {done}** | {sum / Math.Max(1, done):N0} | {clock.Elapsed.TotalSeconds:F0} s |");
        }
        return 0;
    }
}
