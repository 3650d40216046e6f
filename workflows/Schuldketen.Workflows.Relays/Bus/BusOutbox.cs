using Dapper;
using Schuldketen.Workflows.Relays.Webhooks;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Workflows.Relays.Bus;

/// <summary>The outbox rows not yet published to the bus, shard by shard, and marking them published.</summary>
public sealed class BusOutbox(TrajectoryStore store)
{
    public ShardLeases Leases { get; } = ShardLeases.ForBus(store);

    public async Task<IReadOnlyList<PendingPublication>> PendingAsync(IReadOnlyList<long> shards, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var inShards = store.Provider == StoreProvider.PostgreSql ? "shard = ANY(@shards)" : "shard IN @shards";
        return (await connection.QueryAsync<PendingRow>(
                "SELECT id AS Id, trajectory_id AS TrajectoryId, sequence AS Sequence, audience AS Audience, event_type AS EventType, " +
                "payload AS Payload, trace_parent AS TraceParent, created_at AS CreatedAt, recipients AS Recipients " +
                $"FROM outbox WHERE published_at IS NULL AND {inShards} ORDER BY id LIMIT @limit",
                new { shards = shards.ToArray(), limit }))
            .Select(row => row.ToPending())
            .ToList();
    }

    public async Task MarkPublishedAsync(IReadOnlyCollection<long> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var inIds = store.Provider == StoreProvider.PostgreSql ? "id = ANY(@ids)" : "id IN @ids";
        await connection.ExecuteAsync($"UPDATE outbox SET published_at = @at WHERE {inIds}", new { ids = ids.ToArray(), at = now.ToUnixTimeMilliseconds() });
    }

    private sealed record PendingRow(
        long Id, string TrajectoryId, long Sequence, string Audience, string EventType, string Payload, string? TraceParent, long CreatedAt, string Recipients)
    {
        public PendingPublication ToPending() => new(
            new OutboxEvent(Id, TrajectoryId, Sequence, Audience, EventType, Payload, TraceParent, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt)),
            Recipients.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>An outbox event and the organisations that hear it (settled when it happened).</summary>
public sealed record PendingPublication(OutboxEvent Event, IReadOnlyList<string> Recipients);
