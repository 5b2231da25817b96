using MathNet.Numerics.Distributions;

namespace Beacon.Core.ScaleEstimation.Estimation;

public sealed record EstimationOptions
{
    /// <summary>An interaction joins the model while its p-value is below this (SparseMSE's default 0.02).</summary>
    public double Threshold { get; init; } = ModelSelection.DefaultThreshold;

    /// <summary>Resamples for the BCa interval; 0 for the analytic interval alone.</summary>
    public int BootstrapSamples { get; init; } = 1000;

    public int Seed { get; init; } = 1234;
}

/// <summary>One plausible model's estimate, for the sensitivity table.</summary>
public sealed record SensitivityRow(string Model, string Terms, double Estimate, double Lower, double Upper, double Aic, double Bic, bool Chosen);

/// <summary>The estimate of how many people there are, seen and unseen, and how far to trust it.</summary>
public sealed record ScaleEstimate(
    IReadOnlyList<string> Lists,
    IReadOnlyList<string> DroppedLists,
    long Observed,
    double Estimate,
    double Lower,
    double Upper,
    double AnalyticLower,
    double AnalyticUpper,
    string IntervalMethod,
    IReadOnlyList<string> Model,
    IReadOnlyList<string> InfiniteTerms,
    IReadOnlyList<SensitivityRow> Sensitivity,
    IReadOnlyList<string> Warnings,
    int BootstrapSamples,
    int BootstrapFailures);

/// <summary>An estimate, or why there cannot be one, in words a person can act on.</summary>
public sealed record EstimationOutcome(ScaleEstimate? Estimate, string? Refusal);

/// <summary>
/// Multiple systems estimation as SparseMSE does it: drop lists that carry no information, choose the model stepwise,
/// estimate the unseen as exp(intercept), and give a BCa bootstrap interval (the stepwise choice re-made on each
/// multinomial resample, acceleration from the grouped jackknife) beside the analytic one.
/// </summary>
public static class MultipleSystemsEstimation
{
    public static EstimationOutcome Estimate(CaptureHistories table, EstimationOptions? options = null, CancellationToken ct = default)
    {
        options ??= new EstimationOptions();
        var (kept, dropped) = Informative(table);
        if (kept.Count < CaptureHistories.MinLists)
            return new(null, $"Only {kept.Count} of the lists carries information (see why below), and estimation needs at least two that overlap. " +
                             string.Join(" ", dropped));
        var data = kept.Count == table.ListCount ? table : table.Keep(kept);

        var mainEffects = Identifiability.Check(data, []);
        if (mainEffects.HasFlag(ModelProblem.EstimateNotFinite))
            return new(null, "No estimate is possible: the lists overlap too little (the model's estimate of the unseen would be infinite). " +
                             "Estimation needs people seen on more than one list; add lists or a longer period.");

        var chosen = ModelSelection.Stepwise(data, options.Threshold);
        if (!double.IsFinite(chosen.Estimate))
            return new(null, "No finite estimate could be fitted to these lists.");
        var (analyticLower, analyticUpper) = chosen.AnalyticInterval();
        var warnings = Warnings(data, chosen).ToList();

        double lower = analyticLower, upper = analyticUpper;
        var method = "analytic (normal on the log of the unseen number)";
        var failures = 0;
        if (options.BootstrapSamples > 0)
        {
            var (replicates, failed) = Bootstrap(data, options, ct);
            failures = failed;
            if (replicates.Length >= Math.Max(50, options.BootstrapSamples / 2))
            {
                var acceleration = JackknifeAcceleration(data, options.Threshold, ct);
                (lower, upper) = BcaInterval(replicates, chosen.Estimate, acceleration, 0.025, 0.975);
                method = replicates.Length == options.BootstrapSamples
                    ? $"bootstrap (BCa, {replicates.Length:N0} resamples)"
                    : $"bootstrap (BCa, from the {replicates.Length:N0} of {options.BootstrapSamples:N0} resamples that gave an estimate)";
            }
            else warnings.Add("Most bootstrap resamples gave no estimate, so the interval shown is the analytic one; treat the figure with great caution.");
            if (failed > 0 && failed >= options.BootstrapSamples / 20)
                warnings.Add($"{failed:N0} of {options.BootstrapSamples:N0} bootstrap resamples gave no finite estimate: the overlaps are sparse.");
        }

        var sensitivity = Sensitivity(data, chosen, options.Threshold);
        // A model that fits clearly better (AIC lower by more than 2) yet lands outside the interval: the headline is
        // less certain than its interval says.
        var better = sensitivity.Where(r => !r.Chosen && r.Aic < chosen.Aic - 2 && (r.Estimate < lower || r.Estimate > upper)).OrderBy(r => r.Aic).FirstOrDefault();
        if (better is not null)
            warnings.Add($"Another model fits these lists clearly better ({better.Model}: AIC {better.Aic:0.0} against {chosen.Aic:0.0}) and estimates {better.Estimate:N0} " +
                         $"({better.Lower:N0} to {better.Upper:N0}), outside this interval. The lists may depend on each other in ways the chosen model leaves out: " +
                         "treat the figure with great caution and look at the sensitivity table.");
        return new(new ScaleEstimate(
            data.Lists, dropped, data.Observed, chosen.Estimate, lower, upper, analyticLower, analyticUpper, method,
            chosen.Terms.Select(t => t.Name(data.Lists)).ToArray(),
            chosen.InfiniteTerms.Select(t => t.Name(data.Lists)).ToArray(),
            sensitivity, warnings, options.BootstrapSamples, failures), null);
    }

