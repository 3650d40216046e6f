namespace Schuldketen.Faults.Tests;

/// <summary>A partner's sending end of one intake queue, each message awaited until the broker took it.</summary>
internal interface IPartnerQueue : IAsyncDisposable
{
    /// <summary>A structured-mode CloudEvent message (or anything claiming to be one): the body as it is.</summary>
    Task SendAsync(string messageId, byte[] body);
}

/// <summary>A partner reading one queue in the background, keeping every message it took.</summary>
internal interface IQueueReader : IAsyncDisposable
{
    int Count { get; }

    IReadOnlyList<QueueMessage> Messages { get; }
}
