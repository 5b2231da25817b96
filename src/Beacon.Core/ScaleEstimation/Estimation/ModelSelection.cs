using MathNet.Numerics.Distributions;

namespace Beacon.Core.ScaleEstimation.Estimation;

/// <summary>Ways of choosing which two-list interactions the model holds.</summary>
public static class ModelSelection
{
    public const double DefaultThreshold = 0.02;

    public static IReadOnlyList<Interaction> AllPairs(int lists) =>
        (from i in Enumerable.Range(0, lists) from j in Enumerable.Range(i + 1, lists - i - 1) select new Interaction(i, j)).ToArray();

    /// <summary>
    /// SparseMSE's stepwisefit: from main effects, add the interaction whose observed overlap is least likely under the
    /// current model (the smaller one-sided Poisson tail, not doubled), while that p-value is below the threshold and
    /// the model with it still has a finite, identifiable estimate; ties go to the earlier pair.
    /// </summary>
    public static LogLinearModel Stepwise(CaptureHistories table, double threshold = DefaultThreshold)
    {
        var model = LogLinearModel.Fitted(table, []);
        if (threshold <= 0) return model;
        var candidates = AllPairs(table.ListCount);
        var included = new HashSet<Interaction>();
        for (var cycle = 0; cycle < candidates.Count; cycle++)
        {
            var bestP = 1.0;
            Interaction? best = null;
            foreach (var pair in candidates)
            {
                if (included.Contains(pair)) continue;
                var observed = table.OnBoth(pair.I, pair.J);
                var expected = model.ExpectedOnBoth(pair);
                var p = OneSidedPoisson(observed, expected);
                if (p < bestP && Identifiability.Check(table, [.. model.Terms, pair]) == ModelProblem.None)
                {
                    bestP = p;
                    best = pair;
                }
            }
            if (best is null || bestP >= threshold) return model;
            included.Add(best.Value);
            model = LogLinearModel.Fitted(table, [.. model.Terms, best.Value]);
        }
        return model;
    }

    /// <summary>min(P(X ≤ n), P(X ≥ n)) for X ~ Poisson(λ).</summary>
    public static double OneSidedPoisson(long observed, double expected)
    {
        if (expected <= 0) return observed == 0 ? 1 : 0;
        var below = Poisson.CDF(expected, observed);
        var above = observed == 0 ? 1 : 1 - Poisson.CDF(expected, observed - 1);
        return Math.Min(below, above);
    }

    /// <summary>Forward selection on an information criterion: add the interaction that lowers it most, while any does.</summary>
    public static LogLinearModel Forward(CaptureHistories table, Func<LogLinearModel, double> criterion)
    {
        var model = LogLinearModel.Fitted(table, []);
        var score = criterion(model);
        var candidates = AllPairs(table.ListCount);
        while (true)
        {
            LogLinearModel? best = null;
            var bestScore = score;
            foreach (var pair in candidates.Except(model.Terms))
            {
                if (Identifiability.Check(table, [.. model.Terms, pair]) != ModelProblem.None) continue;
                var next = LogLinearModel.Fitted(table, [.. model.Terms, pair]);
                if (!next.Fit.Converged) continue;
                var s = criterion(next);
                if (s < bestScore - 1e-9)
                {
                    bestScore = s;
                    best = next;
                }
            }
            if (best is null) return model;
            model = best;
            score = bestScore;
        }
    }
}
