using System.Diagnostics;
using System.Globalization;
using Schuldketen.Contracts;

namespace Schuldketen.Bench;

/// <summary>
/// The same partner journeys as the store benchmark, but through the real hub over HTTP: JWT,
/// rate limiter, CloudEvents parsing and data validation, intake, store. The figure that matters
/// is how much of the engine's own speed survives the trip.
/// </summary>
internal static class HttpBenchmark
{
    public static async Task<string> RunProviderAsync(string provider, BenchOptions options, double engineEventsPerSecond)
    {
        await using var hub = await BenchHub.StartAsync(provider, options.Postgres);
        using var municipality = BenchHub.Client(hub, Organisations.Municipality, PartnerRole.Municipality, options.HttpClients);
        using var counsellor = BenchHub.Client(hub, Organisations.Counsellor, PartnerRole.DebtCounsellor, options.HttpClients);

        // Tiered compilation of the whole HTTP path takes thousands of requests on two cores; a short warm-up measures the JIT.
        var warmups = Math.Max(500, options.Trajectories / 2);
        var bsns = Residents.Bsns().Take(warmups + options.Trajectories).ToList();
        var registeredAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var ids = await Registrations.RegisterAsync([municipality], bsns, options.HttpClients);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider} over HTTP registrations_per_s={ids.Length / clock.Elapsed.TotalSeconds:F0}"));

        var journeys = ids.Select(id => Prepare(id, registeredAt, municipality, counsellor)).ToList();
        var events = new Uri(hub.Address, "/api/v1/events");
        await HttpDriver.DriveAsync(events, journeys[..warmups], options.HttpClients);

        var measured = journeys[warmups..];
        var meter = new ProcessMeter();
        var (eventsPerSecond, p99) = await HttpDriver.DriveAsync(events, measured, options.HttpClients);
        Console.WriteLine($"{provider} over HTTP {meter.Describe(measured.Sum(journey => journey.Length))}");

        return string.Create(CultureInfo.InvariantCulture,
            $"http {provider} events_per_s={eventsPerSecond:F0} p99_ms={p99:F1} ratio_to_engine={eventsPerSecond / engineEventsPerSecond:F2} connections={hub.Database.Writers}");
    }

    private static PreparedEvent[] Prepare(string trajectoryId, DateTimeOffset registeredAt, HttpClient municipality, HttpClient counsellor) =>
        Journey.For(trajectoryId, registeredAt)
            .Select(journeyEvent => new PreparedEvent(journeyEvent.Organisation == Organisations.Municipality ? municipality : counsellor, journeyEvent.Body))
            .ToArray();
}
