using Dapper;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Privacy;

namespace Schuldketen.Workflows.Relays.Webhooks;

/// <summary>What one round took on: outbox rows turned into deliveries, and the deliveries it claimed to send, oldest first.</summary>
public sealed record TakenRound(int Dispatched, IReadOnlyList<DueDelivery> Due);

/// <summary>What became of a round's claimed deliveries at <paramref name="At"/>: the attempts, and those not tried behind one not delivered.</summary>
public sealed record RoundOutcomes(IReadOnlyList<DeliveryOutcome> Outcomes, IReadOnlyList<long> Untried, DateTimeOffset At);

/// <summary>The tables of delivery: subscriptions, shard leases, and deliveries with their retries. The same SQL on both providers.</summary>
public sealed class DeliveryStore(TrajectoryStore store, SecretBox secrets)
{
    private const string SubscriptionColumns =
        "id AS Id, organisation AS Organisation, callback_url AS CallbackUrl, event_types AS EventTypes, secret AS Secret, " +
        "created_at AS CreatedAt, ended_at AS EndedAt, end_reason AS EndReason";

    private const string DeliveryColumns =
        "d.id AS Id, d.subscription_id AS SubscriptionId, d.outbox_id AS OutboxId, d.trajectory_id AS TrajectoryId, d.sequence AS Sequence, " +
        "d.status AS Status, d.attempts AS Attempts, d.next_attempt_at AS NextAttemptAt, d.created_at AS CreatedAt, d.last_status AS LastStatus, " +
        "d.last_error AS LastError, d.done_at AS DoneAt";

    private StoreDialect Dialect => store.Dialect;

    public ShardLeases Leases { get; } = ShardLeases.ForWebhooks(store);

    /// <summary>A list condition: Npgsql sends a list as one array, which PostgreSQL matches with ANY; Dapper expands it for SQLite.</summary>
    private string In(string column, string parameter) =>
        Dialect.Provider == StoreProvider.PostgreSql ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";

