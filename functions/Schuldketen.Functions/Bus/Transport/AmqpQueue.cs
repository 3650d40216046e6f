using System.Collections.Concurrent;
using Amqp;

namespace Schuldketen.Functions.Bus.Transport;

/// <summary>
/// Receives from one RabbitMQ queue with a small link credit and settles as the Azure Functions Service Bus
/// trigger does. RabbitMQ 3.10 over AMQP 1.0 has no <c>modified</c> outcome and drops rejection
/// reasons, so abandon is <c>released</c>, and dead-lettering sends a copy with the reason to
/// the dead-letter exchange (awaiting the broker) before accepting the original. It also sends every
/// delivery with delivery-count 0, so the queue counts the redeliveries of what it abandoned itself.
/// </summary>
internal sealed class AmqpQueue(AmqpBus bus, AmqpConnection connection, string queue, int credit) : IBusQueue
{
    private static readonly TimeSpan BufferedOnly = TimeSpan.FromMilliseconds(1);

    /// <summary>Per message id, how often this queue abandoned the message.</summary>
    private readonly ConcurrentDictionary<string, int> abandoned = new(StringComparer.Ordinal);

    private ReceiverLink? receiver;

    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int max, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (receiver is null or { IsClosed: true })
        {
            receiver = await connection.ReceiverAsync(bus.Addresses.Receive(queue), credit, cancellationToken);
        }

        var link = receiver;
        var batch = new List<ReceivedMessage>();
        var message = await link.ReceiveAsync(wait);
        while (message is not null)
        {
            batch.Add(new ReceivedMessage(AmqpMessages.FromAmqp(message), DeliveryCount(message), new Settlement(bus, queue, link, message, abandoned)));
            // What is already buffered (a zero timeout never completes in AMQPNetLite's async receive).
            message = batch.Count < max ? await link.ReceiveAsync(BufferedOnly) : null;
        }

        return batch;
    }

    public async ValueTask DisposeAsync()
    {
        if (receiver is { IsClosed: false } open)
        {
            await open.CloseAsync();
        }
    }

    /// <summary>The broker's count, or one more than this queue abandoned a message it hands out again.</summary>
    private int DeliveryCount(Message message)
    {
        var counted = (int)(message.Header?.DeliveryCount ?? 0) + 1;
        return message.Header?.FirstAcquirer != true
               && message.Properties?.MessageId is { } id && abandoned.TryGetValue(id, out var times)
            ? Math.Max(counted, times + 1)
            : counted;
    }

    private sealed class Settlement(AmqpBus bus, string queue, ReceiverLink link, Message message, ConcurrentDictionary<string, int> abandoned) : IMessageSettlement
    {
        private string? MessageId => message.Properties?.MessageId;

        public Task CompleteAsync()
        {
            link.Accept(message);
            Forget();
            return Task.CompletedTask;
        }

        public Task AbandonAsync()
        {
            if (MessageId is { } id)
            {
                abandoned.AddOrUpdate(id, 1, (_, times) => times + 1);
            }

            link.Release(message);
            return Task.CompletedTask;
        }

        public async Task DeadLetterAsync(DeadLetterReason reason)
        {
            var copy = AmqpMessages.ToAmqp(AmqpMessages.FromAmqp(message),
            [
                new(DeadLetterProperties.Reason, reason.Reason),
                new(DeadLetterProperties.Description, reason.Description),
                new(DeadLetterProperties.Attempts, reason.Attempts),
                new(DeadLetterProperties.Queue, reason.Queue),
            ], message.Properties?.Subject);
            await bus.SendAsync(bus.Addresses.DeadLetterRoute(queue), copy, CancellationToken.None);
            link.Accept(message);
            Forget();
        }

        private void Forget()
        {
            if (MessageId is { } id)
            {
                abandoned.TryRemove(id, out _);
            }
        }
    }
}

/// <summary>The application properties of a dead letter's copy on RabbitMQ, named as Service Bus names them.</summary>
public static class DeadLetterProperties
{
    public const string Reason = "DeadLetterReason";
    public const string Description = "DeadLetterErrorDescription";
    public const string Attempts = "schuldketen_pogingen";
    public const string Queue = "schuldketen_wachtrij";
}
