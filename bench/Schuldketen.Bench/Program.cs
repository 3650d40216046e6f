using BenchmarkDotNet.Running;
using Schuldketen.Bench;

if (args is ["store", .. var rest])
{
    return await StoreBenchmark.RunAsync(rest);
}

if (args is ["http", .. var options])
{
    return await HubComparison.RunAsync(options);
}

if (args is ["drive", var job])
{
    return await HttpDriver.RunAsync(job);
}

if (args is ["webhook", .. var webhook])
{
    return await WebhookBenchmark.RunAsync(webhook);
}

if (args is ["bus", .. var bus])
{
    return await BusBenchmark.RunAsync(bus);
}

if (args is ["scale", .. var scale])
{
    return await ScaleBenchmark.RunAsync(scale);
}

BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmarks).Assembly).Run(args);
return 0;
