using Azure.Messaging.ServiceBus;
using Schuldketen.Contracts.CloudEvents;
using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Bus.Transport;
using Schuldketen.Testing.ServiceBus;

namespace Schuldketen.Api.Tests.Bus;

/// <summary>
/// The transport contract on the hub's Service Bus transport (Azure.Messaging.ServiceBus) over real AMQP to the
/// Service Bus test node; the partner's side and the dead-letter sub-queue are read with a client of the test's own.
/// </summary>
public sealed class ServiceBusContractTests : BusTransportContract
{
    private readonly ServiceBusTestNode node = ServiceBusTestNode.Start();
    private ServiceBusClient? partner;

    private ServiceBusClient Partner => partner ?? throw new InvalidOperationException("The node is not provisioned.");

    protected override BusProfile Profile => BusProfile.ServiceBus;

    protected override void Locate(BusOptions options) => options.ConnectionString = node.ConnectionString;

    protected override Task<IBusTransport> OpenAsync(BusOptions options)
    {
        ServiceBusTopology.Provision(node, options);
        partner = new ServiceBusClient(node.ConnectionString);
        return Task.FromResult<IBusTransport>(new ServiceBusTransport(options));
    }

    protected override async Task SendAsync(string queue, AmqpCloudEvent message)
    {
        await using var sender = Partner.CreateSender(queue);
        await sender.SendMessageAsync(ServiceBusTopology.PartnerMessage(message));
    }

    protected override async Task<IReadOnlyList<AmqpCloudEvent>> ReadPublishedAsync(string organisation, int count) =>
        (await ReadAsync(new BusAddresses(BusProfile.ServiceBus, Options.Prefix).PartnerSubscription(organisation), count))
        .Select(message => new AmqpCloudEvent(message.MessageId, message.ContentType, message.ApplicationProperties
            .Where(property => property.Key.StartsWith(AmqpCloudEvent.PropertyPrefix, StringComparison.Ordinal))
            .ToDictionary(StringComparer.Ordinal), message.Body.ToArray()))
        .ToList();

    protected override async Task<IReadOnlyList<DeadLetter>> ReadDeadLettersAsync(string queue, int count) =>
        (await ReadAsync(new BusAddresses(BusProfile.ServiceBus, Options.Prefix).DeadLetters(queue), count))
        .Select(letter => new DeadLetter(letter.MessageId, letter.DeadLetterReason, letter.DeadLetterErrorDescription, letter.Body.ToString()))
        .ToList();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (partner is not null)
        {
            await partner.DisposeAsync();
        }

        node.Dispose();
    }

    /// <summary>Receives and completes from <paramref name="entity"/> until <paramref name="count"/> came or the time is up.</summary>
    private async Task<IReadOnlyList<ServiceBusReceivedMessage>> ReadAsync(string entity, int count)
    {
        await using var receiver = Partner.CreateReceiver(entity);
        var messages = new List<ServiceBusReceivedMessage>();
        await Poll.WithinAsync(async () =>
        {
            foreach (var message in await receiver.ReceiveMessagesAsync(count - messages.Count, TimeSpan.FromMilliseconds(500)))
            {
                await receiver.CompleteMessageAsync(message);
                messages.Add(message);
            }

            return messages.Count >= count;
        }, Poll.DefaultTimeout);
        return messages;
    }
}
