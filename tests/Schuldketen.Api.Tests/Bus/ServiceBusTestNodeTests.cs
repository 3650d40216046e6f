using Azure.Messaging.ServiceBus;
using Schuldketen.Testing.ServiceBus;

namespace Schuldketen.Api.Tests.Bus;

/// <summary>The Service Bus test node as Azure.Messaging.ServiceBus sees it: what it takes, how it settles, whom it refuses.</summary>
public sealed class ServiceBusTestNodeTests : IDisposable
{
    private static readonly ServiceBusClientOptions NoRetries = new() { RetryOptions = new ServiceBusRetryOptions { MaxRetries = 0, TryTimeout = TimeSpan.FromSeconds(10) } };

    private readonly ServiceBusTestNode node = ServiceBusTestNode.Start();

    public void Dispose() => node.Dispose();

    [Fact]
    public async Task The_SDK_sends_to_a_queue_and_receives_it_in_peek_lock_with_a_lock_token_and_a_first_delivery_count()
    {
        node.AddQueue("wachtrij", maxDeliveryCount: 3);
        await using var client = new ServiceBusClient(node.ConnectionString, NoRetries);
        await using var sender = client.CreateSender("wachtrij");
        await using var receiver = client.CreateReceiver("wachtrij");

        await sender.SendMessageAsync(new ServiceBusMessage("hallo") { MessageId = "bericht-1", ApplicationProperties = { ["soort"] = "test" } });
        var received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(received);
        Assert.Equal(("bericht-1", "hallo", "test", 1), (received.MessageId, received.Body.ToString(), received.ApplicationProperties["soort"], received.DeliveryCount));
        Assert.NotEqual(Guid.Empty.ToString(), received.LockToken);
        await receiver.CompleteMessageAsync(received);
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task A_client_with_a_wrong_key_is_refused()
    {
        node.AddQueue("wachtrij", maxDeliveryCount: 3);
        await using var client = new ServiceBusClient(node.ConnectionStringWith(Convert.ToBase64String(new byte[32])), NoRetries);
        await using var sender = client.CreateSender("wachtrij");

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => sender.SendMessageAsync(new ServiceBusMessage("hallo")));

        Assert.Contains("signature", refused.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
