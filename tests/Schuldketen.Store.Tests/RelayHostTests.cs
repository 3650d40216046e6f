using System.Diagnostics;
using Dapper;
using Schuldketen.Workflows.Relays;
using Schuldketen.Workflows.Relays.Webhooks;
using Schuldketen.Workflows.Store;
using Xunit.Abstractions;
using static Schuldketen.Testing.StoreHarness;

namespace Schuldketen.Store.Tests;

/// <summary>Several hosts on one PostgreSQL database: a commit at one wakes the relays of the others, and the relays share the shards.</summary>
public sealed class RelayHostTests(ITestOutputHelper output)
{
    /// <summary>How often a relay looks for work when nothing wakes it (the default of <c>Webhooks:RelayInterval</c>).</summary>
    private static readonly TimeSpan PollingInterval = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_commit_at_one_host_wakes_the_relay_of_another_host_well_within_its_polling_interval()
    {
        await using var harness = new StoreHarness(TestDatabase.PostgreSql);
        var other = harness.OpenAnother();
        var commits = other.ListenForCommits();

        // The listener wakes once when its connection listens, for commits it may have missed before.
        await commits.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        var wakes = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var woken = commits.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
            var clock = Stopwatch.StartNew();
            await harness.Store.ApplyAsync(Registration($"trj-{i}", Monday));
            var committed = clock.Elapsed;
            Assert.True(await woken, $"The other host's relay was not woken within 10 s of commit {i}.");
            wakes.Add(clock.Elapsed - committed);
        }

        output.WriteLine($"Woken after the commit returned: {string.Join(", ", wakes.Select(wake => $"{wake.TotalMilliseconds:0.0} ms"))}.");
        var median = wakes.Order().ElementAt(wakes.Count / 2);
        Assert.True(median < PollingInterval / 2,
            $"The other host woke a median {median.TotalMilliseconds:0} ms after the commit, not well under its polling interval of {PollingInterval.TotalMilliseconds:0} ms.");
    }

    [Fact]
    public async Task Two_hosts_share_the_shards_and_one_takes_over_all_of_them_within_the_lease_when_the_other_dies()
    {
        await using var harness = new StoreHarness(TestDatabase.PostgreSql);
        var first = new HeldShards(ShardLeases.ForWebhooks(harness.Store), "host-a", TimeProvider.System, new RelaySettings("host-a") { Lease = Lease });
        var second = new HeldShards(ShardLeases.ForWebhooks(harness.OpenAnother()), "host-b", TimeProvider.System, new RelaySettings("host-b") { Lease = Lease });

        var seen = "";
        var shared = await Poll.UntilAsync(async () =>
        {
            var (a, b) = ((await first.CurrentAsync(CancellationToken.None)).Count, (await second.CurrentAsync(CancellationToken.None)).Count);
            var held = await HeldAsync(harness);
            seen = $"host-a holds {a}, host-b {b}; the database says {string.Join(", ", held.Select(pair => $"{pair.Key} {pair.Value}"))}";
            return a + b == Shards.Count && held.GetValueOrDefault("host-a") == a && held.GetValueOrDefault("host-b") == b && Math.Abs(a - 32) <= 8;
        }, "two hosts to hold all 64 shards, 32 ± 8 each", TimeSpan.FromSeconds(30), () => seen);
        var balance = await HeldAsync(harness);
        output.WriteLine($"Shared after {shared.TotalMilliseconds:0} ms: {string.Join(", ", balance.Select(pair => $"{pair.Key} {pair.Value}"))}.");

        // The first host dies: it renews nothing from now on, and gives nothing up.
        var died = Stopwatch.StartNew();
        await Poll.UntilAsync(async () => (await second.CurrentAsync(CancellationToken.None)).Count == Shards.Count,
            "the surviving host to hold all 64 shards", TimeSpan.FromSeconds(30));
        var takeover = died.Elapsed;
        output.WriteLine($"The survivor held all {Shards.Count} shards {takeover.TotalMilliseconds:0} ms after the other died (lease {Lease.TotalSeconds:0} s).");
        Assert.Equal(Shards.Count, (await HeldAsync(harness)).GetValueOrDefault("host-b"));
        Assert.True(takeover <= Lease, $"The takeover took {takeover.TotalMilliseconds:0} ms, longer than the lease of {Lease.TotalMilliseconds:0} ms.");
        Assert.Equal(0, await DeadlocksAsync(harness));
    }

    /// <summary>Valid leases per owner, as the database has them.</summary>
    private static async Task<Dictionary<string, long>> HeldAsync(StoreHarness harness)
    {
        await using var connection = await harness.Store.Dialect.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<(string Owner, long Held)>(
                "SELECT owner, count(*) FROM relay_leases WHERE owner IS NOT NULL AND lease_until >= @now GROUP BY owner",
                new { now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }))
            .ToDictionary(row => row.Owner, row => row.Held);
    }

    private static async Task<long> DeadlocksAsync(StoreHarness harness)
    {
        await using var connection = await harness.Store.Dialect.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()");
    }
}
