using Azure.Messaging.ServiceBus;

namespace Schuldketen.Functions.Bus.Transport;

/// <summary>One intake queue read in peek-lock with a <see cref="ServiceBusReceiver"/>, each message settled through it.</summary>
internal sealed class ServiceBusQueue(ServiceBusReceiver receiver) : IBusQueue
{
    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int max, TimeSpan wait, CancellationToken cancellationToken)
    {
        var messages = await receiver.ReceiveMessagesAsync(max, wait, cancellationToken);
        return messages.Select(message => ServiceBusMessages.Received(message, new Settlement(receiver, message))).ToList();
    }

    public ValueTask DisposeAsync() => receiver.DisposeAsync();

    private sealed class Settlement(ServiceBusReceiver receiver, ServiceBusReceivedMessage message) : IMessageSettlement
    {
        public Task CompleteAsync() => receiver.CompleteMessageAsync(message);

        public Task AbandonAsync() => receiver.AbandonMessageAsync(message);

        public Task DeadLetterAsync(DeadLetterReason reason) =>
            receiver.DeadLetterMessageAsync(message, ServiceBusMessages.Limit(reason.Reason), ServiceBusMessages.Limit(reason.Description));
    }
}
