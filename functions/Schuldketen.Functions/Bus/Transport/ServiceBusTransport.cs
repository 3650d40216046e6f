using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Schuldketen.Workflows.Relays.Bus;

namespace Schuldketen.Functions.Bus.Transport;

/// <summary>
/// Azure Service Bus through Microsoft's SDK (Azure.Messaging.ServiceBus): one <see cref="ServiceBusSender"/> to the topic,
/// a <see cref="ServiceBusProcessor"/> in peek-lock per partner intake queue for the bus trigger, a
/// <see cref="ServiceBusReceiver"/> for whoever polls a queue. It connects with the connection string or, given only the
/// namespace, with <see cref="DefaultAzureCredential"/> (managed identity). The SDK retries what is transient.
/// </summary>
public sealed class ServiceBusTransport : IBusTransport, IBusProcessorHost
{
    private readonly BusOptions options;
    private readonly ServiceBusClient client;
    private readonly ServiceBusSender sender;

    public ServiceBusTransport(BusOptions options)
    {
        this.options = options;
        client = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new ServiceBusClient(options.FullyQualifiedNamespace, new DefaultAzureCredential())
            : new ServiceBusClient(options.ConnectionString);
        sender = client.CreateSender(new BusAddresses(BusProfile.ServiceBus, options.Prefix).Topic);
    }

    public Task PublishAsync(BusMessage message, CancellationToken cancellationToken) =>
        sender.SendMessageAsync(ServiceBusMessages.ToServiceBus(message), cancellationToken);

    public IBusQueue OpenQueue(string queue) =>
        new ServiceBusQueue(client.CreateReceiver(queue, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.PeekLock, PrefetchCount = options.Prefetch }));

    /// <summary>
    /// One message at a time per queue, so a trajectory's events are applied in the order they came; the handler settles
    /// each message itself. The processor renews the lock while the handler runs (up to the SDK's five minutes).
    /// </summary>
    public async Task<IAsyncDisposable> StartProcessingAsync(
        string queue, Func<ReceivedMessage, Task> handle, Func<Exception, Task> fail, CancellationToken cancellationToken)
    {
        var processor = client.CreateProcessor(queue, new ServiceBusProcessorOptions
        {
            ReceiveMode = ServiceBusReceiveMode.PeekLock,
            AutoCompleteMessages = false,
            MaxConcurrentCalls = 1,
            PrefetchCount = options.Prefetch,
        });
        processor.ProcessMessageAsync += arguments => handle(ServiceBusMessages.Received(arguments.Message, new ProcessorSettlement(arguments)));
        processor.ProcessErrorAsync += arguments => fail(arguments.Exception);
        await processor.StartProcessingAsync(cancellationToken);
        return processor;
    }

    public async ValueTask DisposeAsync()
    {
        await sender.DisposeAsync();
        await client.DisposeAsync();
    }

    private sealed class ProcessorSettlement(ProcessMessageEventArgs arguments) : IMessageSettlement
    {
        public Task CompleteAsync() => arguments.CompleteMessageAsync(arguments.Message);

        public Task AbandonAsync() => arguments.AbandonMessageAsync(arguments.Message);

        public Task DeadLetterAsync(DeadLetterReason reason) =>
            arguments.DeadLetterMessageAsync(arguments.Message, ServiceBusMessages.Limit(reason.Reason), ServiceBusMessages.Limit(reason.Description));
    }
}
