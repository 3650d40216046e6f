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
        var outbox = await connection.QuerySingleAsync<BacklogRow>(
            "SELECT COUNT(*) AS Count, MIN(created_at) AS Oldest FROM outbox WHERE sent_at IS NULL");
        var deliveries = await connection.QuerySingleAsync<BacklogRow>(
            "SELECT COUNT(*) AS Count, MIN(created_at) AS Oldest FROM deliveries WHERE status = 'pending'");
        return Of(outbox.Count + deliveries.Count, outbox.Oldest is { } a && deliveries.Oldest is { } b ? Math.Min(a, b) : outbox.Oldest ?? deliveries.Oldest);
    }

    public async Task<Backlog> BusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<BacklogRow>(
            "SELECT COUNT(*) AS Count, MIN(created_at) AS Oldest FROM outbox WHERE published_at IS NULL");
        return Of(row.Count, row.Oldest);
    }

    private Backlog Of(long count, long? oldest) =>
        new(count, oldest is { } at ? TimeSpan.FromMilliseconds(Math.Max(0, store.Time.GetUtcNow().ToUnixTimeMilliseconds() - at)) : TimeSpan.Zero);

    private sealed record BacklogRow(long Count, long? Oldest);
}

/// <summary>How many events wait on a channel, and how long the oldest of them has waited (zero when none does).</summary>
public sealed record Backlog(long Count, TimeSpan OldestAge)
{
    public static readonly Backlog Empty = new(0, TimeSpan.Zero);
}
