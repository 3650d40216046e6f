using System.Text;
using Schuldketen.Contracts.CloudEvents;
using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Bus.Transport;

namespace Schuldketen.Api.Tests.Bus;

/// <summary>
/// The transport contract on the RabbitMQ that <c>./infra/test.sh</c> starts (<c>SCHULDKETEN_TEST_RABBITMQ</c>), through the
/// hub's AMQP 1.0 transport; the partner's side and the dead-letter queue are read over a connection of the test's own.
/// </summary>
public sealed class RabbitMqBusContractTests : BusTransportContract
{
    private TestBroker? broker;

    private TestBroker Broker => broker ?? throw new InvalidOperationException("The broker is not provisioned.");

    protected override BusProfile Profile => BusProfile.RabbitMq;

    protected override void Locate(BusOptions options) => options.Address = TestBroker.Address;

    protected override async Task<IBusTransport> OpenAsync(BusOptions options)
    {
        broker = await TestBroker.ProvisionAsync(options);
        return new AmqpBus(options, TimeProvider.System);
    }

    protected override Task SendAsync(string queue, AmqpCloudEvent message) => Broker.SendAsync(Broker.Addresses.Receive(queue), TestBroker.ToAmqp(message));

    protected override async Task<IReadOnlyList<AmqpCloudEvent>> ReadPublishedAsync(string organisation, int count) =>
        (await Broker.ReadUntilAsync(Broker.Addresses.PartnerSubscription(organisation), messages => messages.Count >= count)).Select(TestBroker.FromAmqp).ToList();

    protected override async Task<IReadOnlyList<DeadLetter>> ReadDeadLettersAsync(string queue, int count) =>
        (await Broker.ReadUntilAsync(Broker.Addresses.DeadLetters(queue), messages => messages.Count >= count))
        .Select(TestBroker.FromAmqp)
        .Select(letter => new DeadLetter(letter.MessageId, letter.Properties.GetValueOrDefault(DeadLetterProperties.Reason) as string,
            letter.Properties.GetValueOrDefault(DeadLetterProperties.Description) as string, Encoding.UTF8.GetString(letter.Body)))
        .ToList();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (broker is not null)
        {
            await broker.DisposeAsync();
        }
    }
}
