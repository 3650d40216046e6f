using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Schuldketen.Api.Tests;

/// <summary>
/// A partner's webhook endpoint: a real HTTP server on a free loopback port that keeps every request
/// it gets, checks its Standard Webhooks signature with its own code (not the hub's), and answers
/// with the statuses the test scripts, else with <see cref="DefaultStatus"/>.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const string SecretPrefix = "whsec_";

    private readonly WebApplication app;
    private readonly TimeProvider clock;
    private readonly Queue<int> script = new();
    private readonly List<ReceivedWebhook> received = [];
    private readonly Lock gate = new();
    private string? secret;
    private int defaultStatus = StatusCodes.Status204NoContent;

    private WebhookReceiver(WebApplication app, TimeProvider clock)
    {
        this.app = app;
        this.clock = clock;
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

    /// <summary>
    /// Starts a receiver. <paramref name="clock"/> stamps each request with the time it arrived by that
    /// clock as well, e.g. the hub's fake clock, so a test can tell at which moment of the hub it came.
    /// </summary>
    public static async Task<WebhookReceiver> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, clock ?? TimeProvider.System);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
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
    /// Waits until the requests so far meet <paramref name="condition"/>; fails after the deadline, saying
    /// what it waited for, how many requests came, and what <paramref name="context"/> adds then.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(
        Func<IReadOnlyList<ReceivedWebhook>, bool> condition, string what, Func<string>? context = null, TimeSpan? timeout = null)
    {
        await Poll.UntilAsync(() => Task.FromResult(condition(Requests)), () => $"{what}; the receiver has {Requests.Count} request(s){context?.Invoke()}", timeout);
        return Requests;
    }

    /// <summary>
    /// The Standard Webhooks check: <c>webhook-signature</c> holds, among space-separated candidates, a
    /// <c>v1,</c> signature that is the base64 HMAC-SHA256 of <c>id.timestamp.body</c> (the raw body
    /// bytes) under the key the secret carries after <c>whsec_</c>.
    /// </summary>
    public static bool SignatureIsValid(string? secret, string? id, string? timestamp, string? signature, byte[] body)
    {
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal)
            || string.IsNullOrEmpty(id) || !long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var key = new byte[secret.Length];
        if (!Convert.TryFromBase64String(secret[SecretPrefix.Length..], key, out var keyLength) || keyLength == 0)
        {
            return false;
        }

        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        var expected = HMACSHA256.HashData(key.AsSpan(0, keyLength), signed);
        foreach (var candidate in signature.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var mac = new byte[candidate.Length];
            if (candidate.Split(',', 2) is ["v1", var encoded]
                && Convert.TryFromBase64String(encoded, mac, out var macLength)
                && CryptographicOperations.FixedTimeEquals(expected, mac.AsSpan(0, macLength)))
            {
                return true;
            }
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var valid = SignatureIsValid(Secret, headers.GetValueOrDefault("webhook-id"), headers.GetValueOrDefault("webhook-timestamp"),
            headers.GetValueOrDefault("webhook-signature"), body);
        int status;
        lock (gate)
        {
            status = script.TryDequeue(out var scripted) ? scripted : DefaultStatus;
            received.Add(new ReceivedWebhook(context.Request.Method, context.Request.Path, headers, Encoding.UTF8.GetString(body),
                DateTimeOffset.UtcNow, clock.GetUtcNow(), valid, status));
        }

        context.Response.StatusCode = status;
    }
}

/// <summary>One request as the receiver got it, with the status it answered.</summary>
public sealed record ReceivedWebhook(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ArrivedAt,
    DateTimeOffset ClockAt,
    bool SignatureValid,
    int Status)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);

    /// <summary>The body as JSON: a structured CloudEvent when the hub sends it.</summary>
    public JsonElement CloudEvent => JsonSerializer.Deserialize<JsonElement>(Body);

    public string CloudEventId => CloudEvent.GetProperty("id").GetString()!;

    public string Subject => CloudEvent.GetProperty("subject").GetString()!;

    public long Sequence => long.Parse(CloudEvent.GetProperty("sequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Waiting for a condition: asks it again every few milliseconds until it holds or the deadline passes.</summary>
internal static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    public static async Task UntilAsync(Func<Task<bool>> condition, Func<string> what, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {(timeout ?? DefaultTimeout).TotalSeconds:0} s waiting for: {what()}");
            }

            await Task.Delay(Interval);
        }
    }
}
