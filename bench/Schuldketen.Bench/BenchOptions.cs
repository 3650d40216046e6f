using System.Globalization;

namespace Schuldketen.Bench;

/// <summary>The load driver's knobs, from <c>--name value</c> pairs.</summary>
internal sealed record BenchOptions(string[] Providers, string? Postgres, int Connections, int Trajectories, int Clients, int HttpClients)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Number(string name, int fallback) =>
            values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        var postgres = values.GetValueOrDefault("postgres") ?? Environment.GetEnvironmentVariable("SCHULDKETEN_BENCH_POSTGRES");
        var providers = values.GetValueOrDefault("provider") is { } one ? [one] : postgres is null ? new[] { "sqlite" } : ["sqlite", "postgresql"];
        var clients = Number("clients", 512);
        return new BenchOptions(providers, postgres, Number("connections", 8), Number("trajectories", 5000), clients, Number("http-clients", clients));
    }
}
