using Schuldketen.Contracts.CloudEvents;
using Schuldketen.Workflows.Relays.Bus;

namespace Schuldketen.Functions.Bus.Transport;

/// <summary>A broker: the topic the relay publishes to, and the partners' intake queues the bus trigger reads.</summary>
public interface IBusTransport : IBusTopic, IAsyncDisposable
{
    IBusQueue OpenQueue(string queue);
}

/// <summary>A broker that pushes a queue's messages to a handler (Service Bus's processor) rather than being polled.</summary>
public interface IBusProcessorHost
{
    /// <summary>Hands each message of <paramref name="queue"/> to <paramref name="handle"/>, which settles it; errors of the broker go to <paramref name="fail"/>. Disposing stops it.</summary>
    Task<IAsyncDisposable> StartProcessingAsync(string queue, Func<ReceivedMessage, Task> handle, Func<Exception, Task> fail, CancellationToken cancellationToken);
}

/// <summary>The receiving end of one queue.</summary>
public interface IBusQueue : IAsyncDisposable
{
    /// <summary>Up to <paramref name="max"/> messages, waiting at most <paramref name="wait"/> for the first; empty when none came.</summary>
    Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int max, TimeSpan wait, CancellationToken cancellationToken);
}

/// <summary>A message taken from a queue, to settle once: complete, abandon (try again) or dead-letter with a reason.</summary>
public sealed record ReceivedMessage(AmqpCloudEvent Message, int DeliveryCount, IMessageSettlement Settlement);

public interface IMessageSettlement
{
    Task CompleteAsync();

    Task AbandonAsync();

    Task DeadLetterAsync(DeadLetterReason reason);
}

/// <summary>Why a message was dead-lettered, as Service Bus has it (reason and description), with the attempts made.</summary>
public sealed record DeadLetterReason(string Reason, string Description, int Attempts, string Queue);
