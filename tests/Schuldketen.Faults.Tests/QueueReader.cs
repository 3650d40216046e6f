using System.Collections.Concurrent;
using System.Globalization;
using Amqp;
using Amqp.Framing;

namespace Schuldketen.Faults.Tests;

/// <summary>A message as a partner read it off a queue: its id, application properties and body.</summary>
internal sealed record QueueMessage(string? MessageId, IReadOnlyDictionary<string, string> Properties, byte[] Body)
{
    /// <summary>The event it carries, by the CloudEvents AMQP binding's <c>cloudEvents_subject</c> and <c>cloudEvents_sequence</c>.</summary>
    public Arrival ToArrival() => new(MessageId ?? "", Properties.GetValueOrDefault("cloudEvents_subject") ?? "",
        long.TryParse(Properties.GetValueOrDefault("cloudEvents_sequence"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var sequence) ? sequence : -1);
}

/// <summary>
/// A partner reading one queue over AMQP 1.0 (AMQPNetLite), accepting every message and keeping it;
/// when the broker goes away it connects again until disposed.
/// </summary>
internal sealed class QueueReader : IQueueReader
{
    private const int Credit = 500;
    private static readonly TimeSpan ReconnectPause = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentQueue<QueueMessage> messages = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task reading;

    private QueueReader(string uri, string address) => reading = Task.Run(() => ReadAsync(uri, address));

    public int Count => messages.Count;

    public IReadOnlyList<QueueMessage> Messages => messages.ToList();

    public static QueueReader Start(string uri, string address) => new(uri, address);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await reading;
        stop.Dispose();
    }

    private async Task ReadAsync(string uri, string address)
    {
        while (!stop.IsCancellationRequested)
        {
            Connection? connection = null;
            try
            {
                connection = await new ConnectionFactory().CreateAsync(new Address(uri));
                var receiver = new ReceiverLink(new Session(connection), $"fouttest-{Guid.NewGuid():N}", address);
                receiver.SetCredit(Credit, CreditMode.Auto);
                while (!stop.IsCancellationRequested && !receiver.IsClosed)
                {
                    if (await receiver.ReceiveAsync(TimeSpan.FromMilliseconds(250)) is { } message)
                    {
                        messages.Enqueue(Read(message));
                        receiver.Accept(message);
                    }
                }
            }
            catch (Exception) when (!stop.IsCancellationRequested)
            {
                // The broker is away; connect again after a pause.
                await Task.Delay(ReconnectPause);
            }
            finally
            {
                if (connection is { IsClosed: false })
                {
                    await CloseQuietlyAsync(connection);
                }
            }
        }
    }

    private static async Task CloseQuietlyAsync(Connection connection)
    {
        try
        {
            await connection.CloseAsync();
        }
        catch (AmqpException)
        {
            // Already broken.
        }
    }

    private static QueueMessage Read(Message message)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (message.ApplicationProperties?.Map is { } map)
        {
            foreach (var key in map.Keys)
            {
                properties[key.ToString()!] = Convert.ToString(map[key], CultureInfo.InvariantCulture) ?? "";
            }
        }

        var body = message.BodySection is Data { Binary: { } binary } ? binary : [];
        return new QueueMessage(message.Properties?.MessageId, properties, body);
    }
}
