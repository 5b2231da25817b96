using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/Beacon.Benchmarks -- --filter *` runs them all; pass --job short for a quick look.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

public partial class Program;
