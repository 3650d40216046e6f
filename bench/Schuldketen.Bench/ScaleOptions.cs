namespace Schuldketen.Bench;

/// <summary>The scale bench's knobs, from <c>--name value</c> pairs.</summary>
internal sealed record ScaleOptions(
    string[] Providers, string? Postgres, int Trajectories, int Seconds, int RatePerSecond, int Clients, int Writers, int MaxBatch)
{
    public static ScaleOptions Parse(string[] args)
    {
        var arguments = new BenchArguments(args);
        var providers = arguments.Text("providers")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        ?? ["postgresql"];
        return new ScaleOptions(providers, arguments.Postgres, arguments.Number("trajectories", 100_000), arguments.Number("seconds", 30),
            arguments.Number("rate", 50), arguments.Number("clients", 1024), arguments.Number("writers", 16), arguments.Number("max-batch", 256));
    }
}
