using Dapper;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Workflows.Relays;

/// <summary>
/// What waits to leave the hub, per channel: for webhooks the outbox rows not yet turned into deliveries plus the
/// deliveries still pending (retries among them), for the bus the rows not yet published. Each a count and the
/// oldest one's age, from the relays' own partial indexes.
/// </summary>
public sealed class OutboxBacklog(TrajectoryStore store)
{
    public async Task<Backlog> WebhookAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var outbox = await WaitingAsync(connection, "outbox WHERE sent_at IS NULL");
        var deliveries = await WaitingAsync(connection, "deliveries WHERE status = 'pending'");
        return Of(outbox.Count + deliveries.Count, outbox.Oldest is { } a && deliveries.Oldest is { } b ? Math.Min(a, b) : outbox.Oldest ?? deliveries.Oldest);
    }

    public async Task<Backlog> BusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var waiting = await WaitingAsync(connection, "outbox WHERE published_at IS NULL");
        return Of(waiting.Count, waiting.Oldest);
    }

    /// <summary>The count and the oldest <c>created_at</c> of the rows in <paramref name="rows"/> (a table and its condition).</summary>
    private static async Task<(long Count, long? Oldest)> WaitingAsync(System.Data.Common.DbConnection connection, string rows) =>
        (await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {rows}"),
            await connection.ExecuteScalarAsync<long?>($"SELECT MIN(created_at) FROM {rows}"));

    private Backlog Of(long count, long? oldest) =>
        new(count, oldest is { } at ? TimeSpan.FromMilliseconds(Math.Max(0, store.Time.GetUtcNow().ToUnixTimeMilliseconds() - at)) : TimeSpan.Zero);
}

/// <summary>How many events wait on a channel, and how long the oldest of them has waited (zero when none does).</summary>
public sealed record Backlog(long Count, TimeSpan OldestAge)
{
    public static readonly Backlog Empty = new(0, TimeSpan.Zero);
}
