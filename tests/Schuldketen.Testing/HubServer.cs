using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Schuldketen.Contracts;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Hosting;
using Schuldketen.Functions.Telemetry;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Testing;

/// <summary>
/// The real hub, built by <see cref="HubHost.Build"/>, on Kestrel at a free loopback port and a fresh database of
/// the given provider, with every log line it writes kept for inspection and a fake clock the test can move.
/// </summary>
public sealed class HubServer : IAsyncDisposable
{
    /// <summary>Monday 2 March 2026, 10:00 in the Netherlands: where the fake clock starts.</summary>
    public static readonly DateTimeOffset ClockStart = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly WebApplication app;
    private readonly LogCapture logs;
    private readonly FakeTimeProvider? clock;
    private readonly string? ownDataDirectory;

    private HubServer(WebApplication app, LogCapture logs, FakeTimeProvider? clock, StoreSettings database, string? ownDataDirectory)
    {
        this.app = app;
        this.logs = logs;
        this.clock = clock;
        this.ownDataDirectory = ownDataDirectory;
        Database = database;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public Uri Address { get; }

    /// <summary>The hub's clock, at <see cref="ClockStart"/> unless a test moves it.</summary>
    public FakeTimeProvider Clock => clock ?? throw new InvalidOperationException("This hub runs on the system clock, which no test can move.");

    /// <summary>The database the hub runs on.</summary>
    public StoreSettings Database { get; }

    public TrajectoryStore Store => app.Services.GetRequiredService<TrajectoryStore>();

    /// <summary>Every line the hub logged, with exceptions, as text.</summary>
    public IReadOnlyList<string> LogLines => logs.Lines;

    public T Service<T>()
        where T : notnull => app.Services.GetRequiredService<T>();

    public static Task<HubServer> StartAsync(string provider, IReadOnlyDictionary<string, string?>? settings = null) =>
        StartAsync(new HubStart(provider) { Settings = settings ?? new Dictionary<string, string?>() });

    public static async Task<HubServer> StartAsync(HubStart start)
    {
        var ownDataDirectory = start.Settings.ContainsKey("Schuldketen:DataDirectory")
            ? null
            : Path.Combine(Path.GetTempPath(), "schuldketen-tests", $"hub{Guid.NewGuid():N}");
        var configuration = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Schuldketen:DataDirectory"] = ownDataDirectory,
            ["Schuldketen:DemoData"] = "false",
            ["Logging:LogLevel:Default"] = "Information",
        };
        var clock = start.SystemClock ? null : new FakeTimeProvider(ClockStart);
        if (clock is not null)
        {
            // Deadlines fire only when a test moves the fake clock an hour or more.
            configuration["Schuldketen:TimerInterval"] = "01:00:00";
        }

        if (start.Provider == TestDatabase.PostgreSql)
        {
            configuration["Schuldketen:Postgres"] = new Npgsql.NpgsqlConnectionStringBuilder(start.PostgresServer ?? TestDatabase.PostgresServer)
            {
                Database = $"hub{Guid.NewGuid():N}",
            }.ConnectionString;
        }

        if (start.Telemetry is not null)
        {
            configuration[TelemetryServices.EnabledSetting] = "true";
        }

        foreach (var (key, value) in start.Settings)
        {
            configuration[key] = value;
        }

        var database = configuration.GetValueOrDefault("Schuldketen:Postgres") is { } postgres
            ? StoreSettings.PostgreSql(postgres)
            : StoreSettings.EmbeddedDefault(configuration["Schuldketen:DataDirectory"]);
        var logs = new LogCapture();
        var app = HubHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Logging.AddProvider(logs);
            start.Telemetry?.AddTo(builder.Services);
            start.Services?.Invoke(builder.Services);
            if (clock is not null)
            {
                builder.Services.AddSingleton<TimeProvider>(clock);
            }
        });
        await app.StartAsync();
        return new HubServer(app, logs, clock, database, ownDataDirectory);
    }

    public string TokenFor(string organisation, PartnerRole role, string? person = null) =>
        app.Services.GetRequiredService<EmbeddedTokenIssuer>().Issue(organisation, role, person);

    /// <summary>
    /// A client that calls as <paramref name="organisation"/> in <paramref name="role"/>; without a role, anonymously.
    /// <paramref name="handler"/> replaces the default one, e.g. to size the connection pool.
    /// </summary>
    public HttpClient Client(string? organisation = null, PartnerRole? role = null, string? person = null, HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = Address;
        if (organisation is not null && role is { } value)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(organisation, value, person));
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (ownDataDirectory is not null && Directory.Exists(ownDataDirectory))
        {
            Directory.Delete(ownDataDirectory, recursive: true);
        }
    }
}
