using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Dapper;
using Schuldketen.Contracts;

namespace Schuldketen.Bench;

/// <summary>
/// Intake to a partner's webhook: partner events sent over HTTP at a fixed offered load, each
/// trajectory's events one after another, and the time from sending an event to its signed
/// delivery arriving at a local receiver. Prints
/// <c>webhook events_per_s=… p50_ms=… p99_ms=… load_per_s=…</c> last.
/// </summary>
internal static class WebhookBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var arguments = new BenchArguments(args);
        var load = arguments.Number("load", 1000);
        var seconds = arguments.Number("seconds", 10);
        var provider = options.Postgres is null ? "sqlite" : "postgresql";
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var hub = await BenchHub.StartAsync(provider, options.Postgres, new Dictionary<string, string?>
        {
            ["Schuldketen:Webhooks:AllowLoopback"] = "true",
            ["Schuldketen:Webhooks:AllowHttp"] = "true",
            ["Schuldketen:Webhooks:RelayInterval"] = "00:00:00.020",
        });
        using var municipality = BenchHub.Client(hub, Organisations.Municipality, PartnerRole.Municipality, 256);
        using var counsellor = BenchHub.Client(hub, Organisations.Counsellor, PartnerRole.DebtCounsellor, 256);
        await receiver.SubscribeAsync(municipality);

        var steps = Journey.Steps.Take(5).ToList();
        var total = load * seconds;
        var ids = await Registrations.RegisterAsync([municipality], Residents.Bsns().Take((total / steps.Count) + 1).ToList(), 64);
        var registeredAt = DateTimeOffset.UtcNow;
        var bodies = ids.Select(id => steps.Select((_, index) => Journey.Event(id, index, registeredAt).Body).ToArray()).ToArray();
        var sent = new ConcurrentDictionary<(string Trajectory, long Sequence), (long Sent, long Answered)>();
        var ready = System.Threading.Channels.Channel.CreateUnbounded<(int Trajectory, int Step)>();
        foreach (var index in Enumerable.Range(0, ids.Length))
        {
            ready.Writer.TryWrite((index, 0));
        }

        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < total; n++)
        {
            if (TimeSpan.FromSeconds((double)n / load) - clock.Elapsed is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait);
            }

            // A trajectory's next event waits for the answer to the one before; an intake that stops answering ends the run.
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            inFlight.Add(SendAsync(await ready.Reader.ReadAsync(patience.Token)));
        }

        await Task.WhenAll(inFlight);
        var firstArrivals = new WebhookArrivals(receiver);
        await Poll.WithinAsync(() => sent.Keys.All(firstArrivals.Look().ContainsKey), TimeSpan.FromSeconds(60));

        var arrivals = firstArrivals.Look();
        var latencies = sent
            .Where(pair => arrivals.ContainsKey(pair.Key))
            .Select(pair => Stopwatch.GetElapsedTime(pair.Value.Sent, arrivals[pair.Key]).TotalMilliseconds)
            .Order()
            .ToList();
        var span = Stopwatch.GetElapsedTime(sent.Values.Min(times => times.Sent), sent.Keys.Where(arrivals.ContainsKey).Max(key => arrivals[key])).TotalSeconds;
        var inOrder = InOrder(receiver);
        Console.WriteLine($"webhook {provider} sent={sent.Count} delivered={latencies.Count} in_order={inOrder}");
        await PrintStagesAsync(hub, provider, sent, arrivals);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"webhook events_per_s={latencies.Count / span:F0} p50_ms={Percentile(latencies, 0.5):F1} p99_ms={Percentile(latencies, 0.99):F1} load_per_s={load}"));
        return latencies.Count == sent.Count && inOrder ? 0 : 1;

        async Task SendAsync((int Trajectory, int Step) item)
        {
            var step = steps[item.Step];
            var client = step.Role == PartnerRole.Municipality ? municipality : counsellor;
            using var content = new ByteArrayContent(bodies[item.Trajectory][item.Step]);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/cloudevents+json");
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync("/api/v1/events", content);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"An event answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            using var answer = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
            sent[(ids[item.Trajectory], answer.RootElement.GetProperty("sequence").GetInt64())] = (started, Stopwatch.GetTimestamp());
            if (item.Step + 1 < steps.Count)
            {
                ready.Writer.TryWrite((item.Trajectory, item.Step + 1));
            }
        }
    }

    /// <summary>
    /// Per stage: the intake (sending to the 202), the apply to the relay turning its outbox row into a
    /// delivery, that to the start of the delivered attempt, and that to the receiver having it.
    /// </summary>
    private static async Task PrintStagesAsync(
        HubServer hub, string provider, IReadOnlyDictionary<(string Trajectory, long Sequence), (long Sent, long Answered)> sent,
        IReadOnlyDictionary<(string Trajectory, long Sequence), long> arrivals)
    {
        // The relay writes a round's outcomes after the receiver has them: wait until the last ones are written.
        var rows = new Dictionary<(string, long), (string Trajectory, long Sequence, long Applied, long PickedUp, long? Attempted)>();
        await Poll.WithinAsync(async () =>
        {
            await using var connection = await hub.Store.Dialect.OpenAsync(CancellationToken.None);
            rows = (await connection.QueryAsync<(string Trajectory, long Sequence, long Applied, long PickedUp, long? Attempted)>(
                    "SELECT o.trajectory_id, o.sequence, o.created_at, d.created_at, d.attempted_at FROM deliveries d JOIN outbox o ON o.id = d.outbox_id"))
                .ToDictionary(row => (row.Trajectory, row.Sequence));
            return arrivals.Keys.All(key => rows.TryGetValue(key, out var row) && row.Attempted is not null);
        }, TimeSpan.FromSeconds(30));
        var stages = new StageTimes();
        foreach (var (key, times) in sent)
        {
            stages.Add("intake", Stopwatch.GetElapsedTime(times.Sent, times.Answered).TotalMilliseconds);
            if (rows.TryGetValue(key, out var row) && row.Attempted is { } attempted && arrivals.TryGetValue(key, out var arrival))
            {
                stages.Add("apply_to_pickup", row.PickedUp - row.Applied);
                stages.Add("pickup_to_send", attempted - row.PickedUp);
                stages.Add("send_to_receiver", stages.UnixMilliseconds(arrival) - attempted);
                stages.Add("answer_to_receiver", Stopwatch.GetElapsedTime(times.Answered, arrival).TotalMilliseconds);
            }
        }

        stages.Print("webhook", provider);
    }

    /// <summary>Whether each trajectory's events first arrived in sequence order.</summary>
    private static bool InOrder(WebhookReceiver receiver) =>
        receiver.Arrivals.GroupBy(arrival => arrival.Subject).All(trajectory =>
        {
            var firsts = trajectory.Select(arrival => arrival.Sequence).Distinct().ToList();
            return firsts.SequenceEqual(firsts.Order());
        });

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(sorted.Count * fraction) - 1)];
}
