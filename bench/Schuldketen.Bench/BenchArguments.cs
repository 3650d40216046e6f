using System.Globalization;

namespace Schuldketen.Bench;

/// <summary>A bench's <c>--name value</c> pairs, and the PostgreSQL server from <c>--postgres</c> or <c>SCHULDKETEN_BENCH_POSTGRES</c>.</summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public BenchArguments(string[] args)
    {
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
    }

    public string? Postgres => Text("postgres") ?? Environment.GetEnvironmentVariable("SCHULDKETEN_BENCH_POSTGRES");

    public string? Text(string name) => values.GetValueOrDefault(name);

    public int Number(string name, int fallback) => values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
