using System.Diagnostics;
using Xunit.Abstractions;

namespace Schuldketen.Faults.Tests;

/// <summary>Issue 6, fault 2: RabbitMQ stopped for 30 s while partners keep sending.</summary>
[Collection(ServersCollection.Name)]
public sealed class BrokerOutageTests(Servers servers, ITestOutputHelper output)
{
    private const int Trajectories = 800;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task While_RabbitMQ_is_down_intake_answers_202_and_after_it_returns_the_backlog_reaches_the_partner_complete()
    {
        var bsns = Residents.Bsns(20_000_000).Take(Trajectories).ToList();
        var deployment = await Deployment.StartAsync(servers, "broker", hostCount: 2);
        await using (deployment)
        {
            var registeredAt = DateTimeOffset.UtcNow;
            var trajectories = await deployment.RegisterAsync(bsns);
            IReadOnlyList<IReadOnlyList<JourneyEvent>> journeys = trajectories.Select(id => Journey.For(id, registeredAt)).ToList();
            await using var bus = QueueReader.Start(deployment.Bus.Address!, deployment.Addresses.PartnerSubscription(Organisations.Counsellor));

            var ledger = new Ledger();
            using var sender = new JourneySender(deployment, ledger, new SenderSettings(Concurrency: 16, EventsPerSecond: 70));
            using var stop = new CancellationTokenSource();
            var sending = sender.RunAsync(journeys, stop.Token);
            await Poll.UntilAsync(() => ledger.AcceptedCount >= 300, "300 events accepted before the outage", TimeSpan.FromMinutes(1));

            var stopping = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            await servers.StopRabbitMqAsync();
            var stopTook = clock.Elapsed;
            await Task.Delay(Outage);
            clock.Restart();
            await servers.ResumeRabbitMqAsync();
            var resumeTook = clock.Elapsed;
            var resumed = DateTimeOffset.UtcNow;
            await stop.CancelAsync();
            var elapsed = await sending;

            var duringOutage = ledger.Attempts.Where(attempt => attempt.Started >= stopping && attempt.Started <= resumed).ToList();
            var notAccepted = duringOutage.Where(attempt => attempt.Status != 202).ToList();
            output.WriteLine($"RabbitMQ stopping took {stopTook.TotalSeconds:0.0} s, down {Outage.TotalSeconds:0} s, starting again {resumeTook.TotalSeconds:0.0} s");
            output.WriteLine($"{ledger.AcceptedCount} events accepted in {elapsed.TotalSeconds:0.0} s ({ledger.AcceptedCount / elapsed.TotalSeconds:0} events/s); " +
                             $"{duringOutage.Count} requests while RabbitMQ was stopping, stopped or starting, {notAccepted.Count} of them without 202");
            Assert.True(duringOutage.Count >= 1_000, $"Only {duringOutage.Count} requests fell in the outage; the load did not last.");
            Assert.True(notAccepted.Count == 0,
                $"Requests during the outage without 202: {string.Join("; ", notAccepted.Take(5).Select(attempt => $"{attempt.EventId} at {attempt.Host}: {attempt.Status}"))}");
            Assert.Empty(ledger.Failures);

            var sequences = await History.AssertMatchesLedgerAsync(deployment.Database, journeys, ledger);
            var expected = Expectations.CaseHandlerIds(journeys, ledger, sequences);
            var drain = await Expectations.AllArrivedAsync(() => bus.Messages.Select(message => message.ToArrival()).ToList(), expected, TimeSpan.FromMinutes(2),
                "on the counsellor's bus queue after RabbitMQ returned");
            var report = DeliveryReport.Of(bus.Messages.Select(message => message.ToArrival()).ToList(), expected);
            output.WriteLine($"backlog drained {drain.TotalSeconds:0.0} s after the sender stopped ({(DateTimeOffset.UtcNow - resumed).TotalSeconds:0.0} s after RabbitMQ was back); {report}");
            Assert.Empty(report.OutOfOrder);
        }

        LogScan.AssertNoBsn(deployment.LogFiles, bsns);
    }
}