    /// <summary>
    /// SparseMSE's removenoninformativelists: a list with nobody on it, a list holding every person seen, and a list
    /// identical to another tell nothing about who was missed.
    /// </summary>
    public static (IReadOnlyList<int> Kept, IReadOnlyList<string> Dropped) Informative(CaptureHistories table)
    {
        var kept = new List<int>();
        var dropped = new List<string>();
        var total = table.Observed;
        for (var i = 0; i < table.ListCount; i++)
        {
            var on = table.OnList(i);
            if (on == 0) { dropped.Add($"{table.Lists[i]} was left out: nobody is on it."); continue; }
            if (on == total) { dropped.Add($"{table.Lists[i]} was left out: everyone seen is on it, so it says nothing about who was missed."); continue; }
            var twin = kept.FirstOrDefault(k => SameMembers(table, k, i), -1);
            if (twin >= 0) { dropped.Add($"{table.Lists[i]} was left out: it holds exactly the same people as {table.Lists[twin]}."); continue; }
            kept.Add(i);
        }
        return (kept, dropped);
    }

    private static bool SameMembers(CaptureHistories table, int a, int b)
    {
        for (var mask = 1; mask < table.Counts.Length; mask++)
            if (table.Counts[mask] > 0 && ((mask >> a) & 1) != ((mask >> b) & 1)) return false;
        return true;
    }

    private static IEnumerable<string> Warnings(CaptureHistories data, LogLinearModel chosen)
    {
        long onSeveral = 0;
        for (var mask = 1; mask < data.Counts.Length; mask++)
            if (System.Numerics.BitOperations.PopCount((uint)mask) > 1) onSeveral += data.Counts[mask];
        if (onSeveral < 20)
            yield return $"Only {onSeveral} {(onSeveral == 1 ? "person is" : "people are")} on more than one list. The estimate rests on very small overlaps and can move a long way with one more or one fewer.";
        var empty = ModelSelection.AllPairs(data.ListCount).Where(p => data.OnBoth(p.I, p.J) == 0).Select(p => p.Name(data.Lists)).ToArray();
        if (empty.Length > 0)
            yield return $"No one is on both lists of {string.Join(", ", empty)}. Where such a pair enters the model it is taken as never sharing anyone.";
        var small = Enumerable.Range(0, data.ListCount).Where(i => data.OnList(i) < 10).Select(i => data.Lists[i]).ToArray();
        if (small.Length > 0) yield return $"{string.Join(", ", small)} {(small.Length == 1 ? "has fewer than 10 people on it" : "each have fewer than 10 people on them")}.";
        if (chosen.Estimate > 10 * data.Observed)
            yield return "The estimate is more than ten times the number seen: the lists reach few of the people they estimate, and the figure is fragile.";
    }

    private static (double[] Replicates, int Failures) Bootstrap(CaptureHistories data, EstimationOptions options, CancellationToken ct)
    {
        var cells = Enumerable.Range(1, data.Counts.Length - 1).Where(m => data.Counts[m] > 0).ToArray();
        var probabilities = cells.Select(m => (double)data.Counts[m] / data.Observed).ToArray();
        var results = new double[options.BootstrapSamples];
        Parallel.For(0, options.BootstrapSamples, new ParallelOptions { CancellationToken = ct }, b =>
        {
            var random = new Random(unchecked(options.Seed * 7919 + b));
            var drawn = Multinomial.Sample(random, probabilities, (int)data.Observed);
            var counts = new long[data.Counts.Length];
            for (var c = 0; c < cells.Length; c++) counts[cells[c]] = drawn[c];
            results[b] = SafeEstimate(new CaptureHistories(data.Lists, counts), options.Threshold);
        });
        var finite = results.Where(double.IsFinite).ToArray();
        Array.Sort(finite);
        return (finite, results.Length - finite.Length);
    }

