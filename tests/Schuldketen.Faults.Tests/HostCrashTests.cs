using System.Diagnostics;
using Xunit.Abstractions;

namespace Schuldketen.Faults.Tests;

/// <summary>Issue 6, fault 1: one of two hosts killed with SIGKILL in the middle of a stream of 10,010 events, then started again.</summary>
[Collection(ServersCollection.Name)]
public sealed class HostCrashTests(Servers servers, ITestOutputHelper output)
{
    private const int Trajectories = 1_430;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_host_killed_mid_stream_loses_nothing_applies_every_accepted_event_once_and_delivers_it_in_order()
    {
        var bsns = Residents.Bsns(10_000_000).Take(Trajectories).ToList();
        var deployment = await Deployment.StartAsync(servers, "crash", hostCount: 2);
        await using (deployment)
        {
            var registeredAt = DateTimeOffset.UtcNow;
            var trajectories = await deployment.RegisterAsync(bsns);
            IReadOnlyList<IReadOnlyList<JourneyEvent>> journeys = trajectories.Select(id => Journey.For(id, registeredAt)).ToList();
            var total = journeys.Sum(journey => journey.Count);

            using var counsellor = deployment.Client(deployment.Hosts[0], Organisations.Counsellor);
            await using var webhook = await WebhookReceiver.StartAsync();
            await webhook.SubscribeAsync(counsellor);
            await using var bus = QueueReader.Start(deployment.Bus.Address!, deployment.Addresses.PartnerSubscription(Organisations.Counsellor));

            var ledger = new Ledger();
            using var sender = new JourneySender(deployment, ledger, new SenderSettings(Concurrency: 32));
            var sending = sender.RunAsync(journeys);
            var victim = deployment.Hosts[1];

            await Poll.UntilAsync(() => ledger.AcceptedCount >= total * 3 / 10 || sending.IsCompleted, "30% of the events accepted", TimeSpan.FromMinutes(2));
            var acceptedAtKill = ledger.AcceptedCount;
            var pid = victim.ProcessId;
            await victim.KillAsync();
            var down = Stopwatch.StartNew();
            await Poll.UntilAsync(() => ledger.AcceptedCount >= acceptedAtKill + total / 5 || sending.IsCompleted,
                "the other host to take the stream on", TimeSpan.FromMinutes(2));
            var acceptedWhileDown = ledger.AcceptedCount - acceptedAtKill;
            await victim.StartAsync();
            down.Stop();
            var elapsed = await sending;

            output.WriteLine($"sent {total} events over 2 hosts in {elapsed.TotalSeconds:0.0} s: {ledger.AcceptedCount / elapsed.TotalSeconds:0} events/s accepted, " +
                             $"{ledger.Attempts.Count} requests, {ledger.Attempts.Count(attempt => attempt.Status != 202)} without 202");
            output.WriteLine($"killed {victim.Name} (pid {pid}) at {acceptedAtKill} accepted; down {down.Elapsed.TotalSeconds:0.0} s, {acceptedWhileDown} accepted meanwhile");
            Assert.True(acceptedAtKill < total, "The host was killed after the stream ended, not in its middle.");
            Assert.Empty(ledger.Failures);
            Assert.Equal(total, ledger.AcceptedCount);

            var sequences = await History.AssertMatchesLedgerAsync(deployment.Database, journeys, ledger);
            var expected = Expectations.CaseHandlerIds(journeys, ledger, sequences);
            var busDrain = await Expectations.AllArrivedAsync(() => bus.Messages.Select(message => message.ToArrival()).ToList(), expected, DrainTimeout,
                "on the counsellor's bus queue");
            var webhookDrain = await Expectations.AllArrivedAsync(() => webhook.Arrivals, expected, DrainTimeout, "at the counsellor's webhook");
            var onBus = DeliveryReport.Of(bus.Messages.Select(message => message.ToArrival()).ToList(), expected);
            var byWebhook = DeliveryReport.Of(webhook.Arrivals, expected);
            output.WriteLine($"bus after sending: drained in {busDrain.TotalSeconds:0.0} s; {onBus}");
            output.WriteLine($"webhook after sending: drained in {webhookDrain.TotalSeconds:0.0} s more; {byWebhook}");
            Assert.Empty(onBus.OutOfOrder);
            Assert.Empty(byWebhook.OutOfOrder);
            Assert.All(webhook.Requests, request => Assert.True(request.SignatureValid, $"A webhook's Standard Webhooks signature does not hold: {request.Body}"));
            Assert.Equal(0, await DeadlocksAsync(deployment.Database));
        }

        LogScan.AssertNoBsn(deployment.LogFiles, bsns);
    }

    /// <summary>Deadlocks PostgreSQL broke up in the deployment's database: two hosts' relays and writers must never wait on each other in a circle.</summary>
    private static async Task<long> DeadlocksAsync(string database)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
