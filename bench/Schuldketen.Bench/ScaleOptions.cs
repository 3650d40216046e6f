using System.Globalization;

namespace Schuldketen.Bench;

/// <summary>The scale bench's knobs, from <c>--name value</c> pairs.</summary>
internal sealed record ScaleOptions(
    string[] Providers, string? Postgres, int Trajectories, int Seconds, int RatePerSecond, int Clients, int Writers, int MaxBatch)
{
    public static ScaleOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Number(string name, int fallback) =>
            values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        var postgres = values.GetValueOrDefault("postgres") ?? Environment.GetEnvironmentVariable("SCHULDKETEN_BENCH_POSTGRES");
        var providers = values.GetValueOrDefault("providers")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        ?? ["postgresql"];
        return new ScaleOptions(providers, postgres, Number("trajectories", 100_000), Number("seconds", 30), Number("rate", 50),
            Number("clients", 1024), Number("writers", 16), Number("max-batch", 256));
    }
}
