using System.Threading.Channels;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;

namespace Schuldketen.Testing.ServiceBus;

/// <summary>
/// A queue (or a subscription, or a dead-letter sub-queue) in peek-lock: a delivery locks the message under a GUID that is
/// also its 16-byte delivery tag; <c>accepted</c> removes it, <c>modified</c> and <c>released</c> unlock it (dead-lettered
/// with <c>MaxDeliveryCountExceeded</c> once delivered the maximum times), <c>rejected</c> moves it to the dead-letter
/// sub-queue with the reason and description from the error's info. A closed link gives back what it held. All its state
/// is kept by one worker: the AMQP library's callbacks only post to it, so they never wait on the queue.
/// </summary>
internal sealed class NodeQueue
{
    private static readonly TimeSpan LockDuration = TimeSpan.FromSeconds(60);
    private static readonly AmqpSymbol DeadLetterCondition = "com.microsoft:dead-letter";

    private readonly Channel<Action> work = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int maxDeliveryCount;
    private readonly NodeQueue? deadLetters;
    private readonly LinkedList<Entry> waiting = new();
    private readonly Dictionary<Guid, Entry> locked = [];
    private readonly List<SendingAmqpLink> consumers = [];
    private long sequenceNumber;

    public NodeQueue(int maxDeliveryCount, NodeQueue? deadLetters)
    {
        this.maxDeliveryCount = maxDeliveryCount;
        this.deadLetters = deadLetters;
        Management = new RequestNode(Manage);
        _ = Task.Run(WorkAsync);
    }

    public RequestNode Management { get; }

    public void Enqueue(StoredMessage message) => Post(() =>
    {
        waiting.AddLast(new Entry(message, ++sequenceNumber, DateTime.UtcNow));
        Pump();
    });

    public void Close() => work.Writer.TryComplete();

    public void Attach(AmqpLink link)
    {
        if (link is ReceivingAmqpLink senders)
        {
            senders.RegisterMessageListener(message =>
            {
                try
                {
                    Enqueue(StoredMessage.From(message));
                    senders.DisposeMessage(message, AmqpConstants.AcceptedOutcome, true, false);
                }
                catch (AmqpException error)
                {
                    senders.DisposeMessage(message, new Rejected { Error = error.Error }, true, false);
                }
                finally
                {
                    message.Dispose();
                }
            });
            return;
        }

        var consumer = (SendingAmqpLink)link;
        consumer.RegisterCreditListener((_, _, _) => Post(Pump));
        consumer.RegisterDispositionListener(delivery => Settle(consumer, delivery));
        consumer.Closed += (_, _) => Post(() => GiveBack(consumer));
        Post(() => consumers.Add(consumer));
    }

    private void Post(Action action) => work.Writer.TryWrite(action);

    private async Task WorkAsync()
    {
        await foreach (var action in work.Reader.ReadAllAsync())
        {
            action();
        }
    }

    /// <summary>Hands waiting messages, oldest first, to consumers with link credit left.</summary>
    private void Pump()
    {
        foreach (var consumer in consumers.Where(consumer => consumer.State == AmqpObjectState.Opened).ToList())
        {
            while (waiting.First is { } next && consumer.LinkCredit > consumer.Available)
            {
                waiting.RemoveFirst();
                var entry = next.Value;
                entry.LockToken = Guid.NewGuid();
                entry.LockedUntil = DateTime.UtcNow + LockDuration;
                var delivery = entry.Message.ToDelivery(entry.SequenceNumber, entry.EnqueuedAt, entry.Deliveries, entry.LockedUntil);
                try
                {
                    consumer.SendMessageNoWait(delivery, new ArraySegment<byte>(entry.LockToken.ToByteArray()), AmqpConstants.NullBinary);
                }
                catch (Exception error) when (error is InvalidOperationException or AmqpException)
                {
                    // The link closed meanwhile (ObjectDisposedException is an InvalidOperationException): the message waits for the next.
                    waiting.AddFirst(entry);
                    consumers.Remove(consumer);
                    break;
                }

                entry.Deliveries++;
                entry.Consumer = consumer;
                locked[entry.LockToken] = entry;
            }
        }
    }

