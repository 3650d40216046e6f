using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Schuldketen.Faults.Tests;

/// <summary>A partner's webhook endpoint on Kestrel at a free loopback port: keeps every event it gets, in order of arrival, and answers 204.</summary>
internal sealed class WebhookSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<Arrival> arrivals = new();
    private readonly WebApplication app;

    private WebhookSink(WebApplication app) => this.app = app;

    public int Count => arrivals.Count;

    public IReadOnlyList<Arrival> Arrivals => arrivals.ToList();

    private Uri Url => new(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()), "/webhook");

    /// <summary>Starts the endpoint and subscribes it, through the hub's API, to every event the organisation of <paramref name="client"/> hears.</summary>
    public static async Task<WebhookSink> SubscribeAsync(HttpClient client)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new WebhookSink(app);
        app.MapPost("/webhook", sink.ReceiveAsync);
        await app.StartAsync();
        using var response = await client.PostAsJsonAsync("/api/v1/subscriptions", new { callbackUrl = sink.Url.ToString() });
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"The subscription answered {(int)response.StatusCode}, not 201: {await response.Content.ReadAsStringAsync()}");
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var root = body.RootElement;
        arrivals.Enqueue(new Arrival(root.GetProperty("id").GetString()!, root.GetProperty("subject").GetString()!,
            long.Parse(root.GetProperty("sequence").GetString()!, CultureInfo.InvariantCulture)));
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
