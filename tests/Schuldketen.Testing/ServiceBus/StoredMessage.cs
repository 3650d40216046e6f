using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;

namespace Schuldketen.Testing.ServiceBus;

/// <summary>What the node keeps of a message sent to it: its properties, application properties and data body.</summary>
internal sealed record StoredMessage(Properties Properties, IReadOnlyDictionary<string, object> ApplicationProperties, byte[] Body)
{
    /// <summary>The message format of a batch (<c>SendMessagesAsync</c> with several messages), which the node does not take.</summary>
    private const uint BatchFormat = 0x80013700;

    public static StoredMessage From(AmqpMessage message)
    {
        if (message.MessageFormat == BatchFormat)
        {
            throw new AmqpException(AmqpErrorCode.NotImplemented, "The test node takes one message per transfer, not batches.");
        }

        var properties = new Dictionary<string, object>(StringComparer.Ordinal);
        if ((message.Sections & SectionFlag.ApplicationProperties) != 0)
        {
            foreach (var (key, value) in message.ApplicationProperties.Map)
            {
                properties[key.Key.ToString()!] = value;
            }
        }

        var body = (message.Sections & SectionFlag.Data) != 0
            ? message.DataBody.SelectMany(data => data.Value switch
            {
                ArraySegment<byte> segment => segment.ToArray(),
                byte[] bytes => bytes,
                _ => [],
            }).ToArray()
            : throw new AmqpException(AmqpErrorCode.NotImplemented, "The test node keeps data bodies only.");
        var source = (message.Sections & SectionFlag.Properties) != 0 ? message.Properties : new Properties();
        return new StoredMessage(
            new Properties
            {
                MessageId = source.MessageId,
                CorrelationId = source.CorrelationId,
                ContentType = source.ContentType,
                Subject = source.Subject,
                To = source.To,
                ReplyTo = source.ReplyTo,
            },
            properties,
            body);
    }

    public StoredMessage With(IEnumerable<KeyValuePair<string, object>> added)
    {
        var properties = new Dictionary<string, object>(ApplicationProperties, StringComparer.Ordinal);
        foreach (var (name, value) in added)
        {
            properties[name] = value;
        }

        return this with { ApplicationProperties = properties };
    }

    /// <summary>A fresh AMQP message for one delivery, with the broker's annotations Service Bus adds.</summary>
    public AmqpMessage ToDelivery(long sequenceNumber, DateTime enqueuedAt, int previousDeliveries, DateTime lockedUntil)
    {
        var message = AmqpMessage.Create(new Data { Value = new ArraySegment<byte>(Body) });
        message.Header.Durable = true;
        message.Header.DeliveryCount = (uint)previousDeliveries;
        message.Properties.MessageId = Properties.MessageId;
        message.Properties.CorrelationId = Properties.CorrelationId;
        message.Properties.ContentType = Properties.ContentType;
        message.Properties.Subject = Properties.Subject;
        message.Properties.To = Properties.To;
        message.Properties.ReplyTo = Properties.ReplyTo;
        foreach (var (name, value) in ApplicationProperties)
        {
            message.ApplicationProperties.Map[name] = value;
        }

        message.MessageAnnotations.Map["x-opt-sequence-number"] = sequenceNumber;
        message.MessageAnnotations.Map["x-opt-enqueued-time"] = enqueuedAt;
        message.MessageAnnotations.Map["x-opt-locked-until"] = lockedUntil;
        return message;
    }
}
