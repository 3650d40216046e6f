using Schuldketen.Workflows.Delivery;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Workflows.Bus;

/// <summary>
/// Publishes committed outbox rows to the bus topic, at least once and per trajectory in sequence
/// order: a round sends in waves, the oldest unpublished event of every trajectory at once, then the
/// next; a trajectory whose event the broker did not accept waits for the next round. Rows are
/// marked published only after the broker accepted them, so a crash in between sends them again.
/// </summary>
public sealed class BusRelay(BusOutbox outbox, IBusTopic topic, HubIdentity hub, TimeProvider time, RelaySettings settings)
{
    private const int BatchSize = 2000;

    public string Owner { get; } = settings.Owner;

    public async Task<PublishRound> RunOnceAsync(CancellationToken cancellationToken)
    {
        var shards = await outbox.Leases.LeaseAsync(Owner, time.GetUtcNow(), settings.Lease, settings.MaxShards, cancellationToken);
        if (shards.Count == 0)
        {
            return PublishRound.Idle;
        }

        var pending = await outbox.PendingAsync(shards, BatchSize, cancellationToken);
        var lines = pending.GroupBy(row => row.Event.TrajectoryId).Select(trajectory => new Queue<PendingPublication>(trajectory)).ToList();
        var published = new List<long>(pending.Count);
        Exception? failure = null;
        while (lines.Count > 0)
        {
            var wave = lines.Select(line => line.Peek()).ToList();
            var outcomes = await Task.WhenAll(wave.Select(row => PublishAsync(row, cancellationToken)));
            for (var index = lines.Count - 1; index >= 0; index--)
            {
                if (outcomes[index] is { } error)
                {
                    failure ??= error;
                    lines.RemoveAt(index);
                    continue;
                }

                published.Add(lines[index].Dequeue().Event.Id);
                if (lines[index].Count == 0)
                {
                    lines.RemoveAt(index);
                }
            }
        }

        await outbox.MarkPublishedAsync(published, time.GetUtcNow(), CancellationToken.None);
        return new PublishRound(published.Count, pending.Count - published.Count, failure);
    }

    public Task ReleaseAsync(CancellationToken cancellationToken) => outbox.Leases.ReleaseAsync(Owner, cancellationToken);

    /// <summary>Sends the event to each of its recipients; null when the broker accepted all, else what went wrong.</summary>
    private async Task<Exception?> PublishAsync(PendingPublication row, CancellationToken cancellationToken)
    {
        var cloudEvent = row.Event.ToCloudEvent(hub);
        try
        {
            await Task.WhenAll(row.Recipients.Select(recipient => topic.PublishAsync(new BusMessage(recipient, row.Event.Audience, cloudEvent), cancellationToken)));
            return null;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            return error;
        }
    }
}

/// <summary>What a round did: events published, events left for the next round, and the first error if the broker failed.</summary>
public sealed record PublishRound(int Published, int Left, Exception? Failure)
{
    public static readonly PublishRound Idle = new(0, 0, null);
}
