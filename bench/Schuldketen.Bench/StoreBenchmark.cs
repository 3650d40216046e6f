using System.Diagnostics;
using System.Globalization;
using Schuldketen.Contracts;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Timeline;

namespace Schuldketen.Bench;

/// <summary>
/// Generated partner events for many trajectories through engine and store, against the raw
/// speed of the same database (single-row inserts, same number of connections) in the same run.
/// </summary>
internal static class StoreBenchmark
{
    private static readonly DefinitionKey Standard = new("wgs-standaard", 1);
    private static readonly Sender Municipality = new("00000001001234567000", PartnerRole.Municipality);
    private static readonly Sender Counsellor = new("00000001009876543000", PartnerRole.DebtCounsellor);
    private static readonly IReadOnlySet<string> NoCrisis = new HashSet<string> { Guards.NoCrisis };

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var lines = new List<string>();
        foreach (var provider in options.Providers)
        {
            lines.Add((await RunProviderAsync(provider, options)).Line);
        }

        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }

        return 0;
    }

    public static async Task<EngineResult> RunProviderAsync(string provider, BenchOptions options)
    {
        var settings = BenchDatabase.Create(provider, options.Postgres) with { Writers = provider == "sqlite" ? 1 : options.Connections };
        var connections = settings.Writers;
        var engine = new TrajectoryEngine(DefinitionLibrary.LoadShipped(LegalCalendar.Default));
        await using var store = TrajectoryStore.Open(settings, engine, new DeadlineClock(LegalCalendar.Default), TimeProvider.System);
        Console.WriteLine($"{provider} {await store.DescribeDurabilityAsync()}");

        var raw = await RawInserts.MeasureAsync(settings, connections, rows: provider == "sqlite" ? 3_000 : 20_000);
        await DriveAsync(store, "warmup", Math.Max(100, options.Trajectories / 20), options.Clients);
        var batchesBefore = store.CommittedBatches;
        var (events, eventsPerSecond, p99) = await DriveAsync(store, "run", options.Trajectories, options.Clients);
        var batchSize = (int)Math.Round(events / (double)(store.CommittedBatches - batchesBefore));

        var ceiling = await MeasureCeilingAsync(provider, options, settings, store, batchSize);
        return new EngineResult(eventsPerSecond, string.Create(CultureInfo.InvariantCulture,
            $"engine {provider} events_per_s={eventsPerSecond:F0} ceiling_per_s={ceiling:F0} of_ceiling={eventsPerSecond / ceiling:F2} " +
            $"raw_inserts_per_s={raw:F0} ratio={eventsPerSecond / raw:F2} p99_ms={p99:F1} connections={connections} batch={batchSize}"));
    }

    /// <summary>The same rows the run wrote, written again into an empty database of the same schema without the engine.</summary>
    private static async Task<double> MeasureCeilingAsync(string provider, BenchOptions options, StoreSettings settings, TrajectoryStore store, int batchSize)
    {
        IReadOnlyList<CeilingEvent> events;
        await using (var connection = await store.Dialect.OpenAsync(CancellationToken.None))
        {
            events = await CeilingEvents.ReadAsync(connection, "run", store.Engine.Library, new DeadlineClock(LegalCalendar.Default));
        }

        var empty = BenchDatabase.Create(provider, options.Postgres, "ceiling") with { Writers = settings.Writers };
        await using (TrajectoryStore.Open(empty, store.Engine, new DeadlineClock(LegalCalendar.Default), TimeProvider.System))
        {
        }

        return await StoreCeiling.MeasureAsync(empty, events, settings.Writers, batchSize);
    }

    /// <summary>Each client takes the next trajectory and sends its events one after another, as a partner system would.</summary>
    private static async Task<(int Events, double EventsPerSecond, double P99Ms)> DriveAsync(TrajectoryStore store, string prefix, int trajectories, int clients)
    {
        var next = -1;
        var latencies = new List<double>[clients];
        var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var own = latencies[client] = [];
            for (var i = Interlocked.Increment(ref next); i < trajectories; i = Interlocked.Increment(ref next))
            {
                foreach (var incoming in Journey($"{prefix}-{i}", start))
                {
                    var sent = Stopwatch.GetTimestamp();
                    var result = await store.ApplyAsync(incoming);
                    own.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    if (result.Status != ApplyStatus.Accepted)
                    {
                        throw new InvalidOperationException($"{incoming.Type} on {incoming.TrajectoryId}: {result.Status} {result.Detail}");
                    }
                }
            }
        })));
        clock.Stop();

        var all = latencies.SelectMany(list => list).Order().ToList();
        return (all.Count, all.Count / clock.Elapsed.TotalSeconds, all[(int)Math.Ceiling(all.Count * 0.99) - 1]);
    }

    private static IEnumerable<IncomingEvent> Journey(string id, DateTimeOffset start)
    {
        const string source = "urn:nld:oin:00000001001234567000:systeem:bench";
        yield return new IncomingEvent(source, $"{id}-0", EventTypes.Registered, id, start, Municipality,
            Registration: new Registration(Standard, Municipality.Organisation, Counsellor: new Participant(Counsellor.Organisation, Counsellor.Role)));
        yield return new IncomingEvent(source, $"{id}-1", EventTypes.CrisisCheckCompleted, id, start.AddHours(2), Municipality, Facts: NoCrisis);
        (string Type, int Days, Sender Sender, string? Outcome)[] steps =
        [
            (EventTypes.FirstConversationHeld, 10, Counsellor, null),
            (EventTypes.AccessGranted, 30, Municipality, null),
            (EventTypes.StabilisationCompleted, 120, Counsellor, null),
            (EventTypes.SettlementAgreed, 240, Counsellor, null),
            (EventTypes.RepaymentCompleted, 800, Counsellor, null),
            (EventTypes.AftercareCompleted, 900, Counsellor, "geregeld"),
        ];
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            yield return new IncomingEvent(source, $"{id}-{i + 2}", step.Type, id, start.AddDays(step.Days), step.Sender, Outcome: step.Outcome);
        }
    }
}
