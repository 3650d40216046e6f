using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Schuldketen.Bench;

/// <summary>A partner's webhook endpoint on loopback: notes when each (trajectory, sequence) first arrived, and answers 204.</summary>
internal sealed class WebhookReceiverApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookReceiverApp(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public ConcurrentDictionary<(string Trajectory, long Sequence), long> Arrivals { get; } = new();

    public static async Task<WebhookReceiverApp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiverApp? receiver = null;
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            var arrived = Stopwatch.GetTimestamp();
            using var body = await JsonDocument.ParseAsync(request.Body);
            var subject = body.RootElement.GetProperty("subject").GetString()!;
            var sequence = long.Parse(body.RootElement.GetProperty("sequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            receiver!.Arrivals.TryAdd((subject, sequence), arrived);
            return Results.NoContent();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver = new WebhookReceiverApp(app, new Uri(address));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
