using System.Collections.Concurrent;
using System.Globalization;
using Azure.Messaging.ServiceBus;

namespace Schuldketen.Faults.Tests;

/// <summary>A partner on Service Bus through Azure.Messaging.ServiceBus: sends to an intake queue.</summary>
internal sealed class ServiceBusPartner(string connectionString, string queue) : IPartnerQueue
{
    private readonly ServiceBusClient client = new(connectionString);

    public async Task SendAsync(string messageId, byte[] body)
    {
        await using var sender = client.CreateSender(queue);
        await sender.SendMessageAsync(new ServiceBusMessage(body) { MessageId = messageId, ContentType = "application/cloudevents+json" });
    }

    public ValueTask DisposeAsync() => client.DisposeAsync();
}

/// <summary>A partner reading one Service Bus entity (a subscription, a dead-letter sub-queue) in peek-lock, completing what it keeps.</summary>
internal sealed class ServiceBusQueueReader : IQueueReader
{
    private readonly ServiceBusClient client;
    private readonly ConcurrentQueue<QueueMessage> messages = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task reading;

    private ServiceBusQueueReader(string connectionString, string entity)
    {
        client = new ServiceBusClient(connectionString);
        reading = Task.Run(() => ReadAsync(entity));
    }

    public int Count => messages.Count;

    public IReadOnlyList<QueueMessage> Messages => messages.ToList();

    public static ServiceBusQueueReader Start(string connectionString, string entity) => new(connectionString, entity);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await reading;
        await client.DisposeAsync();
        stop.Dispose();
    }

    private async Task ReadAsync(string entity)
    {
        await using var receiver = client.CreateReceiver(entity);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                foreach (var message in await receiver.ReceiveMessagesAsync(50, TimeSpan.FromMilliseconds(250), stop.Token))
                {
                    messages.Enqueue(new QueueMessage(message.MessageId,
                        message.ApplicationProperties.ToDictionary(property => property.Key, property => Convert.ToString(property.Value, CultureInfo.InvariantCulture) ?? ""),
                        message.Body.ToArray()));
                    await receiver.CompleteMessageAsync(message, CancellationToken.None);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Disposed.
            }
        }
    }
}
