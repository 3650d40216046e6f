using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;

namespace Schuldketen.Testing.ServiceBus;

/// <summary>A topic: each message sent to it is copied to every subscription whose correlation filter matches.</summary>
internal sealed class NodeTopic
{
    private readonly List<(NodeQueue Subscription, string Property, string Value)> subscriptions = [];

    public void Subscribe(NodeQueue subscription, string property, string value)
    {
        lock (subscriptions)
        {
            subscriptions.Add((subscription, property, value));
        }
    }

    public void Attach(ReceivingAmqpLink link) => link.RegisterMessageListener(message =>
    {
        try
        {
            var stored = StoredMessage.From(message);
            List<NodeQueue> matching;
            lock (subscriptions)
            {
                matching = subscriptions
                    .Where(subscription => stored.ApplicationProperties.TryGetValue(subscription.Property, out var value) && Equals(value?.ToString(), subscription.Value))
                    .Select(subscription => subscription.Subscription)
                    .ToList();
            }

            matching.ForEach(subscription => subscription.Enqueue(stored));
            link.DisposeMessage(message, AmqpConstants.AcceptedOutcome, true, false);
        }
        catch (AmqpException error)
        {
            link.DisposeMessage(message, new Rejected { Error = error.Error }, true, false);
        }
        finally
        {
            message.Dispose();
        }
    });
}
