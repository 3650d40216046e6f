namespace Schuldketen.Bench;

/// <summary>
/// Per provider, the store benchmark and then the same journeys over HTTP, in one process so
/// both figures come from the same run. Prints every engine line, then every http line, last.
/// </summary>
internal static class HubComparison
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var engineLines = new List<string>();
        var httpLines = new List<string>();
        foreach (var provider in options.Providers)
        {
            var engine = await StoreBenchmark.RunProviderAsync(provider, options);
            engineLines.Add(engine.Line);
            httpLines.AddRange(await HttpBenchmark.RunProviderAsync(provider, options, engine.EventsPerSecond));
        }

        foreach (var line in engineLines.Concat(httpLines))
        {
            Console.WriteLine(line);
        }

        return 0;
    }
}
