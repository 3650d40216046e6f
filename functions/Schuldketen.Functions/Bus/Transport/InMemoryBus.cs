using System.Collections.Concurrent;
using System.Threading.Channels;
using Schuldketen.Contracts.CloudEvents;
using Schuldketen.Workflows.Relays.Bus;

namespace Schuldketen.Functions.Bus.Transport;

/// <summary>
/// The embedded default's bus, inside the process: what the relay publishes is kept per recipient
/// (the newest <see cref="KeptPerRecipient"/>), and intake queues settle as a broker's would.
/// Nothing survives a restart; the outbox and the inbox are what make delivery reliable.
/// </summary>
public sealed class InMemoryBus : IBusTransport
{
    public const int KeptPerRecipient = 1_000;

    private readonly ConcurrentDictionary<string, Channel<AmqpCloudEvent>> topic = new();
    private readonly ConcurrentDictionary<string, Channel<ReceivedMessage>> queues = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(AmqpCloudEvent Message, DeadLetterReason Reason)>> deadLetters = new();

    public Task PublishAsync(BusMessage message, CancellationToken cancellationToken) =>
        Subscription(message.Recipient).Writer.WriteAsync(AmqpCloudEvent.From(message.Event), cancellationToken).AsTask();

    /// <summary>What the hub published for one organisation.</summary>
    public ChannelReader<AmqpCloudEvent> Published(string recipient) => Subscription(recipient).Reader;

    /// <summary>Puts a partner's message on an intake queue.</summary>
    public ValueTask SendAsync(string queue, AmqpCloudEvent message) => Queue(queue).Writer.WriteAsync(Received(queue, message, 1));

    public IReadOnlyList<(AmqpCloudEvent Message, DeadLetterReason Reason)> DeadLetters(string queue) =>
        deadLetters.TryGetValue(queue, out var letters) ? letters.ToList() : [];

    public IBusQueue OpenQueue(string queue) => new InMemoryQueue(Queue(queue).Reader);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Channel<AmqpCloudEvent> Subscription(string recipient) =>
        topic.GetOrAdd(recipient, _ => Channel.CreateBounded<AmqpCloudEvent>(new BoundedChannelOptions(KeptPerRecipient) { FullMode = BoundedChannelFullMode.DropOldest }));

    private Channel<ReceivedMessage> Queue(string queue) => queues.GetOrAdd(queue, _ => Channel.CreateUnbounded<ReceivedMessage>());

    private ReceivedMessage Received(string queue, AmqpCloudEvent message, int deliveryCount) =>
        new(message, deliveryCount, new Settlement(this, queue, message, deliveryCount));

    private sealed class InMemoryQueue(ChannelReader<ReceivedMessage> reader) : IBusQueue
    {
        public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int max, TimeSpan wait, CancellationToken cancellationToken)
        {
            var batch = new List<ReceivedMessage>();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(wait);
            try
            {
                if (await reader.WaitToReadAsync(timeout.Token))
                {
                    while (batch.Count < max && reader.TryRead(out var message))
                    {
                        batch.Add(message);
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Nothing came within the wait.
            }

            return batch;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class Settlement(InMemoryBus bus, string queue, AmqpCloudEvent message, int deliveryCount) : IMessageSettlement
    {
        public Task CompleteAsync() => Task.CompletedTask;

        public Task AbandonAsync() => bus.Queue(queue).Writer.WriteAsync(bus.Received(queue, message, deliveryCount + 1)).AsTask();

        public Task DeadLetterAsync(DeadLetterReason reason)
        {
            bus.deadLetters.GetOrAdd(queue, _ => new()).Enqueue((message, reason));
            return Task.CompletedTask;
        }
    }
}
