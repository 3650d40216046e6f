using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Views;
using Schuldketen.Workflows.Store;
using Xunit.Abstractions;
using static Schuldketen.Testing.Organisations;
using static Schuldketen.Testing.TestDatabase;

namespace Schuldketen.Api.Tests;

/// <summary>
/// Two hub hosts on one PostgreSQL database, each with its own webhook relay, under load from both
/// at once. A receiver records every webhook with the moment it began and ended. No event may be
/// in flight twice at the same time, every event arrives, and each trajectory's events first
/// arrive in sequence order; sequential duplicates are allowed (at-least-once) and counted.
/// </summary>
/// <remarks>
/// Each hub runs on its own frozen fake clock, so a shard lease never runs out by itself and the
/// first relay would keep all shards for good. The test therefore hands the shards over again and
/// again while the load runs: it sets the clock of the relay without shards just past the holder's
/// leases, as a host sees them when the holder's round outlived its lease (or the clocks differ
/// by more than a lease). The two clocks never show the same second, so the
/// <c>webhook-timestamp</c> of each request tells which relay sent it.
/// </remarks>
public sealed class TwoRelayTests(ITestOutputHelper output)
{
    private const int TrajectoryCount = 60;

    /// <summary>Arrivals between two hand-overs of the shards.</summary>
    private const int ArrivalsPerHolder = 12;

    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan HandoverTimeout = TimeSpan.FromSeconds(10);
    private static readonly string[] RelayNames = ["A", "B"];

    /// <summary>What a partner's handling of a webhook takes: the window in which a concurrent duplicate would overlap.</summary>
    private static readonly TimeSpan ProcessingTime = TimeSpan.FromMilliseconds(5);

