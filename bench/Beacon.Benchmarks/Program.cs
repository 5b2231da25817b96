using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/Beacon.Benchmarks -- --filter *` runs them all; pass --job short for a quick look.
// `-- linkage` prints record linkage accuracy on the FEBRL data sets.
if (args.FirstOrDefault() == "linkage") return LinkageAccuracy.Run(Console.Out);
// `-- linkage-volume [RECORDS]` deduplicates a million generated records (or RECORDS) and prints the time.
if (args.FirstOrDefault() == "linkage-volume") return LinkageVolume.Run(Console.Out, args.Length > 1 ? int.Parse(args[1]) : 1_000_000);
// `-- estimate-coverage [RUNS]` simulates populations of known size and counts how often the interval holds the truth.
if (args.FirstOrDefault() == "estimate-coverage") return EstimationCoverage.Run(Console.Out, args.Length > 1 ? int.Parse(args[1]) : 100);
BenchmarkSwitcher.FromAssembly(typeof(LinkageAccuracy).Assembly).Run(args);
return 0;

public partial class Program;
