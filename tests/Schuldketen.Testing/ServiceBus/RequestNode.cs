using System.Collections.Concurrent;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;

namespace Schuldketen.Testing.ServiceBus;

/// <summary>
/// A request/response node (<c>$cbs</c>, <c>&lt;entity&gt;/$management</c>): requests come on the client's sending link, each
/// answer goes back on the client's receiving link whose target is the request's reply-to, correlated by message id.
/// </summary>
internal sealed class RequestNode(Func<AmqpMessage, Task<AmqpMessage>> answer)
{
    private readonly ConcurrentDictionary<string, SendingAmqpLink> replyLinks = new(StringComparer.Ordinal);

    public void Attach(AmqpLink link)
    {
        if (link is ReceivingAmqpLink requests)
        {
            requests.RegisterMessageListener(request => _ = AnswerAsync(requests, request));
            return;
        }

        var replies = (SendingAmqpLink)link;
        var replyTo = (replies.Settings.Target as Target)?.Address?.ToString() ?? "";
        replyLinks[replyTo] = replies;
        replies.Closed += (_, _) => replyLinks.TryRemove(new KeyValuePair<string, SendingAmqpLink>(replyTo, replies));
    }

    /// <summary>Takes the request (the answer reads what it needs before its first await) and sends the answer when it is ready.</summary>
    private async Task AnswerAsync(ReceivingAmqpLink requests, AmqpMessage request)
    {
        var messageId = request.Properties.MessageId;
        var replyTo = request.Properties.ReplyTo?.ToString() ?? "";
        Task<AmqpMessage> answering;
        try
        {
            answering = answer(request);
            requests.DisposeMessage(request, AmqpConstants.AcceptedOutcome, true, false);
        }
        finally
        {
            request.Dispose();
        }

        var response = await answering;
        response.Properties.CorrelationId = messageId;
        if (replyLinks.TryGetValue(replyTo, out var replies))
        {
            replies.SendMessageNoWait(response, new ArraySegment<byte>(Guid.NewGuid().ToByteArray()), AmqpConstants.NullBinary);
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
