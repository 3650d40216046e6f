using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Schuldketen.Functions.Hosting;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Browser.Tests;

/// <summary>
/// The real hub on Kestrel at a free loopback port with its demo data, seeded on a fresh SQLite
/// database relative to a fake clock: Monday 2 March 2026, 10:00 in the Netherlands.
/// </summary>
public sealed class PortalHub : IAsyncDisposable
{
    public static readonly TimeSpan NoticeInterval = TimeSpan.FromSeconds(1);

    private readonly WebApplication app;

    private PortalHub(WebApplication app, FakeTimeProvider clock, Uri address)
    {
        this.app = app;
        Clock = clock;
        Address = address;
    }

    public Uri Address { get; }

    public FakeTimeProvider Clock { get; }

    public TrajectoryStore Store => app.Services.GetRequiredService<TrajectoryStore>();

    public T Service<T>()
        where T : notnull => app.Services.GetRequiredService<T>();

    public static async Task<PortalHub> StartAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var app = HubHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = "http://127.0.0.1:0",
                ["Schuldketen:DataDirectory"] = Path.Combine(Path.GetTempPath(), "schuldketen-browser-tests", Guid.NewGuid().ToString("N")),
                ["Schuldketen:DemoData"] = "true",
                ["Schuldketen:TimerInterval"] = "01:00:00",
                ["Schuldketen:Portal:NoticeInterval"] = NoticeInterval.ToString(),
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.Services.AddSingleton<TimeProvider>(clock);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new PortalHub(app, clock, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
