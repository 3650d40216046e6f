using System.Text;
using Amqp;
using Amqp.Framing;
using Amqp.Types;
using Schuldketen.Contracts.CloudEvents;

namespace Schuldketen.Functions.Bus.Transport;

/// <summary>CloudEvents to and from AMQPNetLite messages: message id = CloudEvent id, durable, attributes as application properties.</summary>
internal static class AmqpMessages
{
    public static Message ToAmqp(AmqpCloudEvent cloudEvent, IEnumerable<KeyValuePair<string, object>> extra, string? subject)
    {
        var properties = new ApplicationProperties();
        foreach (var (name, value) in cloudEvent.Properties.Concat(extra))
        {
            properties[name] = value;
        }

        return new Message
        {
            Header = new Header { Durable = true },
            Properties = new Properties { MessageId = cloudEvent.MessageId, ContentType = cloudEvent.ContentType, Subject = subject },
            ApplicationProperties = properties,
            BodySection = new Data { Binary = cloudEvent.Body },
        };
    }

    public static AmqpCloudEvent FromAmqp(Message message)
    {
        var properties = new Dictionary<string, object>(StringComparer.Ordinal);
        if (message.ApplicationProperties?.Map is { } map)
        {
            foreach (var key in map.Keys)
            {
                if (map[key] is { } value)
                {
                    properties[key.ToString()!] = value is Symbol symbol ? symbol.ToString() : value;
                }
            }
        }

        byte[] body = message.BodySection switch
        {
            Data data => data.Binary ?? [],
            AmqpValue { Value: string text } => Encoding.UTF8.GetBytes(text),
            AmqpValue { Value: byte[] bytes } => bytes,
            _ => [],
        };
        return new AmqpCloudEvent(message.Properties?.MessageId ?? "", message.Properties?.ContentType?.ToString(), properties, body);
    }
}
