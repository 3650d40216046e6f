using System.Diagnostics.Metrics;
using Schuldketen.Workflows.Relays;
using Schuldketen.Workflows.Relays.Bus;
using Schuldketen.Workflows.Relays.Webhooks;
using Schuldketen.Workflows.Store.Telemetry;

namespace Schuldketen.Functions.Telemetry;

/// <summary>
/// This host's gauges: the outbox backlog and its oldest event's age per channel, and the shards its relays hold.
/// The backlog is read from the database at most once per <see cref="ReadEvery"/>, however often an exporter collects.
/// </summary>
public sealed class OutboxGauges(IMeterFactory meters, OutboxBacklog backlog, WebhookRelay webhooks, BusRelay bus, ILogger<OutboxGauges> logger)
    : IHostedService
{
    public static readonly TimeSpan ReadEvery = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private (Backlog Webhook, Backlog Bus) last = (Backlog.Empty, Backlog.Empty);
    private long? readAt;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var meter = meters.Create(HubTelemetry.Name);
        meter.CreateObservableGauge("schuldketen.outbox.backlog", () => Measure(backlog => backlog.Count), "{event}",
            "Events waiting to leave the hub, per channel.");
        meter.CreateObservableGauge("schuldketen.outbox.oldest_age", () => Measure(backlog => backlog.OldestAge.TotalSeconds), "s",
            "How long the oldest waiting event has waited, per channel.");
        meter.CreateObservableGauge("schuldketen.shards.owned", () => new[]
            {
                new Measurement<int>(webhooks.ShardsHeld, new KeyValuePair<string, object?>(HubTelemetry.Tags.Channel, HubTelemetry.Channels.Webhook)),
                new Measurement<int>(bus.ShardsHeld, new KeyValuePair<string, object?>(HubTelemetry.Tags.Channel, HubTelemetry.Channels.Bus)),
            }, "{shard}", "Outbox shards this host's relays hold, per channel.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private Measurement<T>[] Measure<T>(Func<Backlog, T> value)
        where T : struct
    {
        var (webhook, published) = Read();
        return
        [
            new(value(webhook), new KeyValuePair<string, object?>(HubTelemetry.Tags.Channel, HubTelemetry.Channels.Webhook)),
            new(value(published), new KeyValuePair<string, object?>(HubTelemetry.Tags.Channel, HubTelemetry.Channels.Bus)),
        ];
    }

    /// <summary>The last read, read again when older than <see cref="ReadEvery"/>; a database out of reach keeps the last values.</summary>
    private (Backlog Webhook, Backlog Bus) Read()
    {
        lock (gate)
        {
            if (readAt is { } at && Environment.TickCount64 - at < ReadEvery.TotalMilliseconds)
            {
                return last;
            }

            readAt = Environment.TickCount64;
            try
            {
                using var timeout = new CancellationTokenSource(ReadTimeout);
                last = (backlog.WebhookAsync(timeout.Token).GetAwaiter().GetResult(), backlog.BusAsync(timeout.Token).GetAwaiter().GetResult());
            }
            catch (Exception error) when (error is System.Data.Common.DbException or TimeoutException or OperationCanceledException)
            {
                logger.LogWarning("The outbox backlog could not be read: {Reason}", error.GetType().Name);
            }

            return last;
        }
    }
}
