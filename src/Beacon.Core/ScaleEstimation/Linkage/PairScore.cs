namespace Beacon.Core.ScaleEstimation.Linkage;

/// <summary>Precision, recall and F1 of found pairs against the true pairs (each pair with the smaller index first).</summary>
public sealed record PairScore(long Found, long TruePairs, long Correct)
{
    public double Precision => Found == 0 ? 0 : Correct / (double)Found;
    public double Recall => TruePairs == 0 ? 0 : Correct / (double)TruePairs;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static PairScore Of(IEnumerable<(int Left, int Right)> found, IReadOnlySet<(int, int)> truth)
    {
        long count = 0, correct = 0;
        foreach (var (a, b) in found)
        {
            count++;
            if (truth.Contains(a < b ? (a, b) : (b, a))) correct++;
        }
        return new PairScore(count, truth.Count, correct);
    }
}
