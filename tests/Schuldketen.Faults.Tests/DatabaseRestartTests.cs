using System.Diagnostics;
using Xunit.Abstractions;

namespace Schuldketen.Faults.Tests;

/// <summary>Issue 6, fault 3: PostgreSQL stopped and started again while partners keep sending.</summary>
[Collection(ServersCollection.Name)]
public sealed class DatabaseRestartTests(Servers servers, ITestOutputHelper output)
{
    private const int Trajectories = 300;
    private const string ProblemMediaType = "application/problem+json";
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task While_PostgreSQL_is_down_requests_fail_fast_with_503_and_the_hosts_recover_by_themselves_losing_nothing()
    {
        var bsns = Residents.Bsns(30_000_000).Take(Trajectories).ToList();
        var deployment = await Deployment.StartAsync(servers, "database", hostCount: 2);
        await using (deployment)
        {
            var registeredAt = DateTimeOffset.UtcNow;
            var trajectories = await deployment.RegisterAsync(bsns);
            IReadOnlyList<IReadOnlyList<JourneyEvent>> journeys = trajectories.Select(id => Journey.For(id, registeredAt)).ToList();

            var ledger = new Ledger();
            using var sender = new JourneySender(deployment, ledger, new SenderSettings(Concurrency: 16, EventsPerSecond: 70));
            using var stop = new CancellationTokenSource();
            var sending = sender.RunAsync(journeys, stop.Token);
            await Poll.UntilAsync(() => ledger.AcceptedCount >= 300, "300 events accepted before the restart", TimeSpan.FromMinutes(1));

            var clock = Stopwatch.StartNew();
            await servers.StopPostgresAsync();
            var stopTook = clock.Elapsed;
            var down = DateTimeOffset.UtcNow;
            await Task.Delay(Outage);
            var resuming = DateTimeOffset.UtcNow;
            clock.Restart();
            await servers.ResumePostgresAsync();
            var resumeTook = clock.Elapsed;
            var recovered = await Poll.UntilAsync(() => ledger.Attempts.Any(attempt => attempt.Started > resuming && attempt.Status == 202),
                "an event accepted again after PostgreSQL is back, without restarting the hosts", TimeSpan.FromMinutes(1));
            var acceptedAtRecovery = ledger.AcceptedCount;
            await Poll.UntilAsync(() => ledger.AcceptedCount >= acceptedAtRecovery + 300 || sending.IsCompleted, "300 more events accepted", TimeSpan.FromMinutes(1));
            await stop.CancelAsync();
            await sending;

            var whileDown = ledger.Attempts.Where(attempt => attempt.Started >= down && attempt.Ended <= resuming).ToList();
            var wrong = whileDown.Where(attempt => attempt.Status != 503 || attempt.ContentType != ProblemMediaType || attempt.RetryAfter is null).ToList();
            var slowest = whileDown.Count == 0 ? TimeSpan.Zero : whileDown.Max(attempt => attempt.Took);
            output.WriteLine($"PostgreSQL stop took {stopTook.TotalSeconds:0.0} s, down {Outage.TotalSeconds:0} s, start {resumeTook.TotalSeconds:0.0} s; " +
                             $"first event accepted again {recovered.TotalSeconds:0.0} s after it was back");
            output.WriteLine($"{whileDown.Count} requests while it was down: statuses {string.Join(", ", whileDown.GroupBy(attempt => attempt.Status).Select(group => $"{group.Key}x{group.Count()}"))}, " +
                             $"slowest answer {slowest.TotalMilliseconds:0} ms");
            Assert.True(whileDown.Count >= 20, $"Only {whileDown.Count} requests fell in the outage.");
            Assert.True(wrong.Count == 0,
                $"Requests while PostgreSQL was down not answered 503 {ProblemMediaType} with Retry-After: " +
                string.Join("; ", wrong.Take(5).Select(attempt => $"{attempt.Host}: {attempt.Status} {attempt.ContentType} Retry-After {attempt.RetryAfter}")));
            Assert.True(slowest < FailFast, $"The slowest answer while PostgreSQL was down took {slowest.TotalSeconds:0.0} s.");
            Assert.Empty(ledger.Failures);
            output.WriteLine($"{ledger.AcceptedCount} events accepted in all");

            var sequences = await History.AssertMatchesLedgerAsync(deployment.Database, journeys, ledger);
            Assert.Equal(ledger.AcceptedCount, journeys.SelectMany(journey => journey).Count(journeyEvent => sequences.ContainsKey(journeyEvent.Id)));
        }

        LogScan.AssertNoBsn(deployment.LogFiles, bsns);
    }
}
