using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Schuldketen.Testing;

/// <summary>
/// A partner's webhook endpoint: a real HTTP server on a free loopback port that keeps every request it gets,
/// checks its Standard Webhooks signature with <see cref="StandardWebhooks"/>, and answers with the statuses the
/// test scripts, else with <see cref="DefaultStatus"/>.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TimeProvider clock;
    private readonly TimeSpan processingTime;
    private readonly Queue<int> script = new();
    private readonly List<ReceivedWebhook> received = [];
    private readonly Lock gate = new();
    private string? secret;
    private int defaultStatus = StatusCodes.Status204NoContent;
    private int inFlight;

    private WebhookReceiver(WebApplication app, TimeProvider clock, TimeSpan processingTime)
    {
        this.app = app;
        this.clock = clock;
        this.processingTime = processingTime;
    }

    /// <summary>Where the hub should POST: the server's address with the path <c>/webhook</c>.</summary>
    public Uri Url => new(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()), "/webhook");

    /// <summary>The subscription's secret (<c>whsec_</c> and a base64 key); until it is set no signature is valid.</summary>
    public string? Secret
    {
        get => Volatile.Read(ref secret);
        set => Volatile.Write(ref secret, value);
    }

    /// <summary>The status for every request no scripted status is left for.</summary>
    public int DefaultStatus
    {
        get => Volatile.Read(ref defaultStatus);
        set => Volatile.Write(ref defaultStatus, value);
    }

    /// <summary>Requests being handled right now.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    public int Count
    {
        get
        {
            lock (gate)
            {
                return received.Count;
            }
        }
    }

    /// <summary>Every request so far, in order of arrival.</summary>
    public IReadOnlyList<ReceivedWebhook> Requests
    {
        get
        {
            lock (gate)
            {
                return received.ToList();
            }
        }
    }

    /// <summary>The CloudEvent of every request that carried one, in order of arrival.</summary>
    public IReadOnlyList<Arrival> Arrivals => Requests.Select(request => request.Arrival).OfType<Arrival>().ToList();

    /// <summary>
    /// Starts a receiver. <paramref name="clock"/> stamps each request with the time it arrived by that clock as well,
    /// e.g. the hub's fake clock, so a test can tell at which moment of the hub it came. <paramref name="processingTime"/>
    /// is how long the partner works on each request before it answers: the window in which a duplicate would overlap.
    /// </summary>
    public static async Task<WebhookReceiver> StartAsync(TimeProvider? clock = null, TimeSpan processingTime = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, clock ?? TimeProvider.System, processingTime);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>
    /// Subscribes this receiver through the hub's API, as the organisation <paramref name="client"/> calls as, to
    /// <paramref name="eventTypes"/> (all when none), demanding 201; keeps the secret and returns the subscription's id.
    /// </summary>
    public async Task<string> SubscribeAsync(HttpClient client, IReadOnlyList<string>? eventTypes = null)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/subscriptions", new { callbackUrl = Url.ToString(), eventTypes });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Subscribing {Url} answered {(int)response.StatusCode}, not 201: {body}");
        using var subscription = JsonDocument.Parse(body);
        Secret = subscription.RootElement.GetProperty("secret").GetString();
        return subscription.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Answers the next requests with these statuses, in this order.</summary>
    public void Answer(params int[] statuses)
    {
        lock (gate)
        {
            foreach (var status in statuses)
            {
                script.Enqueue(status);
            }
        }
    }

    /// <summary>
    /// Waits until the requests so far meet <paramref name="condition"/>; fails after the timeout, saying what it waited
    /// for, how many requests came, and what <paramref name="state"/> adds then.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(
        Func<IReadOnlyList<ReceivedWebhook>, bool> condition, string what, Func<string>? state = null, TimeSpan? timeout = null)
    {
        await Poll.UntilAsync(() => condition(Requests), what, timeout,
            () => $"the receiver has {Count} request(s){(state is null ? "" : "; " + state())}");
        return Requests;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var began = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref inFlight);
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var body = buffer.ToArray();
            var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var valid = StandardWebhooks.SignatureIsValid(Secret, headers.GetValueOrDefault("webhook-id"), headers.GetValueOrDefault("webhook-timestamp"),
                headers.GetValueOrDefault("webhook-signature"), body);
            var text = Encoding.UTF8.GetString(body);
            var arrival = ReceivedWebhook.ArrivalOf(text);
            if (processingTime > TimeSpan.Zero)
            {
                await Task.Delay(processingTime);
            }

            int status;
            lock (gate)
            {
                status = script.TryDequeue(out var scripted) ? scripted : DefaultStatus;
                received.Add(new ReceivedWebhook(context.Request.Method, context.Request.Path, headers, text,
                    began, Stopwatch.GetTimestamp(), clock.GetUtcNow(), valid, status, arrival));
            }

            context.Response.StatusCode = status;
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }
}