    private static double SafeEstimate(CaptureHistories table, double threshold)
    {
        if (Identifiability.Check(table, []).HasFlag(ModelProblem.EstimateNotFinite)) return double.NaN;
        var model = ModelSelection.Stepwise(table, threshold);
        return model.Fit.Converged ? model.Estimate : double.NaN;
    }

    /// <summary>The grouped delete-one jackknife of SparseMSE: one person fewer in each observed history in turn.</summary>
    private static double JackknifeAcceleration(CaptureHistories data, double threshold, CancellationToken ct)
    {
        var cells = Enumerable.Range(1, data.Counts.Length - 1).Where(m => data.Counts[m] > 0).ToArray();
        var estimates = new double[cells.Length];
        Parallel.For(0, cells.Length, new ParallelOptions { CancellationToken = ct }, c =>
        {
            var counts = (long[])data.Counts.Clone();
            counts[cells[c]]--;
            estimates[c] = counts.Sum() == 0 ? double.NaN : SafeEstimate(new CaptureHistories(data.Lists, counts), threshold);
        });
        double weightSum = 0, mean = 0;
        for (var c = 0; c < cells.Length; c++)
        {
            if (!double.IsFinite(estimates[c])) continue;
            weightSum += data.Counts[cells[c]];
            mean += data.Counts[cells[c]] * estimates[c];
        }
        if (weightSum == 0) return 0;
        mean /= weightSum;
        double cubes = 0, squares = 0;
        for (var c = 0; c < cells.Length; c++)
        {
            if (!double.IsFinite(estimates[c])) continue;
            var d = mean - estimates[c];
            cubes += data.Counts[cells[c]] * d * d * d;
            squares += data.Counts[cells[c]] * d * d;
        }
        return squares == 0 ? 0 : cubes / (6 * Math.Pow(squares, 1.5));
    }

    /// <summary>Efron's bias-corrected and accelerated percentiles, read with R's type 8 quantile as SparseMSE does.</summary>
    public static (double Lower, double Upper) BcaInterval(double[] sortedReplicates, double estimate, double acceleration, double lowerLevel, double upperLevel)
    {
        var below = sortedReplicates.Count(r => r < estimate) / (double)sortedReplicates.Length;
        var bound = 0.5 / sortedReplicates.Length;
        var z0 = Normal.InvCDF(0, 1, Math.Clamp(below, bound, 1 - bound));
        double Adjusted(double alpha)
        {
            var za = Normal.InvCDF(0, 1, alpha) + z0;
            return Normal.CDF(0, 1, z0 + za / (1 - acceleration * za));
        }
        return (Quantile8(sortedReplicates, Adjusted(lowerLevel)), Quantile8(sortedReplicates, Adjusted(upperLevel)));
    }

    /// <summary>Hyndman and Fan's type 8 (median-unbiased) sample quantile.</summary>
    public static double Quantile8(double[] sorted, double p)
    {
        var n = sorted.Length;
        var h = (n + 1.0 / 3) * p + 1.0 / 3;
        if (h <= 1) return sorted[0];
        if (h >= n) return sorted[n - 1];
        var j = (int)Math.Floor(h);
        return sorted[j - 1] + (h - j) * (sorted[j] - sorted[j - 1]);
    }

    private static IReadOnlyList<SensitivityRow> Sensitivity(CaptureHistories data, LogLinearModel chosen, double threshold)
    {
        var candidates = new List<(string Name, LogLinearModel Model)>
        {
            ($"Stepwise, p < {threshold:0.###} (chosen)", chosen),
            ("Main effects only (lists independent)", LogLinearModel.Fitted(data, [])),
            ("Stepwise, stricter (p < 0.001)", ModelSelection.Stepwise(data, 0.001)),
            ("Stepwise, looser (p < 0.05)", ModelSelection.Stepwise(data, 0.05)),
            ("Forward selection by AIC", ModelSelection.Forward(data, m => m.Aic)),
            ("Forward selection by BIC", ModelSelection.Forward(data, m => m.Bic)),
        };
        var rows = new List<SensitivityRow>();
        foreach (var group in candidates.GroupBy(c => c.Model.Describe()))
        {
            var model = group.First().Model;
            if (!double.IsFinite(model.Estimate)) continue;
            var (lower, upper) = model.AnalyticInterval();
            rows.Add(new SensitivityRow(string.Join("; ", group.Select(g => g.Name)), model.Describe(), model.Estimate, lower, upper,
                model.Aic, model.Bic, ReferenceEquals(model, chosen) || group.Any(g => ReferenceEquals(g.Model, chosen))));
        }
        return rows;
    }
}
