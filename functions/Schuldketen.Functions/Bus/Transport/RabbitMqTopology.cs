using RabbitMQ.Client;

namespace Schuldketen.Functions.Bus.Transport;

/// <summary>
/// Declares what the hub expects on RabbitMQ (idempotent): the topic exchange, the dead-letter
/// exchange, per partner and role a quorum intake queue with a delivery limit and its dead-letter
/// queue, and per partner a quorum queue bound to the topic for what the hub publishes to it.
/// </summary>
public static class RabbitMqTopology
{
    public static async Task ProvisionAsync(BusOptions options, CancellationToken cancellationToken)
    {
        var addresses = new BusAddresses(BusProfile.RabbitMq, options.Prefix);
        var factory = new ConnectionFactory { Uri = new Uri(options.Address ?? throw new InvalidOperationException("Set Schuldketen:Bus:Address to the broker's amqp:// URI.")) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(addresses.Topic, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(addresses.DeadLetterExchange, ExchangeType.Direct, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        foreach (var partner in options.Partners)
        {
            var queue = addresses.IntakeQueue(partner);
            var deadLetters = BusAddresses.DeadLetterQueue(queue);
            await DeclareQuorumAsync(channel, deadLetters, [], cancellationToken);
            await channel.QueueBindAsync(deadLetters, addresses.DeadLetterExchange, queue, cancellationToken: cancellationToken);

            // The hub dead-letters at MaxDeliveryCount itself; the broker's limit catches a consumer that keeps crashing.
            await DeclareQuorumAsync(channel, queue, new Dictionary<string, object?>
            {
                ["x-delivery-limit"] = options.MaxDeliveryCount * 2,
                ["x-dead-letter-exchange"] = addresses.DeadLetterExchange,
                ["x-dead-letter-routing-key"] = queue,
                ["x-dead-letter-strategy"] = "at-least-once",
                ["x-overflow"] = "reject-publish",
            }, cancellationToken);
        }

        foreach (var organisation in options.Partners.Select(partner => partner.Organisation).Distinct())
        {
            var queue = addresses.PartnerQueue(organisation);
            await DeclareQuorumAsync(channel, queue, [], cancellationToken);
            await channel.QueueBindAsync(queue, addresses.Topic, $"*.{organisation}", cancellationToken: cancellationToken);
        }
    }

    private static Task DeclareQuorumAsync(IChannel channel, string queue, Dictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        arguments["x-queue-type"] = "quorum";
        return channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: cancellationToken);
    }
}
