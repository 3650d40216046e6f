using Dapper;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Workflows.Relays;

/// <summary>
/// Leases on the 64 shards for one kind of relay, each kind in its own table: a process sends a
/// shard's events only while it holds the lease, so two processes never send them at once and the
/// events of one trajectory go out in order.
/// </summary>
public sealed class ShardLeases
{
    private readonly TrajectoryStore store;
    private readonly string table;

    private ShardLeases(TrajectoryStore store, string table)
    {
        this.store = store;
        this.table = table;
    }

    public static ShardLeases ForWebhooks(TrajectoryStore store) => new(store, "relay_leases");

    public static ShardLeases ForBus(TrajectoryStore store) => new(store, "bus_leases");

    /// <summary>
    /// Takes (or keeps) leases on up to <paramref name="max"/> shards: those this owner holds and those
    /// whose lease ran out. A lease is re-checked under its row lock, so two relays never both get one.
    /// </summary>
    public async Task<IReadOnlyList<long>> LeaseAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        var parameters = new { owner, now = now.ToUnixTimeMilliseconds(), until = (now + lease).ToUnixTimeMilliseconds(), max };
        return (await connection.QueryAsync<long>(
            $"UPDATE {table} SET owner = @owner, lease_until = @until " +
            "WHERE (owner = @owner OR lease_until < @now) AND shard IN (" +
            $"SELECT shard FROM {table} WHERE owner = @owner OR lease_until < @now " +
            "ORDER BY CASE WHEN owner = @owner THEN 0 ELSE 1 END, shard LIMIT @max) RETURNING shard", parameters)).Order().ToList();
    }

    public async Task ReleaseAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync($"UPDATE {table} SET owner = NULL, lease_until = 0 WHERE owner = @owner", new { owner });
    }
}