    public async Task CreateAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO subscriptions (id, organisation, callback_url, event_types, secret, created_at) " +
            "VALUES (@Id, @Organisation, @CallbackUrl, @EventTypes, @Secret, @CreatedAt)",
            SubscriptionRow.From(subscription) with { Secret = secrets.Seal(subscription.Secret) });
    }

    public async Task<IReadOnlyList<Subscription>> ListAsync(string organisation, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<SubscriptionRow>(
                $"SELECT {SubscriptionColumns} FROM subscriptions WHERE organisation = @organisation AND ended_at IS NULL ORDER BY created_at, id",
                new { organisation }))
            .Select(Open)
            .ToList();
    }

    /// <summary>The subscription if it is the organisation's own, else null (a 404 for the partner).</summary>
    public async Task<Subscription?> FindAsync(string id, string organisation, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SubscriptionRow>(
            $"SELECT {SubscriptionColumns} FROM subscriptions WHERE id = @id AND organisation = @organisation", new { id, organisation });
        return row is null ? null : Open(row);
    }

    public async Task<bool> UpdateAsync(string id, string organisation, Uri callbackUrl, IReadOnlyList<string> eventTypes, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE subscriptions SET callback_url = @callbackUrl, event_types = @eventTypes " +
            "WHERE id = @id AND organisation = @organisation AND ended_at IS NULL",
            new { id, organisation, callbackUrl = callbackUrl.ToString(), eventTypes = string.Join(' ', eventTypes) }) == 1;
    }

    /// <summary>Ends a subscription; its undelivered events are given up on with <paramref name="reason"/>.</summary>
    public async Task<bool> EndAsync(string id, string? organisation, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ended = await connection.ExecuteAsync(
            "UPDATE subscriptions SET ended_at = @at, end_reason = @reason WHERE id = @id AND (@organisation IS NULL OR organisation = @organisation) AND ended_at IS NULL",
            new { id, organisation, reason, at = now.ToUnixTimeMilliseconds() }, transaction);
        await connection.ExecuteAsync(
            "UPDATE deliveries SET status = 'failed', last_error = @reason, done_at = @at WHERE subscription_id = @id AND status = 'pending'",
            new { id, reason, at = now.ToUnixTimeMilliseconds() }, transaction);
        await transaction.CommitAsync(cancellationToken);
        return ended == 1;
    }

    /// <summary>
    /// One transaction of a relay round: writes the outcomes of the round before (<paramref name="previous"/>),
    /// turns the shards' committed outbox rows into deliveries, then claims the deliveries due, so a commit's
    /// events can go out in the same round that saw them, and a busy relay commits once per round.
    /// </summary>
    public async Task<TakenRound> TakeAsync(
        string owner, IReadOnlyList<long> shards, TimeProvider time, TimeSpan claimFor, int limit, RoundOutcomes? previous, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The time once the transaction has begun: on SQLite it may have waited for the writer.
        var now = time.GetUtcNow();
        if (previous is not null)
        {
            await RecordAsync(connection, transaction, previous);
        }

        var dispatched = await DispatchOutboxAsync(connection, transaction, owner, shards, now, limit);
        var due = await ClaimDueAsync(connection, transaction, owner, shards, now, now + claimFor, limit);
        await transaction.CommitAsync(cancellationToken);
        return new TakenRound(dispatched, due);
    }

    /// <summary>
    /// Turns the shards' committed outbox rows into deliveries for every subscription that may hear
    /// them, and marks the rows sent; none when a lease no longer holds. The rows are locked in id order
    /// first, as the bus relay locks them, so the two relays queue on a row instead of deadlocking, and a
    /// relay that takes a shard over meanwhile waits for this transaction and then finds the rows sent.
    /// </summary>
    private async Task<int> DispatchOutboxAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string owner, IReadOnlyList<long> shards, DateTimeOffset now, int limit)
    {
        var locked = Dialect.Provider == StoreProvider.PostgreSql ? " FOR UPDATE" : "";
        var rows = (await connection.QueryAsync<PendingOutboxRow>(
            "SELECT id AS Id, trajectory_id AS TrajectoryId, sequence AS Sequence, audience AS Audience, event_type AS EventType, shard AS Shard, " +
            "recipients AS Recipients " +
            $"FROM outbox WHERE sent_at IS NULL AND {In("shard", "shards")} ORDER BY id LIMIT @limit{locked}",
            new { shards = shards.ToArray(), limit }, transaction)).AsList();
        var at = now.ToUnixTimeMilliseconds();
        var stillOurs = rows.Count == 0 ? 0 : await connection.ExecuteScalarAsync<long>(
            $"SELECT count(*) FROM relay_leases WHERE owner = @owner AND lease_until >= @at AND {In("shard", "shards")}",
            new { owner, at, shards = rows.Select(row => row.Shard).Distinct().ToArray() }, transaction);
        if (rows.Count == 0 || stillOurs != rows.Select(row => row.Shard).Distinct().Count())
        {
            // Nothing new, or another relay took a shard over: leave the rows to it.
            return 0;
        }

        // Who hears a row was settled when the event happened (its recipients); the relay only finds their subscriptions.
        var organisations = rows.SelectMany(row => row.Recipients.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToArray();
        var listeners = organisations.Length == 0
            ? []
            : (await connection.QueryAsync<(string SubscriptionId, string Organisation, string EventTypes)>(
                $"SELECT id, organisation, event_types FROM subscriptions WHERE ended_at IS NULL AND {In("organisation", "organisations")}",
                new { organisations }, transaction)).AsList();
        var deliveries = rows
            .SelectMany(row => listeners
                .Where(listener => row.Recipients.Split(' ').Contains(listener.Organisation)
                                   && (listener.EventTypes.Length == 0 || listener.EventTypes.Split(' ').Contains(row.EventType)))
                .Select(listener => new { subscription = listener.SubscriptionId, outbox = row.Id, trajectory = row.TrajectoryId, sequence = row.Sequence, shard = row.Shard, at }))
            .ToList();
        if (deliveries.Count > 0 && Dialect.Provider == StoreProvider.PostgreSql)
        {
            await connection.ExecuteAsync(
                "INSERT INTO deliveries (subscription_id, outbox_id, trajectory_id, sequence, shard, status, attempts, next_attempt_at, created_at) " +
                "SELECT s, o, t, q, h, 'pending', 0, @at, @at FROM unnest(@Subscription, @Outbox, @Trajectory, @Sequence, @Shard) AS u(s, o, t, q, h) " +
                "ON CONFLICT DO NOTHING",
                new
                {
                    Subscription = deliveries.Select(delivery => delivery.subscription).ToArray(),
                    Outbox = deliveries.Select(delivery => delivery.outbox).ToArray(),
                    Trajectory = deliveries.Select(delivery => delivery.trajectory).ToArray(),
                    Sequence = deliveries.Select(delivery => delivery.sequence).ToArray(),
                    Shard = deliveries.Select(delivery => delivery.shard).ToArray(),
                    at,
                },
                transaction);
        }
        else if (deliveries.Count > 0)
        {
            await connection.ExecuteAsync(
                "INSERT INTO deliveries (subscription_id, outbox_id, trajectory_id, sequence, shard, status, attempts, next_attempt_at, created_at) " +
                "VALUES (@subscription, @outbox, @trajectory, @sequence, @shard, 'pending', 0, @at, @at) ON CONFLICT DO NOTHING",
                deliveries, transaction);
        }

        await connection.ExecuteAsync($"UPDATE outbox SET sent_at = @at WHERE {In("id", "ids")}", new { ids = rows.Select(row => row.Id).ToArray(), at }, transaction);
        return rows.Count;
    }

    /// <summary>
    /// Claims the deliveries due now in the shards this owner still holds, oldest first: per
    /// subscription and trajectory a run of pending deliveries with none before it waiting for a later
    /// attempt, so the relay can send the run in sequence order. A claim moves the next attempt past
    /// <paramref name="claimUntil"/>: if the shard changes hands meanwhile, the new holder does not
    /// send the same delivery at the same time, and if this process dies, it is sent again afterwards.
    /// </summary>
    private async Task<IReadOnlyList<DueDelivery>> ClaimDueAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction,
        string owner, IReadOnlyList<long> shards, DateTimeOffset now, DateTimeOffset claimUntil, int limit)
    {
        var at = now.ToUnixTimeMilliseconds();
        var candidates = (await connection.QueryAsync<DueDeliveryRow>(
                $"SELECT {DeliveryColumns}, o.event_type AS EventType, o.audience AS Audience, o.payload AS Payload, o.trace_parent AS TraceParent, " +
                "o.created_at AS OccurredAt, s.callback_url AS CallbackUrl, s.secret AS Secret " +
                "FROM deliveries d JOIN outbox o ON o.id = d.outbox_id JOIN subscriptions s ON s.id = d.subscription_id " +
                $"WHERE d.status = 'pending' AND d.next_attempt_at <= @now AND {In("d.shard", "shards")} " +
                "AND d.shard IN (SELECT l.shard FROM relay_leases l WHERE l.owner = @owner AND l.lease_until >= @now) AND NOT EXISTS (" +
                "SELECT 1 FROM deliveries e WHERE e.subscription_id = d.subscription_id AND e.trajectory_id = d.trajectory_id " +
                "AND e.status = 'pending' AND e.outbox_id < d.outbox_id AND e.next_attempt_at > @now) ORDER BY d.outbox_id, d.id LIMIT @limit",
                new { shards = shards.ToArray(), owner, now = at, limit }, transaction))
            .ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var locked = Dialect.Provider == StoreProvider.PostgreSql ? " ORDER BY id FOR UPDATE" : "";
        var claimed = (await connection.QueryAsync<long>(
                $"UPDATE deliveries SET next_attempt_at = @until WHERE id IN (SELECT id FROM deliveries WHERE {In("id", "ids")} " +
                $"AND status = 'pending' AND next_attempt_at <= @now{locked}) RETURNING id",
                new { ids = candidates.Select(row => row.Id).ToArray(), until = claimUntil.ToUnixTimeMilliseconds(), now = at }, transaction))
            .ToHashSet();
        return candidates.Where(row => claimed.Contains(row.Id)).Select(row => row.ToDue() with { Secret = secrets.Open(row.Secret) }).ToList();
    }

    /// <summary>Writes the outcomes of one round of attempts in a transaction of their own.</summary>
    public async Task RecordAsync(RoundOutcomes outcomes)
    {
        await using var connection = await Dialect.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await RecordAsync(connection, transaction, outcomes);
        await transaction.CommitAsync();
    }

    /// <summary>
    /// Writes the outcomes of one round of attempts, and puts the claimed deliveries it did not try
    /// (behind one that was not delivered) back in line at once.
    /// </summary>
    private async Task RecordAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, RoundOutcomes round)
    {
        var (outcomes, untried, now) = round;
        var rows = outcomes.Select(outcome => new
        {
            outcome.Id,
            Status = DeliveryRow.StatusName(outcome.Status),
            outcome.Attempts,
            Next = (outcome.NextAttemptAt ?? now).ToUnixTimeMilliseconds(),
            outcome.LastStatus,
            outcome.LastError,
            Done = outcome.Status == DeliveryStatus.Pending ? (long?)null : now.ToUnixTimeMilliseconds(),
            Attempted = outcome.AttemptedAt.ToUnixTimeMilliseconds(),
        }).OrderBy(row => row.Id).ToList();
        if (Dialect.Provider == StoreProvider.PostgreSql)
        {
            // One statement over arrays instead of a round trip per delivery; rows locked in id order, as a claim locks them.
            await connection.ExecuteAsync(
                "WITH locked AS (SELECT id FROM deliveries WHERE id = ANY(@Id) OR id = ANY(@Untried) ORDER BY id FOR UPDATE), " +
                "untried AS (UPDATE deliveries SET next_attempt_at = @now WHERE id = ANY(@Untried) AND id IN (SELECT id FROM locked)) " +
                "UPDATE deliveries AS d SET status = u.status, attempts = u.attempts, next_attempt_at = u.next, last_status = u.last_status, " +
                "last_error = u.last_error, done_at = u.done, attempted_at = u.attempted FROM unnest(@Id, @Status, @Attempts, @Next, @LastStatus, @LastError, @Done, @Attempted) " +
                "AS u(id, status, attempts, next, last_status, last_error, done, attempted) WHERE d.id = u.id AND d.id IN (SELECT id FROM locked)",
                new
                {
                    Id = rows.Select(row => row.Id).ToArray(),
                    Status = rows.Select(row => row.Status).ToArray(),
                    Attempts = rows.Select(row => (long)row.Attempts).ToArray(),
                    Next = rows.Select(row => row.Next).ToArray(),
                    LastStatus = rows.Select(row => (long?)row.LastStatus).ToArray(),
                    LastError = rows.Select(row => row.LastError).ToArray(),
                    Done = rows.Select(row => row.Done).ToArray(),
                    Attempted = rows.Select(row => row.Attempted).ToArray(),
                    Untried = untried.ToArray(),
                    now = now.ToUnixTimeMilliseconds(),
                },
                transaction);
        }
        else
        {
            await connection.ExecuteAsync(
                "UPDATE deliveries SET status = @Status, attempts = @Attempts, next_attempt_at = @Next, last_status = @LastStatus, last_error = @LastError, " +
                "done_at = @Done, attempted_at = @Attempted WHERE id = @Id",
                rows, transaction);
            await connection.ExecuteAsync("UPDATE deliveries SET next_attempt_at = @now WHERE id IN @untried",
                new { untried, now = now.ToUnixTimeMilliseconds() }, transaction);
        }
    }

    public async Task<IReadOnlyList<Delivery>> DeliveriesAsync(string subscriptionId, DeliveryStatus? status, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<DeliveryRow>(
                $"SELECT {DeliveryColumns} FROM deliveries d WHERE d.subscription_id = @subscriptionId AND (@status IS NULL OR d.status = @status) " +
                "ORDER BY d.id DESC LIMIT 200",
                new { subscriptionId, status = status is { } value ? DeliveryRow.StatusName(value) : null }))
            .Select(row => row.ToDelivery())
            .ToList();
    }

    /// <summary>Puts a failed delivery back in line, as if new.</summary>
    public async Task<bool> RedeliverAsync(string subscriptionId, long deliveryId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = @now, created_at = @now, done_at = NULL " +
            "WHERE id = @deliveryId AND subscription_id = @subscriptionId AND status = 'failed' " +
            "AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.id = @subscriptionId AND s.ended_at IS NULL)",
            new { subscriptionId, deliveryId, now = now.ToUnixTimeMilliseconds() }) == 1;
    }

    /// <summary>The secret is kept sealed with the hub's key; only signing needs it in the clear.</summary>
    private Subscription Open(SubscriptionRow row) => row.ToSubscription() with { Secret = secrets.Open(row.Secret) };

    private sealed record PendingOutboxRow(long Id, string TrajectoryId, long Sequence, string Audience, string EventType, long Shard, string Recipients);
}
