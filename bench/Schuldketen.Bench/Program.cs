using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Schuldketen.Bench.EngineBenchmarks).Assembly).Run(args);
