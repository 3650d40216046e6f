using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Schuldketen.Contracts.CloudEvents;
using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Bus.Transport;
using Xunit.Abstractions;

namespace Schuldketen.Faults.Tests;

/// <summary>Issue 6, fault 4: poison messages between valid events on a partner's intake queue.</summary>
[Collection(ServersCollection.Name)]
public sealed class PoisonMessageTests(Servers servers, ITestOutputHelper output)
{
    private const string NotJson = "kapot-geen-json";
    private const string WrongSpecVersion = "kapot-specversion";

    [Theory]
    [InlineData(BusProfile.RabbitMq)]
    [InlineData(BusProfile.ServiceBus)]
    public async Task Poison_messages_end_in_the_dead_letter_queue_with_their_reason_while_the_valid_events_around_them_are_applied(BusProfile profile)
    {
        var bsns = Residents.Bsns(40_000_000).Take(3).ToList();
        var deployment = await Deployment.StartAsync(servers, "poison", hostCount: 1, profile);
        await using (deployment)
        {
            var registeredAt = DateTimeOffset.UtcNow;
            var trajectories = await deployment.RegisterAsync(bsns);
            var ledger = new Ledger();
            using (var sender = new JourneySender(deployment, ledger, new SenderSettings(Concurrency: 3)))
            {
                // Over HTTP the municipality's crisis check; the counsellor's next event then comes over the bus.
                await sender.RunAsync(trajectories.Select(id => (IReadOnlyList<JourneyEvent>)[Journey.Event(id, 0, registeredAt)]).ToList());
            }

            Assert.Empty(ledger.Failures);
            var valid = trajectories.Select(id => Journey.Event(id, 1, registeredAt)).ToList();
            var broken = JsonNode.Parse(Journey.Event(trajectories[0], 2, registeredAt).Body)!.AsObject();
            broken["id"] = WrongSpecVersion;
            broken["specversion"] = "0.3";

            var queue = deployment.Addresses.IntakeQueue(Deployment.CounsellorPartner);
            await using var deadLetters = deployment.ReadQueue(deployment.Addresses.DeadLetters(queue));
            await using (var partner = await deployment.PartnerQueueAsync(queue))
            {
                await partner.SendAsync(valid[0].Id, valid[0].Body);
                await partner.SendAsync(NotJson, Encoding.UTF8.GetBytes("{\"specversion\": \"1.0\", dit is geen JSON"));
                await partner.SendAsync(valid[1].Id, valid[1].Body);
                await partner.SendAsync(WrongSpecVersion, Encoding.UTF8.GetBytes(broken.ToJsonString()));
                await partner.SendAsync(valid[2].Id, valid[2].Body);
            }

            var applied = await Poll.UntilAsync(async () => (await AppliedAsync(deployment.Database, valid.Select(item => item.Id).ToArray())) == valid.Count,
                "the three valid bus events applied", TimeSpan.FromSeconds(60));
            await Poll.UntilAsync(() => deadLetters.Count >= 2, "two dead letters", TimeSpan.FromSeconds(60), () => $"{deadLetters.Count} so far");

            var letters = deadLetters.Messages.ToDictionary(message => message.MessageId ?? "");
            foreach (var letter in letters.Values)
            {
                output.WriteLine($"dead letter {letter.MessageId}: {letter.Properties.GetValueOrDefault(DeadLetterProperties.Reason)}: " +
                                 $"{letter.Properties.GetValueOrDefault(DeadLetterProperties.Description)}");
            }

            output.WriteLine($"valid events applied {applied.TotalSeconds:0.0} s after sending");
            Assert.Equal([NotJson, WrongSpecVersion], letters.Keys.Order(StringComparer.Ordinal));
            Assert.Equal("json-syntax", letters[NotJson].Properties.GetValueOrDefault(DeadLetterProperties.Reason));
            Assert.Contains("not valid JSON", letters[NotJson].Properties.GetValueOrDefault(DeadLetterProperties.Description));
            Assert.Equal(EnvelopeRules.SpecVersion, letters[WrongSpecVersion].Properties.GetValueOrDefault(DeadLetterProperties.Reason));
            Assert.Contains("specversion", letters[WrongSpecVersion].Properties.GetValueOrDefault(DeadLetterProperties.Description));
            if (profile == BusProfile.RabbitMq)
            {
                // RabbitMQ's dead letters are copies in a queue of their own, naming the intake queue; Service Bus keeps them in its dead-letter sub-queue.
                Assert.All(letters.Values, letter => Assert.Equal(queue, letter.Properties.GetValueOrDefault(DeadLetterProperties.Queue)));
            }

            Assert.Equal(Encoding.UTF8.GetBytes(broken.ToJsonString()), letters[WrongSpecVersion].Body);
        }

        LogScan.AssertNoBsn(deployment.LogFiles, bsns);
    }

    private static async Task<long> AppliedAsync(string database, string[] eventIds)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM history WHERE event_id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", eventIds);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
