using System.Text;
using Schuldketen.Contracts.CloudEvents;
using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Bus.Transport;

namespace Schuldketen.Api.Tests.Bus;

/// <summary>The transport contract on the embedded default's in-process bus, read through the bus's own accessors.</summary>
public sealed class InMemoryBusContractTests : BusTransportContract
{
    private readonly InMemoryBus bus = new();

    protected override BusProfile Profile => BusProfile.InMemory;

    protected override void Locate(BusOptions options)
    {
        // In the process: nothing to reach.
    }

    protected override Task<IBusTransport> OpenAsync(BusOptions options) => Task.FromResult<IBusTransport>(bus);

    protected override Task SendAsync(string queue, AmqpCloudEvent message) => bus.SendAsync(queue, message).AsTask();

    protected override async Task<IReadOnlyList<AmqpCloudEvent>> ReadPublishedAsync(string organisation, int count)
    {
        var read = new List<AmqpCloudEvent>();
        await Poll.WithinAsync(() =>
        {
            while (bus.Published(organisation).TryRead(out var message))
            {
                read.Add(message);
            }

            return read.Count >= count;
        }, Poll.DefaultTimeout);
        return read;
    }

    protected override async Task<IReadOnlyList<DeadLetter>> ReadDeadLettersAsync(string queue, int count)
    {
        await Poll.WithinAsync(() => bus.DeadLetters(queue).Count >= count, Poll.DefaultTimeout);
        return bus.DeadLetters(queue)
            .Select(letter => new DeadLetter(letter.Message.MessageId, letter.Reason.Reason, letter.Reason.Description, Encoding.UTF8.GetString(letter.Message.Body)))
            .ToList();
    }
}
