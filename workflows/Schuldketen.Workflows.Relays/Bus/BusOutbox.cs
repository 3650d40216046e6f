using Dapper;
using Schuldketen.Workflows.Relays.Webhooks;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Workflows.Relays.Bus;

/// <summary>The outbox rows not yet published to the bus, shard by shard, and marking them published.</summary>
public sealed class BusOutbox(TrajectoryStore store)
{
    public ShardLeases Leases { get; } = ShardLeases.ForBus(store);

    /// <summary>The unpublished rows of the shards this owner still holds, oldest first.</summary>
    public async Task<IReadOnlyList<PendingPublication>> PendingAsync(
        string owner, IReadOnlyList<long> shards, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var inShards = store.Provider == StoreProvider.PostgreSql ? "shard = ANY(@shards)" : "shard IN @shards";
        return (await connection.QueryAsync<PendingRow>(
                "SELECT id AS Id, trajectory_id AS TrajectoryId, sequence AS Sequence, audience AS Audience, event_type AS EventType, " +
                "payload AS Payload, trace_parent AS TraceParent, created_at AS CreatedAt, recipients AS Recipients " +
                $"FROM outbox WHERE published_at IS NULL AND {inShards} " +
                "AND shard IN (SELECT l.shard FROM bus_leases l WHERE l.owner = @owner AND l.lease_until >= @now) ORDER BY id LIMIT @limit",
                new { shards = shards.ToArray(), owner, now = now.ToUnixTimeMilliseconds(), limit }))
            .Select(row => row.ToPending())
            .ToList();
    }

    /// <summary>
    /// Marks rows published, with when the relay read them and began publishing each. On PostgreSQL the
    /// rows are locked in id order, as the webhook relay locks them, so the two relays never deadlock.
    /// </summary>
    public async Task MarkPublishedAsync(IReadOnlyCollection<Published> rows, DateTimeOffset readAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var ordered = rows.OrderBy(row => row.Id).ToList();
        var at = now.ToUnixTimeMilliseconds();
        var read = readAt.ToUnixTimeMilliseconds();
        if (store.Provider == StoreProvider.PostgreSql)
        {
            await connection.ExecuteAsync(
                "WITH locked AS (SELECT id FROM outbox WHERE id = ANY(@ids) ORDER BY id FOR UPDATE) " +
                "UPDATE outbox AS o SET published_at = @at, bus_read_at = @read, bus_sent_at = u.sent FROM unnest(@ids, @sent) AS u(id, sent) " +
                "WHERE o.id = u.id AND o.id IN (SELECT id FROM locked)",
                new { ids = ordered.Select(row => row.Id).ToArray(), sent = ordered.Select(row => row.SentAt.ToUnixTimeMilliseconds()).ToArray(), at, read });
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE outbox SET published_at = @at, bus_read_at = @read, bus_sent_at = @sent WHERE id = @id",
            ordered.Select(row => new { id = row.Id, sent = row.SentAt.ToUnixTimeMilliseconds(), at, read }), transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    private sealed record PendingRow(
        long Id, string TrajectoryId, long Sequence, string Audience, string EventType, string Payload, string? TraceParent, long CreatedAt, string Recipients)
    {
        public PendingPublication ToPending() => new(
            new OutboxEvent(Id, TrajectoryId, Sequence, Audience, EventType, Payload, TraceParent, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt)),
            Recipients.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>An outbox row the broker accepted, and when the relay began publishing it.</summary>
public sealed record Published(long Id, DateTimeOffset SentAt);

/// <summary>An outbox event and the organisations that hear it (settled when it happened).</summary>
public sealed record PendingPublication(OutboxEvent Event, IReadOnlyList<string> Recipients);
