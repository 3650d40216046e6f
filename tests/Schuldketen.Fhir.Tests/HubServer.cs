using System.Collections.Concurrent;
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
using Schuldketen.Workflows.Store;

namespace Schuldketen.Fhir.Tests;

/// <summary>
/// The real hub on Kestrel at a free loopback port, on a fresh database of the given provider,
/// with every log line it writes kept for inspection and a fake clock the test can move.
/// </summary>
public sealed class HubServer : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";

    public const string Municipality = "00000001001234567000";
    public const string Counsellor = "00000001009876543000";
    public const string OtherCounsellor = "00000001004444444000";
    public const string Landlord = "00000001005555555000";
    public const string EnergySupplier = "00000001006666666000";
    public const string Court = "00000001001111111000";
    public const string Administrator = "00000001002222222000";
    public const string GeneralPractice = "00000001003333333000";
    public const string OtherMunicipality = "00000001007777777000";
    public const string OtherPractice = "00000001008888888000";
    public const string ThirdMunicipality = "00000001006060606000";

    /// <summary>
    /// Referral routing of every test hub: postcodes 3500-3599 to <see cref="Municipality"/>, 1000-1099 to
    /// <see cref="ThirdMunicipality"/>; the GP practice's default is <see cref="OtherMunicipality"/>, the other practice has none.
    /// </summary>
    private static readonly Dictionary<string, string?> Routing = new()
    {
        ["Schuldketen:Referrals:PostcodeRanges:0:From"] = "3500",
        ["Schuldketen:Referrals:PostcodeRanges:0:To"] = "3599",
        ["Schuldketen:Referrals:PostcodeRanges:0:Municipality"] = Municipality,
        ["Schuldketen:Referrals:PostcodeRanges:1:From"] = "1000",
        ["Schuldketen:Referrals:PostcodeRanges:1:To"] = "1099",
        ["Schuldketen:Referrals:PostcodeRanges:1:Municipality"] = ThirdMunicipality,
        [$"Schuldketen:Referrals:DefaultMunicipalities:{GeneralPractice}"] = OtherMunicipality,
    };

    private readonly WebApplication app;
    private readonly LogCapture logs;

    private HubServer(WebApplication app, LogCapture logs, FakeTimeProvider clock, Uri address)
    {
        this.app = app;
        this.logs = logs;
        Clock = clock;
        Address = address;
    }

    public static TheoryData<string> Providers => new(Sqlite, PostgreSql);

    public Uri Address { get; }

    /// <summary>Monday 2 March 2026, 10:00 in the Netherlands, unless a test moves it.</summary>
    public FakeTimeProvider Clock { get; }

    public TrajectoryStore Store => app.Services.GetRequiredService<TrajectoryStore>();

    public T Service<T>()
        where T : notnull => app.Services.GetRequiredService<T>();

    /// <summary>Every line the hub logged, with exceptions, as text.</summary>
    public IReadOnlyList<string> LogLines => logs.Lines.ToList();

    public static async Task<HubServer> StartAsync(string provider, IDictionary<string, string?>? settings = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Schuldketen:DataDirectory"] = Path.Combine(Path.GetTempPath(), "schuldketen-fhir-tests", Guid.NewGuid().ToString("N")),
            ["Schuldketen:DemoData"] = "false",
            ["Schuldketen:TimerInterval"] = "01:00:00",
            ["Logging:LogLevel:Default"] = "Information",
        };
        foreach (var (key, value) in Routing)
        {
            configuration[key] = value;
        }

        if (provider == PostgreSql)
        {
            var server = Environment.GetEnvironmentVariable("SCHULDKETEN_TEST_POSTGRES");
            Assert.False(string.IsNullOrWhiteSpace(server),
                "SCHULDKETEN_TEST_POSTGRES is not set: run the suite with ./infra/test.sh, which starts PostgreSQL and sets it.");
            configuration["Schuldketen:Postgres"] = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = $"fhir{Guid.NewGuid():N}" }.ConnectionString;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var logs = new LogCapture();
        var app = HubHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Services.AddSingleton<TimeProvider>(clock);
            builder.Logging.AddProvider(logs);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new HubServer(app, logs, clock, new Uri(address));
    }

    public string TokenFor(string organisation, PartnerRole role, string? person = null) =>
        app.Services.GetRequiredService<EmbeddedTokenIssuer>().Issue(organisation, role, person);

    /// <summary>A client that calls as <paramref name="organisation"/> in <paramref name="role"/>; without a role, anonymously.</summary>
    public HttpClient Client(string? organisation = null, PartnerRole? role = null, string? person = null)
    {
        var client = new HttpClient { BaseAddress = Address };
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
    }

    private sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
