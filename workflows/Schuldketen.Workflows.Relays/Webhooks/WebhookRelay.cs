using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Schuldketen.Contracts.CloudEvents;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Telemetry;

namespace Schuldketen.Workflows.Relays.Webhooks;

/// <summary>
/// The outbox relay and the webhook sender in one round: turn the held shards' committed outbox rows
/// into deliveries, and POST each due delivery as a signed CloudEvent of the audience's projection.
/// Per subscription and trajectory the undelivered events go out one at a time, oldest first, so a
/// receiver sees each trajectory's events in sequence order.
/// </summary>
public sealed class WebhookRelay(
    DeliveryStore deliveries, HubIdentity hub, HttpClient http, RetrySchedule retries, TimeProvider time, RelaySettings settings)
{
    private const int BatchSize = 1000;

    private readonly HeldShards held = new(deliveries.Leases, settings.Owner, time, settings);

    /// <summary>The outcomes of the round before, written in the next round's transaction (or when the relay stops).</summary>
    private RoundOutcomes? unrecorded;

    public string Owner { get; } = settings.Owner;

    /// <summary>How many of the shards this relay holds now.</summary>
    public int ShardsHeld => held.Count;

    /// <summary>
    /// One round; returns how many outbox rows and deliveries it handled, so the caller can go again at
    /// once (and the next round writes this one's outcomes). The claimed deliveries of one subscription
    /// and trajectory go out one after another in sequence order, each after the one before was
    /// delivered; the runs go out side by side.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var activity = HubTelemetry.Source.StartActivity(HubTelemetry.Spans.WebhookRound);
        var worked = await RunRoundAsync(cancellationToken);
        HubTelemetry.DropIfIdle(activity, worked);
        return worked;
    }

    private async Task<int> RunRoundAsync(CancellationToken cancellationToken)
    {
        var shards = await held.CurrentAsync(cancellationToken);
        if (shards.Count == 0)
        {
            await FlushAsync();
            return 0;
        }

        var round = await deliveries.TakeAsync(Owner, shards, time, settings.Timeout + settings.Lease, BatchSize, unrecorded, cancellationToken);
        unrecorded = null;
        var outcomes = new ConcurrentBag<DeliveryOutcome>();
        var untried = new ConcurrentBag<long>();
        var runs = round.Due.GroupBy(due => (due.Delivery.SubscriptionId, due.Delivery.TrajectoryId));
        await Parallel.ForEachAsync(runs, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallel, CancellationToken = cancellationToken },
            async (run, token) =>
            {
                var delivered = true;
                foreach (var due in run)
                {
                    if (!delivered)
                    {
                        untried.Add(due.Delivery.Id);
                        continue;
                    }

                    var outcome = await SendAsync(due, token);
                    outcomes.Add(outcome);
                    delivered = outcome.Status == DeliveryStatus.Delivered;
                }
            });

        // On SQLite every commit is a disk flush: the outcomes go with the next round's transaction.
        unrecorded = outcomes.IsEmpty && untried.IsEmpty ? null : new RoundOutcomes(outcomes.ToList(), untried.ToList(), time.GetUtcNow());
        var gone = outcomes.Where(outcome => outcome.Gone).Select(outcome => outcome.SubscriptionId).Distinct().ToList();
        if (gone.Count > 0)
        {
            await FlushAsync();
            foreach (var subscription in gone)
            {
                await deliveries.EndAsync(subscription, null, "The receiver answered 410 Gone: the subscription has ended.", time.GetUtcNow(), CancellationToken.None);
            }
        }

        return round.Dispatched + round.Due.Count;
    }

    /// <summary>Writes what the last round did and gives up this relay's shards (when the host stops), so the other hosts take them at once.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        await FlushAsync();
        await held.ReleaseAsync(cancellationToken);
    }

    private async Task FlushAsync()
    {
        if (unrecorded is { } round)
        {
            await deliveries.RecordAsync(round);
            unrecorded = null;
        }
    }

    /// <summary>One attempt, as a span in the event's own trace (from its stored traceparent).</summary>
    private async Task<DeliveryOutcome> SendAsync(DueDelivery due, CancellationToken cancellationToken)
    {
        using var activity = HubTelemetry.StartInTraceOf(HubTelemetry.Spans.WebhookSend, ActivityKind.Producer, due.TraceParent);
        var delivery = due.Delivery;
        var body = new OutboxEvent(delivery.OutboxId, delivery.TrajectoryId, delivery.Sequence, due.Audience, due.EventType, due.Payload, due.TraceParent,
            due.OccurredAt).ToCloudEvent(hub).ToJson();
        var messageId = $"msg_{delivery.Id}";
        var attemptedAt = time.GetUtcNow();
        var timestamp = attemptedAt.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, due.CallbackUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, CloudEventEnvelope.MediaType),
        };
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(due.Secret, messageId, timestamp, body));

        int? status = null;
        string? error;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.Timeout);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return Observed(activity, due, new DeliveryOutcome(delivery.Id, delivery.SubscriptionId, DeliveryStatus.Delivered, delivery.Attempts + 1, null, status, null, attemptedAt));
            }

            if (response.StatusCode == HttpStatusCode.Gone)
            {
                return Observed(activity, due, new DeliveryOutcome(delivery.Id, delivery.SubscriptionId, DeliveryStatus.Failed, delivery.Attempts + 1, null, status,
                    "The receiver answered 410 Gone: the subscription has ended.", attemptedAt, Gone: true));
            }

            error = $"The receiver answered {status} {response.ReasonPhrase}.";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            error = exception is TaskCanceledException ? $"No answer within {settings.Timeout.TotalSeconds:0} seconds." : exception.Message;
        }

        var attempts = delivery.Attempts + 1;
        var next = retries.Next(attempts, delivery.CreatedAt, time.GetUtcNow());
        return Observed(activity, due, new DeliveryOutcome(delivery.Id, delivery.SubscriptionId, next is null ? DeliveryStatus.Failed : DeliveryStatus.Pending, attempts, next, status,
            next is null ? $"Given up after {attempts} attempts over {RetrySchedule.GiveUpAfter.TotalHours:0} hours. {error}" : error, attemptedAt));
    }

    /// <summary>Counts a failed attempt (and a given-up delivery) and describes the attempt on its span.</summary>
    private static DeliveryOutcome Observed(Activity? activity, DueDelivery due, DeliveryOutcome outcome)
    {
        if (outcome.Status != DeliveryStatus.Delivered)
        {
            HubTelemetry.Failed(HubTelemetry.Channels.Webhook);
            activity?.SetStatus(ActivityStatusCode.Error);
            if (outcome.Status == DeliveryStatus.Failed && !outcome.Gone)
            {
                HubTelemetry.DeadLettered(HubTelemetry.Channels.Webhook);
            }
        }

        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(HubTelemetry.Tags.EventType, due.EventType);
            activity.SetTag(HubTelemetry.Tags.Audience, due.Audience);
            activity.SetTag(HubTelemetry.Tags.Status, outcome.Status.ToString());
        }

        return outcome;
    }
}

/// <summary>What became of one attempt begun at <paramref name="AttemptedAt"/>: the delivery's new state, and whether the receiver said the subscription is gone.</summary>
public sealed record DeliveryOutcome(
    long Id, string SubscriptionId, DeliveryStatus Status, int Attempts, DateTimeOffset? NextAttemptAt, int? LastStatus, string? LastError,
    DateTimeOffset AttemptedAt, bool Gone = false);

/// <summary>
/// How a relay works: its owner name (unique per process), how long a shard lease lasts, how many shards at
/// most (it takes fewer when other hosts share them), and its limits (<see cref="Parallel"/>: runs sent side by side).
/// </summary>
public sealed record RelaySettings(string Owner)
{
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(15);

    public int MaxShards { get; init; } = Shards.Count;

    public int Parallel { get; init; } = 64;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
}
