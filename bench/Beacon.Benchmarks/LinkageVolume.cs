using System.Diagnostics;
using Beacon.Core.ScaleEstimation.Linkage;
using Beacon.Web.Features.ScaleEstimation;

/// <summary>
/// `dotnet run -c Release --project bench/Beacon.Benchmarks -- linkage-volume [RECORDS]`: deduplicates generated
/// records (a fifth of them a second, retyped entry for someone already listed) with Beacon's person linkage settings,
/// and prints the time, comparisons per second and accuracy. The target is a million records in under 60 s.
/// </summary>
public static class LinkageVolume
{
    public static int Run(TextWriter output, int records)
    {
        var generating = Stopwatch.StartNew();
        var lists = new SyntheticLists(2014);
        var people = records * 4 / 5;
        var truth = new List<int>(records);
        var entries = new List<LinkageRecord>(records);
        var originals = new List<ListedPerson>(people);
        for (var p = 0; p < people; p++)
        {
            var person = lists.Person();
            originals.Add(person);
            entries.Add(new LinkageRecord(0, PersonLinkage.Normalise(person)));
            truth.Add(p);
        }
        var random = new Random(7);
        while (entries.Count < records)
        {
            var p = random.Next(people);
            entries.Add(new LinkageRecord(0, PersonLinkage.Normalise(lists.Retyped(originals[p]))));
            truth.Add(p);
        }
        output.WriteLine($"Generated {records:N0} records of {people:N0} people in {generating.Elapsed.TotalSeconds:F1} s.");

        var result = new Linker(PersonLinkage.Settings).Run(entries);
        var truePairs = Febrl.TruePairs(truth, entries, linkOnly: false);
        var score = PairScore.Of(result.SamePersonPairs(), truePairs);
        output.WriteLine("| records | compared pairs | blocking and comparing | whole run | comparisons per second | skipped blocks | people found | precision | recall | F1 |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        output.WriteLine($"| {records:N0} | {result.Compared:N0} | {result.ComparingTook.TotalSeconds:F1} s | **{result.Took.TotalSeconds:F1} s** | {result.Compared / result.ComparingTook.TotalSeconds:N0} | {result.SkippedBlocks} | {result.People:N0} (truly {people:N0}) | {score.Precision:F4} | {score.Recall:F4} | {score.F1:F4} |");
        if (Environment.GetEnvironmentVariable("BEACON_LINKAGE_DEBUG") == "1")
        {
            var model = result.Model;
            output.WriteLine($"prior {model.Prior:G4}");
            for (var k = 0; k < model.Comparisons.Count; k++)
                output.WriteLine(model.Comparisons[k].Name + ": " + string.Join("  ", Enumerable.Range(1, model.M[k].Length - 1).Select(l => $"{model.Comparisons[k].LevelLabel(l)} m={model.M[k][l]:G3} u={model.U[k][l]:G3}")));
            var wrong = result.Pairs.Where(p => p.Weight >= result.LinkWeight && truth[p.Left] != truth[p.Right]).Take(5);
            foreach (var p in wrong)
                output.WriteLine($"{p.Weight:F1}: {string.Join(",", entries[p.Left].Values)}  ~  {string.Join(",", entries[p.Right].Values)}");
        }
        return 0;
    }
}
