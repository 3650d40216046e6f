using Amqp;
using Amqp.Framing;
using Amqp.Types;
using Schuldketen.Contracts.CloudEvents;
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

    /// <summary>The test run's RabbitMQ (<c>amqp://…</c>); fails the test when it is not set.</summary>
    public static string Address
    {
        get
        {
            var address = Environment.GetEnvironmentVariable("SCHULDKETEN_TEST_RABBITMQ");
            Assert.False(string.IsNullOrWhiteSpace(address),
                "SCHULDKETEN_TEST_RABBITMQ is not set: run the suite with ./infra/test.sh, which starts RabbitMQ and sets it.");
            return address!;
        }
    }

    /// <summary>A topology of its own (a unique prefix) with intake queues for <paramref name="partners"/>.</summary>
    public static Task<TestBroker> ProvisionAsync(params BusPartner[] partners) =>
        ProvisionAsync(new BusOptions { Profile = BusProfile.RabbitMq, Address = Address, Prefix = $"test{Guid.NewGuid():N}", Partners = [.. partners] });

    /// <summary>The topology <paramref name="options"/> describe, on the broker they name.</summary>
    public static async Task<TestBroker> ProvisionAsync(BusOptions options)
    {
        await RabbitMqTopology.ProvisionAsync(options, CancellationToken.None);
        return new TestBroker(options, await Connection.Factory.CreateAsync(new Amqp.Address(options.Address)));
    }

    /// <summary>A CloudEvent as a partner's AMQP message: durable, its id as message id, its attributes as application properties.</summary>
    public static Message ToAmqp(AmqpCloudEvent cloudEvent)
    {
        var properties = new ApplicationProperties();
        foreach (var (name, value) in cloudEvent.Properties)
        {
            properties[name] = value;
        }

        return new Message
        {
            Header = new Header { Durable = true },
            Properties = new Properties { MessageId = cloudEvent.MessageId, ContentType = cloudEvent.ContentType },
            ApplicationProperties = properties,
            BodySection = new Data { Binary = cloudEvent.Body },
        };
    }

    /// <summary>An AMQP message as the CloudEvent it carries: message id, application properties (symbols as text) and body.</summary>
    public static AmqpCloudEvent FromAmqp(Message message)
    {
        var properties = new Dictionary<string, object>(StringComparer.Ordinal);
        if (message.ApplicationProperties?.Map is { } map)
        {
            foreach (var key in map.Keys)
            {
                if (map[key] is { } value)
                {
                    properties[key.ToString()!] = value is Symbol symbol ? symbol.ToString() : value;
                }
            }
        }

        return new AmqpCloudEvent(message.Properties?.MessageId ?? "", message.Properties?.ContentType?.ToString(), properties,
            message.BodySection is Data { Binary: { } body } ? body : []);
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
        try
        {
            await Poll.WithinAsync(async () =>
            {
                while (!enough(messages) && await receiver.ReceiveAsync(TimeSpan.FromMilliseconds(200)) is { } message)
                {
                    receiver.Accept(message);
                    messages.Add(message);
                }

                return enough(messages);
            }, Poll.DefaultTimeout);
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
