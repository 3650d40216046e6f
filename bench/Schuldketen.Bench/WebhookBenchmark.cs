using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
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
        var load = args.SkipWhile(arg => arg != "--load").Skip(1).Select(value => int.Parse(value, CultureInfo.InvariantCulture)).FirstOrDefault(1000);
        var seconds = args.SkipWhile(arg => arg != "--seconds").Skip(1).Select(value => int.Parse(value, CultureInfo.InvariantCulture)).FirstOrDefault(10);
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
        var sent = new ConcurrentDictionary<(string Trajectory, long Sequence), long>();
        var ready = new ConcurrentQueue<(int Trajectory, int Step)>(Enumerable.Range(0, ids.Length).Select(index => (index, 0)));
        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < total; n++)
        {
            var due = TimeSpan.FromSeconds((double)n / load);
            if (clock.Elapsed < due)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            if (!ready.TryDequeue(out var next))
            {
                break;
            }

            inFlight.Add(SendAsync(next));
        }

        await Task.WhenAll(inFlight);
        var firstArrivals = new WebhookArrivals(receiver);
        await Poll.WithinAsync(() => sent.Keys.All(firstArrivals.Look().ContainsKey), TimeSpan.FromSeconds(60));

        var arrivals = firstArrivals.Look();
        var latencies = sent
            .Where(pair => arrivals.ContainsKey(pair.Key))
            .Select(pair => Stopwatch.GetElapsedTime(pair.Value, arrivals[pair.Key]).TotalMilliseconds)
            .Order()
            .ToList();
        var span = Stopwatch.GetElapsedTime(sent.Values.Min(), sent.Keys.Where(arrivals.ContainsKey).Max(key => arrivals[key])).TotalSeconds;
        Console.WriteLine($"webhook {provider} sent={sent.Count} delivered={latencies.Count}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"webhook events_per_s={latencies.Count / span:F0} p50_ms={Percentile(latencies, 0.5):F1} p99_ms={Percentile(latencies, 0.99):F1} load_per_s={load}"));
        return latencies.Count == sent.Count ? 0 : 1;

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
            sent[(ids[item.Trajectory], answer.RootElement.GetProperty("sequence").GetInt64())] = started;
            if (item.Step + 1 < steps.Count)
            {
                ready.Enqueue((item.Trajectory, item.Step + 1));
            }
        }
    }

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(sorted.Count * fraction) - 1)];
}
