namespace Schuldketen.Bench;

/// <summary>The load driver's knobs, from <c>--name value</c> pairs.</summary>
internal sealed record BenchOptions(string[] Providers, string? Postgres, int Connections, int Trajectories, int Clients, int HttpClients)
{
    public static BenchOptions Parse(string[] args)
    {
        var arguments = new BenchArguments(args);
        var postgres = arguments.Postgres;
        var providers = arguments.Text("provider") is { } one ? [one] : postgres is null ? new[] { "sqlite" } : ["sqlite", "postgresql"];
        var clients = arguments.Number("clients", 512);
        return new BenchOptions(
            providers, postgres, arguments.Number("connections", 8), arguments.Number("trajectories", 5000), clients, arguments.Number("http-clients", clients));
    }
}
