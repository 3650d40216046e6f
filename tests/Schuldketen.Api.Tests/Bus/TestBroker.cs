using Amqp;
using Schuldketen.Functions.Bus;
using Schuldketen.Functions.Bus.Transport;

namespace Schuldketen.Api.Tests.Bus;

/// <summary>
/// The RabbitMQ that ./infra/test.sh starts, seen as a partner sees it: a topology of its own per
/// test (a unique topic), an AMQP 1.0 connection to send to intake queues and read what the hub published.
/// </summary>
internal sealed class TestBroker : IAsyncDisposable
{
    private readonly Connection connection;
    private readonly Session session;

    private TestBroker(BusOptions options, Connection connection)
    {
        Options = options;
        Addresses = new BusAddresses(BusProfile.RabbitMq, options.Prefix);
        this.connection = connection;
        session = new Session(connection);
    }

    public BusOptions Options { get; }

    public BusAddresses Addresses { get; }

    /// <summary>The hub's settings for this broker and topology.</summary>
    public Dictionary<string, string?> HubSettings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Schuldketen:Bus:Profile"] = "RabbitMq",
                ["Schuldketen:Bus:Address"] = Options.Address,
                ["Schuldketen:Bus:Prefix"] = Options.Prefix,
                ["Schuldketen:Bus:MaxDeliveryCount"] = Options.MaxDeliveryCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            for (var index = 0; index < Options.Partners.Count; index++)
            {
                settings[$"Schuldketen:Bus:Partners:{index}:Organisation"] = Options.Partners[index].Organisation;
                settings[$"Schuldketen:Bus:Partners:{index}:Role"] = Options.Partners[index].Role;
            }

            return settings;
        }
    }

    public static async Task<TestBroker> ProvisionAsync(params BusPartner[] partners)
    {
        var address = Environment.GetEnvironmentVariable("SCHULDKETEN_TEST_RABBITMQ");
        Assert.False(string.IsNullOrWhiteSpace(address),
            "SCHULDKETEN_TEST_RABBITMQ is not set: run the suite with ./infra/test.sh, which starts RabbitMQ and sets it.");
        var options = new BusOptions { Profile = BusProfile.RabbitMq, Address = address, Prefix = $"test{Guid.NewGuid():N}", Partners = [.. partners] };
        await RabbitMqTopology.ProvisionAsync(options, CancellationToken.None);
        return new TestBroker(options, await Connection.Factory.CreateAsync(new Address(address)));
    }

    public async Task SendAsync(string address, Message message)
    {
        var sender = new SenderLink(session, $"test-{Guid.NewGuid():N}", address);
        try
        {
            await sender.SendAsync(message);
        }
        finally
        {
            await sender.CloseAsync();
        }
    }

    /// <summary>Reads and accepts messages from <paramref name="address"/> until <paramref name="enough"/> holds or 30 seconds pass.</summary>
    public async Task<IReadOnlyList<Message>> ReadUntilAsync(string address, Func<IReadOnlyList<Message>, bool> enough)
    {
        var receiver = new ReceiverLink(session, $"test-{Guid.NewGuid():N}", address);
        var messages = new List<Message>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        try
        {
            while (!enough(messages) && DateTime.UtcNow < deadline)
            {
                if (await receiver.ReceiveAsync(TimeSpan.FromMilliseconds(500)) is { } message)
                {
                    receiver.Accept(message);
                    messages.Add(message);
                }
            }
        }
        finally
        {
            await receiver.CloseAsync();
        }

        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        await session.CloseAsync();
        await connection.CloseAsync();
    }
}
