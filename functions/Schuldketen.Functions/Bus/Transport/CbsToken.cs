using Amqp;
using Amqp.Framing;

namespace Schuldketen.Functions.Bus.Transport;

/// <summary>
/// Claims-based security on Service Bus: before a link to an entity attaches, the hub puts a SAS
/// token for that entity to the <c>$cbs</c> node of the connection and waits for its 200 or 202.
/// </summary>
internal static class CbsToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static async Task PutAsync(Connection connection, BusOptions options, string entity, DateTimeOffset now)
    {
        var session = new Session(connection);
        var replyTo = $"cbs-{Guid.NewGuid():N}";
        var sender = new SenderLink(session, replyTo + "-sender", "$cbs");
        var receiver = new ReceiverLink(session, replyTo + "-receiver",
            new Attach { Source = new Source { Address = "$cbs" }, Target = new Target { Address = replyTo } }, null);
        try
        {
            var token = ServiceBusSas.Token(ServiceBusSas.ResourceUri(options.Address!, entity), options.KeyName!, options.Key!, now + Lifetime);
            var request = new Message(token)
            {
                Properties = new Properties { MessageId = replyTo, ReplyTo = replyTo },
                ApplicationProperties = new ApplicationProperties
                {
                    ["operation"] = "put-token",
                    ["type"] = "servicebus.windows.net:sastoken",
                    ["name"] = $"amqp://{options.Address}/{entity}",
                },
            };
            await sender.SendAsync(request);
            var response = await receiver.ReceiveAsync(TimeSpan.FromSeconds(30))
                ?? throw new BusUnavailableException($"Service Bus did not answer the token for '{entity}' within 30 seconds.");
            receiver.Accept(response);
            var status = Convert.ToInt32(response.ApplicationProperties?["status-code"] ?? 0, System.Globalization.CultureInfo.InvariantCulture);
            if (status is not (200 or 202))
            {
                throw new BusUnavailableException(
                    $"Service Bus refused the token for '{entity}' with {status}: {response.ApplicationProperties?["status-description"]}. Check KeyName and Key.");
            }
        }
        finally
        {
            await session.CloseAsync();
        }
    }
}