    private void Settle(SendingAmqpLink consumer, Delivery delivery)
    {
        var lockToken = new Guid(delivery.DeliveryTag.AsSpan());
        var outcome = delivery.State;

        // A rejected outcome sent back would read as a refusal of the settlement; dead-lettering succeeded.
        consumer.DisposeDelivery(delivery, true, outcome is Rejected ? AmqpConstants.AcceptedOutcome : outcome);
        Post(() =>
        {
            if (!locked.Remove(lockToken, out var entry))
            {
                return;
            }

            switch (outcome)
            {
                case Accepted:
                    break;
                case Rejected rejected:
                    DeadLetter(entry, Info(rejected.Error, "DeadLetterReason"), Info(rejected.Error, "DeadLetterErrorDescription"));
                    break;
                default:
                    Unlock(entry);
                    break;
            }

            Pump();
        });
    }

    private void GiveBack(SendingAmqpLink consumer)
    {
        consumers.Remove(consumer);
        foreach (var entry in locked.Values.Where(entry => entry.Consumer == consumer).ToList())
        {
            locked.Remove(entry.LockToken);
            Unlock(entry);
        }

        Pump();
    }

    /// <summary>Back in line where it was, or to the dead letters once delivered the maximum times.</summary>
    private void Unlock(Entry entry)
    {
        if (entry.Deliveries >= maxDeliveryCount && deadLetters is not null)
        {
            DeadLetter(entry, "MaxDeliveryCountExceeded", $"Message could not be consumed after {maxDeliveryCount} delivery attempts.");
            return;
        }

        entry.Consumer = null;
        var later = waiting.First;
        while (later is not null && later.Value.SequenceNumber < entry.SequenceNumber)
        {
            later = later.Next;
        }

        if (later is null)
        {
            waiting.AddLast(entry);
        }
        else
        {
            waiting.AddBefore(later, entry);
        }
    }

    private void DeadLetter(Entry entry, string? reason, string? description)
    {
        var added = new Dictionary<string, object>();
        if (reason is not null)
        {
            added["DeadLetterReason"] = reason;
        }

        if (description is not null)
        {
            added["DeadLetterErrorDescription"] = description;
        }

        deadLetters?.Enqueue(entry.Message.With(added));
    }

    private static string? Info(Error? error, string name) =>
        error?.Condition is { } condition && condition.Equals(DeadLetterCondition) && error.Info is { } info && info.TryGetValue<string>(name, out var value) ? value : null;

    /// <summary><c>com.microsoft:renew-lock</c> on this queue's locked messages; other operations are not implemented here.</summary>
    private Task<AmqpMessage> Manage(AmqpMessage request)
    {
        var operation = request.ApplicationProperties.Map["operation"]?.ToString();
        if (operation != "com.microsoft:renew-lock" || request.ValueBody?.Value is not AmqpMap body || body[new MapKey("lock-tokens")] is not Guid[] tokens)
        {
            return Task.FromResult(Status(501, $"The test node implements renew-lock only, not {operation}."));
        }

        var answer = new TaskCompletionSource<AmqpMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            var expirations = new List<DateTime>();
            foreach (var token in tokens)
            {
                if (!locked.TryGetValue(token, out var entry))
                {
                    answer.SetResult(Status(410, "The lock supplied is invalid."));
                    return;
                }

                entry.LockedUntil = DateTime.UtcNow + LockDuration;
                expirations.Add(entry.LockedUntil);
            }

            answer.SetResult(Status(200, "OK", new AmqpMap { [new MapKey("expirations")] = expirations.ToArray() }));
        });
        return answer.Task;
    }

    private static AmqpMessage Status(int status, string description, AmqpMap? body = null) =>
        RequestNode.Response("statusCode", status, description, body, "statusDescription");

    private sealed class Entry(StoredMessage message, long sequenceNumber, DateTime enqueuedAt)
    {
        public StoredMessage Message { get; } = message;

        public long SequenceNumber { get; } = sequenceNumber;

        public DateTime EnqueuedAt { get; } = enqueuedAt;

        public int Deliveries { get; set; }

        public Guid LockToken { get; set; }

        public DateTime LockedUntil { get; set; }

        public SendingAmqpLink? Consumer { get; set; }
    }
}
