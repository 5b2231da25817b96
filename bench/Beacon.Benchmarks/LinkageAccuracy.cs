using System.Diagnostics;
using Beacon.Core.ScaleEstimation.Linkage;

/// <summary>
/// `dotnet run -c Release --project bench/Beacon.Benchmarks -- linkage`: precision, recall and F1 over pairs on the
/// FEBRL data sets (bench/data/febrl), with and without the soc_sec_id column.
/// </summary>
public static class LinkageAccuracy
{
    public static int Run(TextWriter output)
    {
        var folder = Path.Combine(RepositoryRoot(), "bench", "data", "febrl");
        output.WriteLine("| data set | records | true pairs | soc_sec_id | compared pairs | found pairs | precision | recall | F1 | took |");
        output.WriteLine("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        var worst = 1.0;
        foreach (var useSocialSecurity in new[] { true, false })
        {
            foreach (var (name, files) in new[] { ("dataset1", new[] { "dataset1.csv" }), ("dataset2", ["dataset2.csv"]), ("dataset3", ["dataset3.csv"]), ("dataset4a × 4b", ["dataset4a.csv", "dataset4b.csv"]) })
            {
                var clock = Stopwatch.StartNew();
                var (records, truth) = Febrl.Read(files.Select(f => Path.Combine(folder, f)).ToArray());
                var result = new Linker(Febrl.Settings(useSocialSecurity, linkOnly: files.Length == 2)).Run(records);
                var score = PairScore.Of(result.SamePersonPairs(), Febrl.TruePairs(truth, records, files.Length == 2));
                worst = Math.Min(worst, score.F1);
                output.WriteLine($"| {name} | {records.Count:N0} | {score.TruePairs:N0} | {(useSocialSecurity ? "used" : "left out")} | {result.Compared:N0} | {score.Found:N0} | {score.Precision:F4} | {score.Recall:F4} | **{score.F1:F4}** | {clock.Elapsed.TotalSeconds:F1} s |");
            }
        }
        output.WriteLine($"Lowest F1: {worst:F4} (the target is at least 0.95).");
        return worst >= 0.95 ? 0 : 1;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Beacon.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Run from inside the Beacon repository.");
    }
}
