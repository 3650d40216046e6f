using Azure.Messaging.ServiceBus;
using Schuldketen.Contracts.CloudEvents;
using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Bus.Transport;

namespace Schuldketen.Testing.ServiceBus;

/// <summary>
/// What an operator creates on a Service Bus namespace for the hub, made on the test node: the topic, per partner a
/// subscription filtered on the recipient property, per partner and role an intake queue; and a partner's message.
/// </summary>
public static class ServiceBusTopology
{
    public static void Provision(ServiceBusTestNode node, BusOptions options)
    {
        var addresses = new BusAddresses(BusProfile.ServiceBus, options.Prefix);
        node.AddTopic(addresses.Topic);
        foreach (var organisation in options.Partners.Select(partner => partner.Organisation).Distinct())
        {
            node.AddSubscription(addresses.Topic, organisation, BusAddresses.RecipientProperty, organisation, options.MaxDeliveryCount);
        }

        foreach (var partner in options.Partners)
        {
            node.AddQueue(addresses.IntakeQueue(partner), options.MaxDeliveryCount);
        }
    }

    /// <summary>A CloudEvent as a partner sends it: its id as message id, its attributes as application properties.</summary>
    public static ServiceBusMessage PartnerMessage(AmqpCloudEvent cloudEvent)
    {
        var message = new ServiceBusMessage(cloudEvent.Body) { MessageId = cloudEvent.MessageId, ContentType = cloudEvent.ContentType };
        foreach (var (name, value) in cloudEvent.Properties)
        {
            message.ApplicationProperties[name] = value;
        }

        return message;
    }
}
