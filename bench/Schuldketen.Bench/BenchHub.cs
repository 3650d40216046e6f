using System.Globalization;
using Schuldketen.Contracts;

namespace Schuldketen.Bench;

/// <summary>
/// The shared test hub as the load drivers run it: in this process, on the real clock and a fresh database,
/// with the rate limit raised out of the way and only warnings logged.
/// </summary>
internal static class BenchHub
{
    public static Task<HubServer> StartAsync(string provider, string? postgres, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Schuldketen:Limits:RequestsPerWindow"] = int.MaxValue.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        if (provider != TestDatabase.Sqlite && postgres is null)
        {
            throw new ArgumentException("PostgreSQL needs --postgres or SCHULDKETEN_BENCH_POSTGRES.");
        }

        return HubServer.StartAsync(new HubStart(provider) { Settings = settings, PostgresServer = postgres, SystemClock = true });
    }

    /// <summary>A keep-alive client that calls as the organisation in the role, over at most <paramref name="connections"/> connections.</summary>
    public static HttpClient Client(HubServer hub, string organisation, PartnerRole role, int connections)
    {
        var client = hub.Client(organisation, role, handler: new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
        });
        client.Timeout = TimeSpan.FromMinutes(2);
        return client;
    }
}
