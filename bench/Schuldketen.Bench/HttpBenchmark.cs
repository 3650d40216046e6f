using System.Diagnostics;
using System.Globalization;
using Schuldketen.Contracts;

namespace Schuldketen.Bench;

/// <summary>
/// The same partner journeys as the store benchmark, but through the real hub over HTTP: JWT,
/// rate limiter, CloudEvents parsing and data validation, intake, store. The figure that matters
/// is how much of the engine's own speed survives the trip. The load driver runs in its own process,
/// so the CPU and allocations printed are the hub's alone. A second run offers a fixed 1,000 events
/// per second, as a busy day would, and reports the latency partners then see.
/// </summary>
internal static class HttpBenchmark
{
    private const int FixedRate = 1_000;
    private static readonly TimeSpan FixedRateDuration = TimeSpan.FromSeconds(15);

    public static async Task<IReadOnlyList<string>> RunProviderAsync(string provider, BenchOptions options, double engineEventsPerSecond)
    {
        await using var hub = await BenchHub.StartAsync(provider, options.Postgres);
        using var municipality = BenchHub.Client(hub, Organisations.Municipality, PartnerRole.Municipality, options.HttpClients);
        var tokens = new Dictionary<string, string>
        {
            [Organisations.Municipality] = hub.TokenFor(Organisations.Municipality, PartnerRole.Municipality),
            [Organisations.Counsellor] = hub.TokenFor(Organisations.Counsellor, PartnerRole.DebtCounsellor),
        };

        // Tiered compilation of the whole HTTP path takes thousands of requests on two cores; a short warm-up measures the JIT.
        var warmups = Math.Max(500, options.Trajectories / 2);
        var atFixedRate = (int)(FixedRate * FixedRateDuration.TotalSeconds / Journey.Steps.Count);
        var bsns = Residents.Bsns().Take(warmups + options.Trajectories + atFixedRate).ToList();
        var registeredAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var ids = await Registrations.RegisterAsync([municipality], bsns, options.HttpClients);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider} over HTTP registrations_per_s={ids.Length / clock.Elapsed.TotalSeconds:F0}"));

        var journeys = ids.Select(id => Journey.For(id, registeredAt).Select(e => new DriverEvent(tokens[e.Organisation], e.Body)).ToArray()).ToList();
        var events = new Uri(hub.Address, "/api/v1/events");
        await DriverProcess.RunAsync(new DriverJob(events, options.HttpClients, 0, journeys[..warmups]));

        var measured = journeys[warmups..(warmups + options.Trajectories)];
        var meter = new ProcessMeter();
        var run = await DriverProcess.RunAsync(new DriverJob(events, options.HttpClients, 0, measured));
        var hubCost = meter.DescribePerEvent(run.Events);
        Console.WriteLine($"{provider} over HTTP, the hub alone: {meter.Describe(run.Events)}");

        var latency = await DriverProcess.RunAsync(new DriverJob(events, options.HttpClients, FixedRate, journeys[(warmups + options.Trajectories)..]));
        return
        [
            string.Create(CultureInfo.InvariantCulture,
                $"http {provider} events_per_s={run.EventsPerSecond:F0} p99_ms={run.P99Ms:F1} ratio_to_engine={run.EventsPerSecond / engineEventsPerSecond:F2} " +
                $"connections={hub.Database.Writers} {hubCost}"),
            string.Create(CultureInfo.InvariantCulture,
                $"http-latency {provider} load_per_s={FixedRate} achieved_per_s={latency.EventsPerSecond:F0} p50_ms={latency.P50Ms:F1} p99_ms={latency.P99Ms:F1}"),
        ];
    }
}
