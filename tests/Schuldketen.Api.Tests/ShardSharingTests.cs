using System.Diagnostics;
using Dapper;
using Schuldketen.Workflows.Store;
using Xunit.Abstractions;
using static Schuldketen.Testing.TestDatabase;

namespace Schuldketen.Api.Tests;

/// <summary>Two hub hosts on one PostgreSQL database on the real clock: their webhook and bus relays share the 64 shards, and one stopping leaves them to the other.</summary>
public sealed class ShardSharingTests(ITestOutputHelper output)
{
    private static readonly string[] LeaseTables = ["relay_leases", "bus_leases"];

    [Fact]
    public async Task Two_hosts_hold_half_the_shards_each_and_the_one_left_takes_them_all_when_the_other_stops()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Schuldketen:Postgres"] = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer) { Database = $"shares{Guid.NewGuid():N}" }.ConnectionString,
            ["Schuldketen:Webhooks:RelayLease"] = "00:00:03",
        };
        await using var first = await HubServer.StartAsync(new HubStart(PostgreSql) { Settings = settings, SystemClock = true });
        var second = await HubServer.StartAsync(new HubStart(PostgreSql) { Settings = settings, SystemClock = true });
        try
        {
            var seen = "";
            await Poll.UntilAsync(async () =>
            {
                var held = await HeldAsync(first, "relay_leases");
                seen = string.Join(", ", held.Select(pair => $"{pair.Key[..8]} {pair.Value}"));
                return held.Count == 2 && held.Values.Sum() == Shards.Count && held.Values.All(count => Math.Abs(count - 32) <= 8);
            }, "the webhook relays of both hosts to hold 32 ± 8 shards each", TimeSpan.FromSeconds(30), () => seen);
            output.WriteLine($"Webhook relays: {seen}.");
        }
        finally
        {
            await second.DisposeAsync();
        }

        var stopped = Stopwatch.StartNew();
        await Poll.UntilAsync(async () => await HoldsAllAsync(first, "relay_leases"),
            "the host left to hold all 64 webhook shards", TimeSpan.FromSeconds(30));
        output.WriteLine($"The host left held all {Shards.Count} webhook shards {stopped.ElapsedMilliseconds} ms after the other stopped.");
        foreach (var table in LeaseTables)
        {
            await Poll.UntilAsync(async () => await HoldsAllAsync(first, table),
                $"the host left to hold all 64 shards in {table}", TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Whether one owner alone holds every shard; until the stopped host's leases run out there are two.</summary>
    private static async Task<bool> HoldsAllAsync(HubServer hub, string table) =>
        await HeldAsync(hub, table) is { Count: 1 } held && held.Values.Single() == Shards.Count;

    /// <summary>Valid leases per owner in one of the lease tables.</summary>
    private static async Task<Dictionary<string, long>> HeldAsync(HubServer hub, string table)
    {
        await using var connection = await hub.Store.Dialect.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<(string Owner, long Held)>(
                $"SELECT owner, count(*) FROM {table} WHERE owner IS NOT NULL AND lease_until >= @now GROUP BY owner",
                new { now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }))
            .ToDictionary(row => row.Owner, row => row.Held);
    }
}
