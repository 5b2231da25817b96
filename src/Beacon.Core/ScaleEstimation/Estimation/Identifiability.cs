using MathNet.Numerics.LinearAlgebra;

namespace Beacon.Core.ScaleEstimation.Estimation;

/// <summary>Why a model cannot give an estimate.</summary>
[Flags]
public enum ModelProblem
{
    None = 0,
    /// <summary>The maximum likelihood estimate does not exist: the unseen number would be infinite (or zero).</summary>
    EstimateNotFinite = 1,
    /// <summary>The model has more parameters than the observed histories can pin down.</summary>
    NotIdentifiable = 2,
}

/// <summary>
/// Chan, Silverman and Vincent's checks (SparseMSE's checkident). Existence, after Fienberg and Rinaldo: is there a
/// strictly positive table with the same margins (sufficient statistics) as the data? Found by the linear program
/// maximise s subject to Xᵀx = Xᵀy, x ≥ s. Identifiability: the design has full column rank.
/// </summary>
public static class Identifiability
{
    public static ModelProblem Check(CaptureHistories table, IReadOnlyList<Interaction> terms)
    {
        var (cells, design, _) = LogLinearModel.Build(table, terms);
        var parameters = design.GetLength(1);

        // Substituting x = s·1 + w (w ≥ 0) gives the standard form: maximise s subject to (Xᵀ1) s + Xᵀw = Xᵀy.
        var n = cells.Length;
        var constraints = new double[parameters, n + 1];
        var rightHandSide = new double[parameters];
        for (var p = 0; p < parameters; p++)
        {
            for (var row = 0; row < n; row++)
            {
                constraints[p, 0] += design[row, p];
                constraints[p, 1 + row] = design[row, p];
                rightHandSide[p] += design[row, p] * table.Counts[cells[row]];
            }
        }
        var objective = new double[n + 1];
        objective[0] = 1;
        var best = LinearProgram.Maximise(objective, constraints, rightHandSide);
        var problem = ModelProblem.None;
        if (best is null || best <= 1e-9) problem |= ModelProblem.EstimateNotFinite;
        if (Matrix<double>.Build.DenseOfArray(design).Rank() < parameters) problem |= ModelProblem.NotIdentifiable;
        return problem;
    }
}
