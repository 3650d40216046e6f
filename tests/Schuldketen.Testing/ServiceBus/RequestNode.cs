using System.Collections.Concurrent;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;

namespace Schuldketen.Testing.ServiceBus;

/// <summary>
/// A request/response node (<c>$cbs</c>, <c>&lt;entity&gt;/$management</c>): requests come on the client's sending link, each
/// answer goes back on the client's receiving link whose target is the request's reply-to, correlated by message id.
/// </summary>
internal sealed class RequestNode(Func<AmqpMessage, AmqpMessage> answer)
{
    private readonly ConcurrentDictionary<string, SendingAmqpLink> replyLinks = new(StringComparer.Ordinal);

    public void Attach(AmqpLink link)
    {
        if (link is ReceivingAmqpLink requests)
        {
            requests.RegisterMessageListener(request => Answer(requests, request));
            return;
        }

        var replies = (SendingAmqpLink)link;
        var replyTo = (replies.Settings.Target as Target)?.Address?.ToString() ?? "";
        replyLinks[replyTo] = replies;
        replies.Closed += (_, _) => replyLinks.TryRemove(new KeyValuePair<string, SendingAmqpLink>(replyTo, replies));
    }

    private void Answer(ReceivingAmqpLink requests, AmqpMessage request)
    {
        try
        {
            var response = answer(request);
            response.Properties.CorrelationId = request.Properties.MessageId;
            requests.DisposeMessage(request, AmqpConstants.AcceptedOutcome, true, false);
            if (replyLinks.TryGetValue(request.Properties.ReplyTo?.ToString() ?? "", out var replies))
            {
                replies.SendMessageNoWait(response, new ArraySegment<byte>(Guid.NewGuid().ToByteArray()), AmqpConstants.NullBinary);
            }
        }
        finally
        {
            request.Dispose();
        }
    }

    /// <summary>An answer with a status in the application property <paramref name="statusName"/> and, optionally, a body.</summary>
    public static AmqpMessage Response(string statusName, int status, string description, AmqpMap? body = null, string descriptionName = "status-description")
    {
        var response = body is null ? AmqpMessage.Create() : AmqpMessage.Create(new AmqpValue { Value = body });
        response.ApplicationProperties.Map[statusName] = status;
        response.ApplicationProperties.Map[descriptionName] = description;
        return response;
    }
}
