using BenchmarkDotNet.Running;
using Schuldketen.Bench;

if (args is ["store", .. var rest])
{
    return await StoreBenchmark.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmarks).Assembly).Run(args);
return 0;
