using RabbitMQ.Client;
using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Bus.Transport;

namespace Schuldketen.Faults.Tests;

/// <summary>
/// Intake queues are named by partner and role only, not by topic, and each is declared with its topic's
/// dead-letter exchange; so a test on a new topic removes the previous test's intake queues first.
/// </summary>
internal static class FreshIntakeQueues
{
    public static async Task RemoveAsync(BusOptions options)
    {
        var factory = new ConnectionFactory { Uri = new Uri(options.Address!) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var queue in options.Partners.Select(BusAddresses.IntakeQueue))
        {
            await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false);
            await channel.QueueDeleteAsync(BusAddresses.DeadLetterQueue(queue), ifUnused: false, ifEmpty: false);
        }
    }
}
