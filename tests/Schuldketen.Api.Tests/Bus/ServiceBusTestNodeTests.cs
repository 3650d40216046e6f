using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
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
    public async Task A_message_abandoned_at_every_delivery_goes_to_the_dead_letter_sub_queue_after_the_queues_maximum()
    {
        node.AddQueue("wachtrij", maxDeliveryCount: 2);
        await using var client = new ServiceBusClient(node.ConnectionString, NoRetries);
        await using var sender = client.CreateSender("wachtrij");
        await using var receiver = client.CreateReceiver("wachtrij");
        await using var deadLetters = client.CreateReceiver("wachtrij", new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        await sender.SendMessageAsync(new ServiceBusMessage("hallo") { MessageId = "bericht-1" });

        var counts = new List<int>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10));
            counts.Add(received.DeliveryCount);
            await receiver.AbandonMessageAsync(received);
        }

        var letter = await deadLetters.ReceiveMessageAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([1, 2], counts);
        Assert.Equal(("bericht-1", "MaxDeliveryCountExceeded"), (letter.MessageId, letter.DeadLetterReason));
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task A_renewed_lock_lasts_longer()
    {
        node.AddQueue("wachtrij", maxDeliveryCount: 3);
        await using var client = new ServiceBusClient(node.ConnectionString, NoRetries);
        await using var sender = client.CreateSender("wachtrij");
        await using var receiver = client.CreateReceiver("wachtrij");
        await sender.SendMessageAsync(new ServiceBusMessage("hallo"));
        var received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10));
        var lockedUntil = received.LockedUntil;

        await Poll.UntilAsync(() => DateTimeOffset.UtcNow > lockedUntil.AddSeconds(-59), "a moment into the lock");
        await receiver.RenewMessageLockAsync(received);

        Assert.True(received.LockedUntil > lockedUntil, $"{received.LockedUntil:O} is not after {lockedUntil:O}");
        await receiver.CompleteMessageAsync(received);
    }

    [Fact]
    public async Task A_client_with_a_wrong_key_is_refused()
    {
        node.AddQueue("wachtrij", maxDeliveryCount: 3);
        await using var client = new ServiceBusClient(node.ConnectionStringWith(Convert.ToBase64String(new byte[32])), NoRetries);
        await using var sender = client.CreateSender("wachtrij");

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => sender.SendMessageAsync(new ServiceBusMessage("hallo")));

        Assert.Contains("signature does not match", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_with_an_expired_token_signed_with_the_right_key_is_refused()
    {
        node.AddQueue("wachtrij", maxDeliveryCount: 3);
        var resource = WebUtility.UrlEncode($"sb://127.0.0.1:{node.Port}/wachtrij".ToLowerInvariant());
        var expiry = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(node.Key), Encoding.UTF8.GetBytes(resource + "\n" + expiry)));
        var token = $"SharedAccessSignature sr={resource}&sig={WebUtility.UrlEncode(signature)}&se={expiry}&skn={ServiceBusTestNode.KeyName}";
        await using var client = new ServiceBusClient($"Endpoint=sb://127.0.0.1:{node.Port};SharedAccessSignature={token};UseDevelopmentEmulator=true", NoRetries);
        await using var sender = client.CreateSender("wachtrij");

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => sender.SendMessageAsync(new ServiceBusMessage("hallo")));

        Assert.Contains("The SAS token has expired", refused.Message, StringComparison.Ordinal);
    }
}
