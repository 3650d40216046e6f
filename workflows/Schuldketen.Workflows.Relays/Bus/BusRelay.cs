using System.Collections.Concurrent;
using System.Diagnostics;
using Schuldketen.Workflows.Relays.Webhooks;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Telemetry;

namespace Schuldketen.Workflows.Relays.Bus;

/// <summary>
/// Publishes committed outbox rows to the bus topic, at least once and per trajectory in sequence
/// order: in a round every trajectory sends its events one after another, each once the broker
/// accepted the one before, all trajectories at once; a trajectory whose event the broker did not
/// accept waits for the next round. Rows are marked published only after the broker accepted
/// them, so a crash in between sends them again.
/// </summary>
public sealed class BusRelay(BusOutbox outbox, IBusTopic topic, HubIdentity hub, TimeProvider time, RelaySettings settings)
{
    private const int BatchSize = 5000;

    private readonly HeldShards held = new(outbox.Leases, settings.Owner, time, settings);

    public string Owner { get; } = settings.Owner;

    /// <summary>How many of the shards this relay holds now.</summary>
    public int ShardsHeld => held.Count;

    public async Task<PublishRound> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var activity = HubTelemetry.Source.StartActivity(HubTelemetry.Spans.BusRound);
        var round = await RunRoundAsync(cancellationToken);
        HubTelemetry.DropIfIdle(activity, round.Published + round.Left);
        if (round.Failure is not null)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        return round;
    }

    private async Task<PublishRound> RunRoundAsync(CancellationToken cancellationToken)
    {
        var shards = await held.CurrentAsync(cancellationToken);
        if (shards.Count == 0)
        {
            return PublishRound.Idle;
        }

        var readAt = time.GetUtcNow();
        var pending = await outbox.PendingAsync(Owner, shards, readAt, BatchSize, cancellationToken);
        var published = new ConcurrentBag<Published>();
        var failures = new ConcurrentQueue<Exception>();

        // A broker that stops answering without closing the connection ends the round; what it did not accept goes again.
        using var round = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        round.CancelAfter(settings.Timeout * 3);
        await Task.WhenAll(pending.GroupBy(row => row.Event.TrajectoryId).Select(async trajectory =>
        {
            foreach (var row in trajectory)
            {
                var sentAt = time.GetUtcNow();
                if (await PublishAsync(row, round.Token) is { } error)
                {
                    failures.Enqueue(error);
                    return;
                }

                published.Add(new Published(row.Event.Id, sentAt));
            }
        }));

        await outbox.MarkPublishedAsync(published, readAt, time.GetUtcNow(), CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        return new PublishRound(published.Count, pending.Count - published.Count, failures.TryPeek(out var failure) ? failure : null);
    }

    public Task ReleaseAsync(CancellationToken cancellationToken) => held.ReleaseAsync(cancellationToken);

    /// <summary>Sends the event to each of its recipients; null when the broker accepted all, else what went wrong.</summary>
    private async Task<Exception?> PublishAsync(PendingPublication row, CancellationToken cancellationToken)
    {
        using var activity = HubTelemetry.StartInTraceOf(HubTelemetry.Spans.BusSend, ActivityKind.Producer, row.Event.TraceParent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(HubTelemetry.Tags.EventType, row.Event.EventType);
            activity.SetTag(HubTelemetry.Tags.Audience, row.Event.Audience);
            activity.SetTag(HubTelemetry.Tags.Count, row.Recipients.Count);
        }

        var cloudEvent = row.Event.ToCloudEvent(hub);
        try
        {
            await Task.WhenAll(row.Recipients.Select(recipient => topic.PublishAsync(new BusMessage(recipient, row.Event.Audience, cloudEvent), cancellationToken)));
            return null;
        }
        catch (Exception error)
        {
            // A refusal, a broken connection or the round's time running out: the row waits for the next round.
            HubTelemetry.Failed(HubTelemetry.Channels.Bus);
            activity?.SetStatus(ActivityStatusCode.Error);
            return error;
        }
    }
}

/// <summary>What a round did: events published, events left for the next round, and the first error if the broker failed.</summary>
public sealed record PublishRound(int Published, int Left, Exception? Failure)
{
    public static readonly PublishRound Idle = new(0, 0, null);
}
