using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/Beacon.Benchmarks -- --filter *` runs them all; pass --job short for a quick look.
// `-- linkage` prints record linkage accuracy on the FEBRL data sets.
if (args.FirstOrDefault() == "linkage") return LinkageAccuracy.Run(Console.Out);
BenchmarkSwitcher.FromAssembly(typeof(LinkageAccuracy).Assembly).Run(args);
return 0;

public partial class Program;
