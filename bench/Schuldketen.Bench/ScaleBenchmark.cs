using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Residents;
using Schuldketen.Workflows.Timeline;

namespace Schuldketen.Bench;

/// <summary>
/// Reads at national volume: seeds a database with many trajectories through the store's batch apply, starts the hub on
/// it, and reads one kind at a time at a fixed rate (with the audit writes each read causes), printing p50 and p99 per kind
/// and the plans of the two slowest reads' main queries.
/// </summary>
internal static class ScaleBenchmark
{
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromMinutes(30);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ScaleOptions.Parse(args);
        var lines = new List<string>();
        foreach (var provider in options.Providers)
        {
            lines.AddRange(await RunProviderAsync(provider, options));
        }

        Console.WriteLine();
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }

        return 0;
    }

    private static async Task<List<string>> RunProviderAsync(string provider, ScaleOptions options)
    {
        var directory = Path.Combine(Path.GetTempPath(), "schuldketen-bench", $"scale{DateTime.UtcNow:yyyyMMddHHmmss}-{provider}");
        var hubSettings = new Dictionary<string, string?>
        {
            ["Schuldketen:DataDirectory"] = directory,
            ["Schuldketen:DemoData"] = "true",
        };
        var database = StoreSettings.EmbeddedDefault(directory);
        if (provider != TestDatabase.Sqlite)
        {
            database = BenchDatabase.Create(provider, options.Postgres);
            hubSettings["Schuldketen:Postgres"] = database.ConnectionString;
        }

        try
        {
            // The demo's own trajectories and people first: the seed only fills an empty database.
            await using (var demo = await BenchHub.StartAsync(provider, options.Postgres, hubSettings))
            {
                await CatchUpAsync(demo);
            }

            var lines = new List<string> { await SeedAsync(provider, database, options) };
            await using var hub = await BenchHub.StartAsync(provider, options.Postgres, hubSettings);
            await CatchUpAsync(hub);

            var reads = await ScaleReads.PrepareAsync(hub, options.Trajectories);
            var measured = new List<(string Name, double P99)>();
            foreach (var read in reads)
            {
                for (var n = 0; n < 50; n++)
                {
                    await ScaleReads.SendAsync(read, n);
                }

                var (latencies, failed) = await FixedRate.RunAsync(
                    options.RatePerSecond, TimeSpan.FromSeconds(options.Seconds), n => ScaleReads.SendAsync(read, n));
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"scale {provider} reads={read.Name} trajectories={options.Trajectories} p50_ms={latencies.Percentile(0.5):F1} " +
                    $"p99_ms={latencies.Percentile(0.99):F1}{(failed > 0 ? $" failed={failed}" : "")}");
                Console.WriteLine(line);
                lines.Add(line);
                measured.Add((read.Name, latencies.Percentile(0.99)));
            }

            foreach (var (name, _) in measured.OrderByDescending(read => read.P99).Take(2))
            {
                await ScalePlans.PrintAsync(hub, name);
            }

            return lines;
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            if (provider != TestDatabase.Sqlite)
            {
                NpgsqlConnection.ClearAllPools();
            }
        }
    }

    private static async Task<string> SeedAsync(string provider, StoreSettings database, ScaleOptions options)
    {
        var settings = database with { Writers = provider == TestDatabase.Sqlite ? 1 : options.Writers, MaxBatch = options.MaxBatch };
        var engine = new TrajectoryEngine(DefinitionLibrary.LoadShipped(LegalCalendar.Default));
        await using var store = TrajectoryStore.Open(settings, engine, new DeadlineClock(LegalCalendar.Default), TimeProvider.System);
        Console.WriteLine($"{provider} {await store.DescribeDurabilityAsync()}");
        var (events, perSecond) = await ScaleSeed.RunAsync(store, options.Trajectories, options.Clients, DateTimeOffset.UtcNow);
        var firing = Stopwatch.StartNew();
        var fired = await ScaleSeed.FirePassedDeadlinesAsync(store);
        var firingSeconds = firing.Elapsed.TotalSeconds;
        var settling = Stopwatch.StartNew();
        var (published, _) = await ScaleSeed.SettleRelaysAsync(store);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"scale-seed {provider} trajectories={options.Trajectories} events={events} events_per_s={perSecond:F0} " +
            $"deadlines_fired={fired} firing_s={firingSeconds:F0} outbox_marked_published={published} settle_s={settling.Elapsed.TotalSeconds:F0} " +
            $"writers={settings.Writers} max_batch={settings.MaxBatch}");
        Console.WriteLine(line);
        return line;
    }

    /// <summary>Waits until the hub's resident-notice relay has read all history, so the reads are measured alone.</summary>
    private static async Task CatchUpAsync(HubServer hub)
    {
        var notices = new NoticeStore(hub.Store);
        var waited = Stopwatch.StartNew();
        while ((await notices.PendingAsync(1, CancellationToken.None)).Count > 0)
        {
            if (waited.Elapsed > CatchUpLimit)
            {
                throw new TimeoutException($"The notice relay had not read the seeded history after {CatchUpLimit.TotalMinutes:F0} minutes.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"notice relay caught up with the seeded history in {waited.Elapsed.TotalSeconds:F0} s"));
    }
}
