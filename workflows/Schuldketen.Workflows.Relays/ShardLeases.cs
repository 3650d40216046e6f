using Dapper;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Workflows.Relays;

/// <summary>
/// Leases on the 64 shards for one kind of relay, each kind in its own table: a process sends a
/// shard's events only while it holds the lease, so two processes never send them at once and the
/// events of one trajectory go out in order. The relays of a kind share the shards: each host says
/// it is alive in <c>relay_hosts</c> and holds at most its share of the shards among the hosts alive.
/// </summary>
public sealed class ShardLeases
{
    private readonly TrajectoryStore store;
    private readonly string table;
    private readonly string kind;

    private ShardLeases(TrajectoryStore store, string table, string kind)
    {
        this.store = store;
        this.table = table;
        this.kind = kind;
    }

    public static ShardLeases ForWebhooks(TrajectoryStore store) => new(store, "relay_leases", "webhooks");

    public static ShardLeases ForBus(TrajectoryStore store) => new(store, "bus_leases", "bus");

    /// <summary>
    /// Says this owner is alive until <paramref name="until"/>, gives up the shards it holds beyond its
    /// share, and takes (or keeps) leases up to that share: those it holds and those whose lease ran out.
    /// The caller's sends have finished, so a shard given up is not in flight. On PostgreSQL the rows are
    /// locked in shard order and rows another relay is leasing right now are skipped, so two relays
    /// never wait on each other, let alone deadlock.
    /// </summary>
    public async Task<IReadOnlyList<long>> LeaseAsync(string owner, DateTimeOffset now, DateTimeOffset until, int max, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var at = now.ToUnixTimeMilliseconds();
        var parameters = new { kind, owner, now = at, until = until.ToUnixTimeMilliseconds() };
        await connection.ExecuteAsync(
            "INSERT INTO relay_hosts (kind, owner, alive_until) VALUES (@kind, @owner, @until) " +
            "ON CONFLICT (kind, owner) DO UPDATE SET alive_until = excluded.alive_until", parameters, transaction);
        var alive = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM relay_hosts WHERE kind = @kind AND alive_until >= @now", parameters, transaction);
        var share = (int)Math.Min(max, (Shards.Count + Math.Max(alive, 1) - 1) / Math.Max(alive, 1));
        var postgres = store.Provider == StoreProvider.PostgreSql;
        var locked = postgres ? " FOR UPDATE SKIP LOCKED" : "";

        // Beyond its share a relay keeps its lowest shards and gives up the rest, for the hosts that came.
        await connection.ExecuteAsync(
            $"UPDATE {table} SET owner = NULL, lease_until = 0 WHERE shard IN (" +
            $"SELECT shard FROM {table} WHERE owner = @owner AND lease_until >= @now ORDER BY shard {(postgres ? "" : "LIMIT -1 ")}OFFSET @share{locked})",
            new { owner, now = at, share }, transaction);
        var shards = (await connection.QueryAsync<long>(
            $"UPDATE {table} SET owner = @owner, lease_until = @until WHERE shard IN (" +
            $"SELECT shard FROM {table} WHERE owner = @owner OR lease_until < @now " +
            $"ORDER BY CASE WHEN owner = @owner THEN 0 ELSE 1 END, shard LIMIT @share{locked}) RETURNING shard",
            new { owner, now = at, until = until.ToUnixTimeMilliseconds(), share }, transaction)).Order().ToList();
        await transaction.CommitAsync(cancellationToken);
        return shards;
    }

    /// <summary>Gives up every shard this owner holds and says it is gone, so the other hosts take its share at once.</summary>
    public async Task ReleaseAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await store.Dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync($"UPDATE {table} SET owner = NULL, lease_until = 0 WHERE owner = @owner", new { owner }, transaction);
        await connection.ExecuteAsync("DELETE FROM relay_hosts WHERE kind = @kind AND owner = @owner", new { kind, owner }, transaction);
        await transaction.CommitAsync(cancellationToken);
    }
}