    [Fact]
    public async Task Two_relays_on_one_PostgreSQL_under_load_never_send_an_event_twice_at_once_and_keep_each_trajectory_in_order()
    {
        var settings = SharedSettings(TestDatabase.PostgresServer);

        await using var receiver = await WebhookReceiver.StartAsync(processingTime: ProcessingTime);
        await using var first = await HubServer.StartAsync(PostgreSql, settings);
        var firstOwner = await SoleOwnerAsync(first, except: null);
        await using var second = await HubServer.StartAsync(PostgreSql, settings);
        second.Clock.Advance(TimeSpan.FromSeconds(1));
        HubServer[] hubs = [first, second];
        var relayBySecond = new ConcurrentDictionary<long, int>
        {
            [first.Clock.GetUtcNow().ToUnixTimeSeconds()] = 0,
            [second.Clock.GetUtcNow().ToUnixTimeSeconds()] = 1,
        };

        using var municipalityAtFirst = first.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        using var municipalityAtSecond = second.Client(Municipality, PartnerRole.Municipality, "medewerker-2");
        using var counsellorAtFirst = first.Client(Counsellor, PartnerRole.DebtCounsellor, "hulpverlener-1");
        using var counsellorAtSecond = second.Client(Counsellor, PartnerRole.DebtCounsellor, "hulpverlener-2");
        HttpClient[] municipalities = [municipalityAtFirst, municipalityAtSecond];
        HttpClient[] counsellors = [counsellorAtFirst, counsellorAtSecond];

        await receiver.SubscribeAsync(municipalityAtFirst);

        var run = Stopwatch.StartNew();
        using var stopHandingOver = new CancellationTokenSource();
        var handingOver = HandOverAsync(hubs, firstOwner, receiver, relayBySecond, run, stopHandingOver.Token);
        List<Handover> handovers;
        HashSet<string> expected;
        bool settled;
        TimeSpan loaded;
        try
        {
            var trajectories = await Task.WhenAll(Residents.Bsns().Take(TrajectoryCount).Select((bsn, index) => DriveAsync(index, bsn, municipalities, counsellors, first.Clock.GetUtcNow())));
            loaded = run.Elapsed;

            expected = [];
            foreach (var trajectory in trajectories)
            {
                var history = await PartnerApi.HistoryAsync(municipalityAtFirst, trajectory);
                Assert.Equal(1 + Journey.Steps.Count, history.Count);
                expected.UnionWith(history.Select(entry => EventId(trajectory, entry.GetProperty("sequence").GetInt64())));
            }

            settled = await Poll.WithinAsync(async () =>
            {
                if (handingOver.IsFaulted)
                {
                    await handingOver;
                }

                return expected.IsSubsetOf(receiver.Arrivals.Select(arrival => arrival.Id))
                       && receiver.InFlight == 0 && await UnfinishedAsync(first) == 0;
            }, DeliveryTimeout);
        }
        finally
        {
            await stopHandingOver.CancelAsync();
            handovers = await handingOver;
        }

        var delivered = run.Elapsed;
        var arrivals = receiver.Requests;
        var report = new Report(arrivals, expected, relayBySecond);
        var statuses = await DeliveryStatusesAsync(first);

        output.WriteLine($"{TrajectoryCount} trajectories, {expected.Count} events, through both hubs alternately: load {loaded.TotalSeconds:0.00} s, " +
                         $"{(settled ? "everything delivered" : "gave up")} after {delivered.TotalSeconds:0.00} s.");
        output.WriteLine($"Deliveries in the database: {string.Join(", ", statuses.Select(status => $"{status.Key} {status.Value}"))}.");
        output.WriteLine($"Requests {arrivals.Count}, distinct events {report.DistinctIds}, duplicates {report.Duplicates} " +
                         $"(of which overlapping in time: {report.Overlaps.Count}).");
        output.WriteLine($"Sent by relay A: {report.SentBy[0]}, by relay B: {report.SentBy[1]}, unattributed: {report.Unattributed}.");
        output.WriteLine($"Shard hand-overs: {handovers.Count}; owners seen: {string.Join(", ", handovers.Select(handover => handover.To).Prepend(firstOwner).Distinct())}.");
        foreach (var handover in handovers)
        {
            output.WriteLine($"  {handover.At.TotalMilliseconds,8:0} ms  {handover.From} -> {handover.To} after {handover.ArrivalsSoFar} requests");
        }

        foreach (var line in report.Overlaps.Take(20).Concat(report.OrderViolations.Take(20)))
        {
            output.WriteLine(line);
        }

        var relayFailure = hubs.SelectMany(hub => hub.LogLines).FirstOrDefault(line => line.Contains("A relay round failed", StringComparison.Ordinal));
        Assert.True(settled, $"Not every event arrived within {DeliveryTimeout.TotalSeconds:0} s: {report.Missing.Count} missing, e.g. " +
                             $"{string.Join(", ", report.Missing.Take(3))}; deliveries {string.Join(", ", statuses.Select(status => $"{status.Key} {status.Value}"))}; " +
                             $"first relay failure: {relayFailure?[..Math.Min(relayFailure.Length, 400)] ?? "none"}.");
        Assert.Empty(report.Unexpected);
        Assert.True(report.Malformed == 0, $"{report.Malformed} requests had no id, subject or sequence.");
        Assert.Equal(expected.Count, statuses.Values.Sum());
        Assert.True(report.OrderViolations.Count == 0,
            $"Events of a trajectory first arrived out of sequence order:{Environment.NewLine}{string.Join(Environment.NewLine, report.OrderViolations.Take(10))}");
        Assert.True(report.Overlaps.Count == 0,
            $"{report.Overlaps.Count} times an event was being delivered while the same event was still in flight " +
            $"({report.Duplicates} duplicates in all, {handovers.Count} hand-overs):{Environment.NewLine}{string.Join(Environment.NewLine, report.Overlaps.Take(10))}");
        Assert.True(report.Unattributed == 0, $"{report.Unattributed} requests carried a webhook-timestamp neither hub's clock showed.");
        Assert.True(handovers.Count > 0 && report.SentBy[0] > 0 && report.SentBy[1] > 0,
            $"Both relays should have sent webhooks: A sent {report.SentBy[0]}, B {report.SentBy[1]}, after {handovers.Count} hand-overs.");
        Assert.Equal(0, await DeadlocksAsync(first));
    }

    /// <summary>Deadlocks PostgreSQL broke up in the test's database (each cost a relay round or an intake).</summary>
    private static async Task<long> DeadlocksAsync(HubServer hub)
    {
        await using var connection = await hub.Store.Dialect.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()");
    }

