namespace Beacon.Core.ScaleEstimation.Estimation;

/// <summary>
/// A small dense two-phase simplex (Bland's rule, so it cannot cycle) for maximize c·x subject to A x = b, x ≥ 0,
/// b ≥ 0. Written here because the one linear program estimation needs (the existence check, a few dozen rows) does
/// not justify a native solver such as OR-Tools.
/// </summary>
public static class LinearProgram
{
    private const double Tolerance = 1e-9;

    /// <returns>The optimum, or null when the constraints cannot be met; +∞ when unbounded.</returns>
    public static double? Maximise(double[] objective, double[,] equalities, double[] rightHandSide)
    {
        var rows = equalities.GetLength(0);
        var columns = equalities.GetLength(1);
        // Tableau columns: the variables, one artificial per row, then the right-hand side.
        var width = columns + rows + 1;
        var t = new double[rows + 1, width];
        var basis = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var sign = rightHandSide[i] < 0 ? -1 : 1;
            for (var j = 0; j < columns; j++) t[i, j] = sign * equalities[i, j];
            t[i, columns + i] = 1;
            t[i, width - 1] = sign * rightHandSide[i];
            basis[i] = columns + i;
        }

        // Phase 1: drive the artificials out by minimising their sum (maximising its negative).
        for (var j = 0; j < width; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < rows; i++) sum += t[i, j];
            t[rows, j] = j >= columns && j < columns + rows ? 0 : -sum;
        }
        if (!Run(t, basis, rows, columns + rows)) return double.PositiveInfinity;
        if (t[rows, width - 1] < -1e-7 * Math.Max(1, rightHandSide.Sum(Math.Abs))) return null;

        // Any artificial still basic sits at zero: pivot it out on a real column, or its row is redundant.
        for (var i = 0; i < rows; i++)
        {
            if (basis[i] < columns) continue;
            for (var j = 0; j < columns; j++)
                if (Math.Abs(t[i, j]) > Tolerance) { Pivot(t, basis, i, j); break; }
        }

        // Phase 2: the real objective, artificials barred from entering.
        for (var j = 0; j < width; j++) t[rows, j] = j < columns ? -objective[j] : 0;
        for (var i = 0; i < rows; i++)
        {
            if (basis[i] >= columns) continue;
            var factor = t[rows, basis[i]];
            if (factor == 0) continue;
            for (var j = 0; j < width; j++) t[rows, j] -= factor * t[i, j];
        }
        if (!Run(t, basis, rows, columns)) return double.PositiveInfinity;
        return t[rows, width - 1];
    }

    /// <returns>False when unbounded.</returns>
    private static bool Run(double[,] t, int[] basis, int rows, int enterable)
    {
        var width = t.GetLength(1);
        for (var iteration = 0; iteration < 50_000; iteration++)
        {
            var entering = -1;
            for (var j = 0; j < enterable; j++)
                if (t[rows, j] < -Tolerance) { entering = j; break; }
            if (entering < 0) return true;
            var leaving = -1;
            var best = double.PositiveInfinity;
            for (var i = 0; i < rows; i++)
            {
                if (t[i, entering] <= Tolerance) continue;
                var ratio = t[i, width - 1] / t[i, entering];
                if (ratio < best - Tolerance || (Math.Abs(ratio - best) <= Tolerance && leaving >= 0 && basis[i] < basis[leaving]))
                {
                    best = ratio;
                    leaving = i;
                }
            }
            if (leaving < 0) return false;
            Pivot(t, basis, leaving, entering);
        }
        throw new InvalidOperationException("The linear program did not settle.");
    }

    private static void Pivot(double[,] t, int[] basis, int row, int column)
    {
        var height = t.GetLength(0);
        var width = t.GetLength(1);
        var pivot = t[row, column];
        for (var j = 0; j < width; j++) t[row, j] /= pivot;
        for (var i = 0; i < height; i++)
        {
            if (i == row) continue;
            var factor = t[i, column];
            if (factor == 0) continue;
            for (var j = 0; j < width; j++) t[i, j] -= factor * t[row, j];
        }
        basis[row] = column;
    }
}
