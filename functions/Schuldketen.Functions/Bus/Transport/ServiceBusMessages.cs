using Azure.Messaging.ServiceBus;
using Schuldketen.Contracts.CloudEvents;
using Schuldketen.Workflows.Relays.Bus;

namespace Schuldketen.Functions.Bus.Transport;

/// <summary>
/// CloudEvents to and from Service Bus messages by the CloudEvents AMQP binding: message id = CloudEvent id, the
/// <c>cloudEvents_*</c> attributes, the recipient and the audience as application properties, the event type as subject.
/// </summary>
internal static class ServiceBusMessages
{
    /// <summary>Service Bus refuses a dead-letter reason or description longer than this.</summary>
    private const int MaxDeadLetterText = 4096;

    public static ServiceBusMessage ToServiceBus(BusMessage message)
    {
        var cloudEvent = AmqpCloudEvent.From(message.Event);
        var sent = new ServiceBusMessage(cloudEvent.Body)
        {
            MessageId = cloudEvent.MessageId,
            ContentType = cloudEvent.ContentType,
            Subject = message.Event.Type,
        };
        foreach (var (name, value) in cloudEvent.Properties)
        {
            sent.ApplicationProperties[name] = value;
        }

        sent.ApplicationProperties[BusAddresses.RecipientProperty] = message.Recipient;
        sent.ApplicationProperties[BusAddresses.AudienceProperty] = message.Audience;
        return sent;
    }

    public static ReceivedMessage Received(ServiceBusReceivedMessage message, IMessageSettlement settlement) =>
        new(new AmqpCloudEvent(message.MessageId ?? "", message.ContentType, message.ApplicationProperties.ToDictionary(StringComparer.Ordinal), message.Body.ToArray()),
            message.DeliveryCount, settlement);

    public static string Limit(string text) => text.Length <= MaxDeadLetterText ? text : text[..(MaxDeadLetterText - 1)] + "…";
}
