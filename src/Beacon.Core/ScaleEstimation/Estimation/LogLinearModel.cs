using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Beacon.Core.ScaleEstimation.Estimation;

/// <summary>A two-list interaction term: lists I and J (I &lt; J) are more (or less) likely to see the same people.</summary>
public readonly record struct Interaction(int I, int J)
{
    public string Name(IReadOnlyList<string> lists) => $"{lists[I]}:{lists[J]}";
}

/// <summary>
/// A Poisson log-linear model of the capture histories, fitted as SparseMSE's modelfit does: every observable history
/// is a cell (zero counts included); an interaction between two lists that share nobody is an extended-MLE −∞
/// parameter, so its cells leave the fit and the term is counted in the AIC but not fitted.
/// </summary>
public sealed class LogLinearModel
{
    public CaptureHistories Table { get; }
    public IReadOnlyList<Interaction> Terms { get; }

    /// <summary>Terms of lists that share nobody: fitted as −∞, their cells left out.</summary>
    public IReadOnlyList<Interaction> InfiniteTerms { get; }

    public IReadOnlyList<int> Cells { get; }
    public double[,] Design { get; }
    public PoissonFit Fit { get; }

    private LogLinearModel(CaptureHistories table, IReadOnlyList<Interaction> terms)
    {
        Table = table;
        Terms = terms;
        (Cells, Design, InfiniteTerms) = Build(table, terms);
        Fit = PoissonRegression.Fit(Design, Cells.Select(c => (double)table.Counts[c]).ToArray());
    }

    public static LogLinearModel Fitted(CaptureHistories table, IReadOnlyList<Interaction> terms) => new(table, terms);

    /// <summary>
    /// The cells and design matrix of a model: every observable history, less the cells of pairs of lists that share
    /// nobody (those terms are −∞); columns for the intercept, each list, and each fitted interaction.
    /// </summary>
    internal static (int[] Cells, double[,] Design, Interaction[] Infinite) Build(CaptureHistories table, IReadOnlyList<Interaction> terms)
    {
        var k = table.ListCount;
        var infinite = terms.Where(t => table.OnBoth(t.I, t.J) == 0).ToArray();
        var fitted = terms.Except(infinite).ToArray();
        var cells = Enumerable.Range(1, (1 << k) - 1)
            .Where(mask => infinite.All(t => (mask & (1 << t.I)) == 0 || (mask & (1 << t.J)) == 0))
            .ToArray();
        var design = new double[cells.Length, 1 + k + fitted.Length];
        for (var row = 0; row < cells.Length; row++)
        {
            var mask = cells[row];
            design[row, 0] = 1;
            for (var i = 0; i < k; i++) design[row, 1 + i] = (mask >> i) & 1;
            for (var f = 0; f < fitted.Length; f++)
                design[row, 1 + k + f] = ((mask >> fitted[f].I) & 1) * ((mask >> fitted[f].J) & 1);
        }
        return (cells, design, infinite);
    }

    /// <summary>The people no list saw, as the model estimates them: exp(intercept).</summary>
    public double Unseen => Math.Exp(Fit.Coefficients[0]);

    public double Estimate => Table.Observed + Unseen;

    /// <summary>SparseMSE's interval: normal on the log of the unseen number, exponentiated, plus the observed.</summary>
    public (double Lower, double Upper) AnalyticInterval(double level = 0.95)
    {
        var z = Normal.InvCDF(0, 1, 0.5 + level / 2);
        var b0 = Fit.Coefficients[0];
        var se = Fit.StandardErrors[0];
        return (Table.Observed + Math.Exp(b0 - z * se), Table.Observed + Math.Exp(b0 + z * se));
    }

    public int Parameters => Design.GetLength(1) + InfiniteTerms.Count;

    public double Aic => -2 * Fit.LogLikelihood + 2 * Parameters;

    /// <summary>As R's BIC for a glm: the penalty uses the number of cells fitted.</summary>
    public double Bic => -2 * Fit.LogLikelihood + Math.Log(Cells.Count) * Parameters;

    /// <summary>The expected number on both lists of a pair under this model (summing the fitted cells with both).</summary>
    public double ExpectedOnBoth(Interaction pair)
    {
        var fittedMeans = FittedMeans;
        var sum = 0.0;
        for (var row = 0; row < Cells.Count; row++)
            if ((Cells[row] & (1 << pair.I)) != 0 && (Cells[row] & (1 << pair.J)) != 0) sum += fittedMeans[row];
        return sum;
    }

    private Vector<double>? _fittedMeans;

    public Vector<double> FittedMeans => _fittedMeans ??=
        (Matrix<double>.Build.DenseOfArray(Design) * Vector<double>.Build.DenseOfArray(Fit.Coefficients)).Map(Math.Exp);

    public string Describe() => Terms.Count == 0 ? "main effects only" : string.Join(", ", Terms.Select(t => t.Name(Table.Lists)));
}