    /// <summary>Both hosts on one database, with the same keys (so a BSN hashes alike and either hub's tokens hold at both).</summary>
    private static Dictionary<string, string?> SharedSettings(string? server) => new()
    {
        ["Schuldketen:Postgres"] = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = $"relays{Guid.NewGuid():N}" }.ConnectionString,
        ["Schuldketen:Keys:SubjectHash"] = NewKey(),
        ["Schuldketen:Keys:SubjectEncryption"] = NewKey(),
        ["Schuldketen:Keys:TokenSigning"] = NewKey(),
        ["Schuldketen:Webhooks:AllowHttp"] = "true",
        ["Schuldketen:Webhooks:AllowLoopback"] = "true",
        ["Schuldketen:Webhooks:RelayInterval"] = "00:00:00.050",
    };

    private static string NewKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static string EventId(string trajectory, long sequence) => $"{trajectory}-{sequence}-{Audiences.CaseHandlers}";

    /// <summary>Registers at one hub and sends each next event of the journey through the other, as a trajectory's partners would.</summary>
    private static async Task<string> DriveAsync(int index, string bsn, HttpClient[] municipalities, HttpClient[] counsellors, DateTimeOffset registeredAt)
    {
        var trajectory = await PartnerApi.RegisterAsync(municipalities[index % 2], bsn);
        var journey = Journey.For(trajectory, registeredAt);
        for (var step = 0; step < journey.Count; step++)
        {
            var hub = (index + step + 1) % 2;
            await PartnerApi.SendAsync(journey[step].Organisation == Municipality ? municipalities[hub] : counsellors[hub], journey[step]);
        }

        return trajectory;
    }

    /// <summary>
    /// Each time the receiver has had a few more requests, sets the clock of the relay without
    /// shards just past the holder's leases and waits until that relay has taken them all.
    /// </summary>
    private static async Task<List<Handover>> HandOverAsync(
        HubServer[] hubs, string firstOwner, WebhookReceiver receiver, ConcurrentDictionary<long, int> relayBySecond, Stopwatch run, CancellationToken stop)
    {
        var handovers = new List<Handover>();
        var holder = firstOwner;
        var next = ArrivalsPerHolder;
        while (await Poll.WithinAsync(() => receiver.Count >= next, Timeout.InfiniteTimeSpan, stop) && !stop.IsCancellationRequested)
        {
            var taker = holder == firstOwner ? 1 : 0;
            var takeAt = DateTimeOffset.FromUnixTimeMilliseconds(await LatestLeaseAsync(hubs[0])) + TimeSpan.FromSeconds(1);
            relayBySecond[takeAt.ToUnixTimeSeconds()] = taker;
            hubs[taker].Clock.SetUtcNow(takeAt);
            var taken = await SoleOwnerAsync(hubs[0], except: holder);
            handovers.Add(new Handover(run.Elapsed, holder, taken, receiver.Count));
            holder = taken;
            next = receiver.Count + ArrivalsPerHolder;
        }

        return handovers;
    }

    /// <summary>The one owner of all shards once it is not <paramref name="except"/>.</summary>
    private static async Task<string> SoleOwnerAsync(HubServer hub, string? except)
    {
        string? owner = null;
        var found = await Poll.WithinAsync(async () =>
        {
            await using var connection = await hub.Store.Dialect.OpenAsync(CancellationToken.None);
            var owners = (await connection.QueryAsync<(string? Owner, long Held)>(
                "SELECT owner, count(*) FROM relay_leases GROUP BY owner")).AsList();
            owner = owners is [{ Owner: { } only, Held: Shards.Count }] && only != except ? only : null;
            return owner is not null;
        }, HandoverTimeout);
        Assert.True(found, $"No relay other than {except ?? "none"} took all {Shards.Count} shards within {HandoverTimeout.TotalSeconds:0} s.");
        return owner!;
    }

    private static async Task<long> LatestLeaseAsync(HubServer hub)
    {
        await using var connection = await hub.Store.Dialect.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT max(lease_until) FROM relay_leases");
    }

    /// <summary>Outbox rows not yet turned into deliveries, and deliveries not yet done.</summary>
    private static async Task<long> UnfinishedAsync(HubServer hub)
    {
        await using var connection = await hub.Store.Dialect.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT (SELECT count(*) FROM outbox WHERE sent_at IS NULL) + (SELECT count(*) FROM deliveries WHERE status = 'pending')");
    }

    private static async Task<Dictionary<string, long>> DeliveryStatusesAsync(HubServer hub)
    {
        await using var connection = await hub.Store.Dialect.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<(string Status, long Count)>("SELECT status, count(*) FROM deliveries GROUP BY status ORDER BY status"))
            .ToDictionary(row => row.Status, row => row.Count);
    }

    private sealed record Handover(TimeSpan At, string From, string To, int ArrivalsSoFar);

    /// <summary>What the requests at the receiver show against the events the hub accepted.</summary>
    private sealed class Report
    {
        public Report(IReadOnlyList<ReceivedWebhook> arrivals, IReadOnlySet<string> expected, IReadOnlyDictionary<long, int> relayBySecond)
        {
            var origin = arrivals.Count == 0 ? 0 : arrivals.Min(arrival => arrival.Began);
            var valid = arrivals.Where(arrival => arrival.Arrival is not null).ToList();
            Malformed = arrivals.Count - valid.Count;
            var ids = valid.Select(arrival => arrival.CloudEventId).ToHashSet();
            DistinctIds = ids.Count;
            Duplicates = valid.Count - ids.Count;
            Missing = expected.Except(ids).Order(StringComparer.Ordinal).ToList();
            Unexpected = ids.Except(expected).Order(StringComparer.Ordinal).ToList();

            string Describe(ReceivedWebhook arrival) =>
                $"relay {(Timestamp(arrival) is { } second && relayBySecond.TryGetValue(second, out var relay) ? RelayNames[relay] : "?")} " +
                $"{Stopwatch.GetElapsedTime(origin, arrival.Began).TotalMilliseconds:0.0}-{Stopwatch.GetElapsedTime(origin, arrival.Ended).TotalMilliseconds:0.0} ms";

            foreach (var same in valid.GroupBy(arrival => arrival.CloudEventId).Where(group => group.Count() > 1))
            {
                var inOrder = same.OrderBy(arrival => arrival.Began).ToList();
                for (var later = 1; later < inOrder.Count; later++)
                {
                    foreach (var earlier in inOrder.Take(later).Where(earlier => inOrder[later].Began < earlier.Ended))
                    {
                        Overlaps.Add($"  {same.Key}: {Describe(earlier)} and {Describe(inOrder[later])}");
                    }
                }
            }

            foreach (var trajectory in valid.GroupBy(arrival => arrival.Subject))
            {
                var firsts = trajectory.GroupBy(arrival => arrival.CloudEventId).Select(same => same.MinBy(arrival => arrival.Began)!).OrderBy(arrival => arrival.Began).ToList();
                for (var index = 1; index < firsts.Count; index++)
                {
                    if (firsts[index].Sequence <= firsts[index - 1].Sequence)
                    {
                        OrderViolations.Add($"  {trajectory.Key}: sequence {firsts[index].Sequence} ({Describe(firsts[index])}) " +
                                            $"after {firsts[index - 1].Sequence} ({Describe(firsts[index - 1])})");
                    }
                }
            }

            foreach (var arrival in arrivals)
            {
                if (Timestamp(arrival) is { } second && relayBySecond.TryGetValue(second, out var relay))
                {
                    SentBy[relay]++;
                }
                else
                {
                    Unattributed++;
                }
            }
        }

        public int Malformed { get; }

        public int DistinctIds { get; }

        public int Duplicates { get; }

        public IReadOnlyList<string> Missing { get; }

        public IReadOnlyList<string> Unexpected { get; }

        public List<string> Overlaps { get; } = [];

        public List<string> OrderViolations { get; } = [];

        public int[] SentBy { get; } = new int[2];

        public int Unattributed { get; }

        /// <summary>The <c>webhook-timestamp</c> of a request: a second on the clock of the hub that sent it.</summary>
        private static long? Timestamp(ReceivedWebhook arrival) =>
            long.TryParse(arrival.Header("webhook-timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var second) ? second : null;
    }
}
