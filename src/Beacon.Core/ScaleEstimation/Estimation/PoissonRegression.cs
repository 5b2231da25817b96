using MathNet.Numerics.LinearAlgebra;

namespace Beacon.Core.ScaleEstimation.Estimation;

/// <summary>A fitted Poisson log-linear model: coefficients, their standard errors and how well it fits.</summary>
public sealed record PoissonFit(
    double[] Coefficients,
    double[] StandardErrors,
    double Deviance,
    double LogLikelihood,
    bool Converged,
    int Iterations)
{
    /// <summary>Wald z test's two-sided p-value for one coefficient, as R's summary(glm) reports it.</summary>
    public double PValue(int coefficient)
    {
        var se = StandardErrors[coefficient];
        if (!(se > 0) || double.IsNaN(se)) return 1;
        var z = Math.Abs(Coefficients[coefficient] / se);
        return 2 * (1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, z));
    }
}

/// <summary>
/// Poisson regression with the log link by iteratively reweighted least squares, as R's glm(family = poisson) does:
/// the same starting values, convergence test and standard errors, so its estimates can be checked against R.
/// </summary>
public static class PoissonRegression
{
    public const int MaxIterations = 100;
    private const double Epsilon = 1e-10;

    /// <param name="design">One row per cell, one column per parameter (the first usually the intercept).</param>
    /// <param name="counts">The count observed in each cell.</param>
    public static PoissonFit Fit(double[,] design, double[] counts)
    {
        var rows = design.GetLength(0);
        var columns = design.GetLength(1);
        if (counts.Length != rows) throw new ArgumentException("One count is needed for each row of the design.", nameof(counts));
        var x = Matrix<double>.Build.DenseOfArray(design);
        var y = Vector<double>.Build.DenseOfArray(counts);

        // R's poisson()$initialize: mu = y + 0.1.
        var mu = y.Map(v => v + 0.1);
        var eta = mu.PointwiseLog();
        var deviance = Deviance(y, mu);
        var beta = Vector<double>.Build.Dense(columns);
        Matrix<double> information = Matrix<double>.Build.Dense(columns, columns);
        var converged = false;
        var iteration = 0;
        for (iteration = 1; iteration <= MaxIterations; iteration++)
        {
            var z = eta + (y - mu).PointwiseDivide(mu);
            var weighted = x.Clone();
            for (var i = 0; i < rows; i++) weighted.SetRow(i, x.Row(i) * mu[i]);
            information = x.TransposeThisAndMultiply(weighted);
            var right = weighted.TransposeThisAndMultiply(z);
            beta = Solve(information, right);
            eta = x * beta;
            mu = eta.Map(Math.Exp);
            var next = Deviance(y, mu);
            var change = Math.Abs(next - deviance) / (Math.Abs(next) + 0.1);
            deviance = next;
            if (change < Epsilon) { converged = true; break; }
        }
        var weightedFinal = x.Clone();
        for (var i = 0; i < rows; i++) weightedFinal.SetRow(i, x.Row(i) * mu[i]);
        information = x.TransposeThisAndMultiply(weightedFinal);
        var covariance = Inverse(information);
        var errors = Enumerable.Range(0, columns).Select(j => covariance is null ? double.NaN : Math.Sqrt(Math.Max(0, covariance[j, j]))).ToArray();
        var logLikelihood = 0.0;
        for (var i = 0; i < rows; i++)
            logLikelihood += (y[i] > 0 ? y[i] * Math.Log(mu[i]) : 0) - mu[i] - MathNet.Numerics.SpecialFunctions.GammaLn(y[i] + 1);
        return new PoissonFit(beta.ToArray(), errors, deviance, logLikelihood, converged, Math.Min(iteration, MaxIterations));
    }

    private static double Deviance(Vector<double> y, Vector<double> mu)
    {
        var sum = 0.0;
        for (var i = 0; i < y.Count; i++)
            sum += (y[i] > 0 ? y[i] * Math.Log(y[i] / mu[i]) : 0) - (y[i] - mu[i]);
        return 2 * sum;
    }

    private static Vector<double> Solve(Matrix<double> information, Vector<double> right)
    {
        try { return information.Cholesky().Solve(right); }
        catch (ArgumentException) { return information.Svd().Solve(right); }
    }

    private static Matrix<double>? Inverse(Matrix<double> information)
    {
        try { return information.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(information.RowCount)); }
        catch (ArgumentException) { return null; }
    }
}
