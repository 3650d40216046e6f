using Schuldketen.Workflows.Relays.Bus;

namespace Schuldketen.Functions.Bus.Transport;

/// <summary>The AMQP 1.0 transport (AMQPNetLite) for RabbitMQ's AMQP 1.0 plugin; Service Bus has <see cref="ServiceBusTransport"/>.</summary>
public sealed class AmqpBus : IBusTransport
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    private readonly AmqpConnection connection;
    private readonly BusOptions options;

    public AmqpBus(BusOptions options, TimeProvider time)
    {
        this.options = options;
        Addresses = new BusAddresses(BusProfile.RabbitMq, options.Prefix);
        connection = new AmqpConnection(options, time);
    }

    public BusAddresses Addresses { get; }

    public async Task PublishAsync(BusMessage message, CancellationToken cancellationToken)
    {
        var sender = await connection.SenderAsync(Addresses.Publish(message.Audience, message.Recipient), cancellationToken);
        var amqp = AmqpMessages.ToAmqp(Contracts.CloudEvents.AmqpCloudEvent.From(message.Event),
            [new(BusAddresses.RecipientProperty, message.Recipient), new(BusAddresses.AudienceProperty, message.Audience)], message.Event.Type);
        await sender.SendAsync(amqp).WaitAsync(cancellationToken);
    }

    /// <summary>Sends a message to any address as it is, awaiting the broker's acceptance: the copy of a dead letter on RabbitMQ.</summary>
    internal async Task SendAsync(string address, Amqp.Message message, CancellationToken cancellationToken)
    {
        var sender = await connection.SenderAsync(address, cancellationToken);
        await sender.SendAsync(message).WaitAsync(SendTimeout, cancellationToken);
    }

    public IBusQueue OpenQueue(string queue) => new AmqpQueue(this, connection, queue, options.Prefetch);

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
