using Amqp;
using Amqp.Framing;

namespace Schuldketen.Faults.Tests;

/// <summary>A partner putting messages straight on a queue over AMQP 1.0, each awaited until the broker took it.</summary>
internal sealed class PartnerBus : IPartnerQueue
{
    private readonly Connection connection;
    private readonly SenderLink sender;

    private PartnerBus(Connection connection, SenderLink sender)
    {
        this.connection = connection;
        this.sender = sender;
    }

    /// <summary>Opens a sender to <paramref name="address"/>, e.g. <c>/amq/queue/&lt;name&gt;</c> for a declared queue.</summary>
    public static async Task<PartnerBus> OpenAsync(string uri, string address)
    {
        var connection = await new ConnectionFactory().CreateAsync(new Address(uri));
        return new PartnerBus(connection, new SenderLink(new Session(connection), $"fouttest-{Guid.NewGuid():N}", address));
    }

    public Task SendAsync(string messageId, byte[] body) => sender.SendAsync(new Message
    {
        Header = new Header { Durable = true },
        Properties = new Properties { MessageId = messageId, ContentType = "application/cloudevents+json" },
        BodySection = new Data { Binary = body },
    });

    public async ValueTask DisposeAsync()
    {
        await sender.CloseAsync();
        await connection.CloseAsync();
    }
}
