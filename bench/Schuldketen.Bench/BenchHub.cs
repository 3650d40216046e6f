using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Schuldketen.Contracts;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Hosting;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Bench;

/// <summary>
/// The real hub in this process, on Kestrel at a free loopback port and a fresh database, with
/// the rate limit raised out of the way and only warnings logged.
/// </summary>
internal sealed class BenchHub : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string dataDirectory;

    private BenchHub(WebApplication app, string dataDirectory, Uri address, int writers)
    {
        this.app = app;
        this.dataDirectory = dataDirectory;
        Address = address;
        Writers = writers;
    }

    public Uri Address { get; }

    /// <summary>The store's writer connections, as the hub configures them for its provider.</summary>
    public int Writers { get; }

    public static async Task<BenchHub> StartAsync(string provider, string? postgres, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "schuldketen-bench", $"hub{Guid.NewGuid():N}");
        var configuration = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Schuldketen:DataDirectory"] = dataDirectory,
            ["Schuldketen:DemoData"] = "false",
            ["Schuldketen:Limits:RequestsPerWindow"] = int.MaxValue.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var settings = StoreSettings.EmbeddedDefault(dataDirectory);
        if (provider != "sqlite")
        {
            var server = postgres ?? throw new ArgumentException("PostgreSQL needs --postgres or SCHULDKETEN_BENCH_POSTGRES.");
            var database = configuration.GetValueOrDefault("Schuldketen:Postgres")
                           ?? new NpgsqlConnectionStringBuilder(server) { Database = $"hub{Guid.NewGuid():N}" }.ConnectionString;
            configuration["Schuldketen:Postgres"] = database;
            settings = StoreSettings.PostgreSql(database);
        }

        var app = HubHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Single()
                      ?? throw new InvalidOperationException("Kestrel did not say which port it listens on.");
        return new BenchHub(app, dataDirectory, new Uri(address), settings.Writers);
    }

    /// <summary>A keep-alive client that calls as the organisation in the role, over at most <paramref name="connections"/> connections.</summary>
    public HttpClient Client(string organisation, PartnerRole role, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
        };
        var token = app.Services.GetRequiredService<EmbeddedTokenIssuer>().Issue(organisation, role);
        var client = new HttpClient(handler) { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
