using System.Collections.Concurrent;
using System.Diagnostics;
using Amqp;

namespace Schuldketen.Bench;

/// <summary>Partners reading their queues in the background: when each message first arrived on each queue (a timestamp), and how many came.</summary>
internal sealed class PartnerQueue : IAsyncDisposable
{
    private readonly Connection connection;
    private readonly CancellationTokenSource stop = new();
    private readonly Task[] reading;
    private int count;

    private PartnerQueue(Connection connection, IReadOnlyList<string> queues)
    {
        this.connection = connection;
        var session = new Session(connection);
        reading = queues.Select(queue => Task.Run(() => ReadAsync(session, queue))).ToArray();
    }

    /// <summary>Keyed by <see cref="Key"/>: one organisation's copy of a message.</summary>
    public ConcurrentDictionary<string, long> Arrivals { get; } = new();

    public static string Key(string queue, string messageId) => $"{queue}/{messageId}";

    public static async Task<PartnerQueue> OpenAsync(string address, params string[] queues) =>
        new(await Connection.Factory.CreateAsync(new Address(address)), queues);

    /// <summary>Waits until <paramref name="expected"/> messages arrived since the last reset, or the time is up; returns how many did.</summary>
    public async Task<int> CountUntilAsync(int expected, TimeSpan limit)
    {
        await Poll.WithinAsync(() => Volatile.Read(ref count) >= expected, limit);
        return Volatile.Read(ref count);
    }

    /// <summary>Messages per second between the first and the last arrival since the last reset.</summary>
    public double ArrivalRate()
    {
        var times = Arrivals.Values.ToList();
        return times.Count < 2 ? 0 : (times.Count - 1) / Stopwatch.GetElapsedTime(times.Min(), times.Max()).TotalSeconds;
    }

    public void Reset()
    {
        Arrivals.Clear();
        Volatile.Write(ref count, 0);
    }

    private async Task ReadAsync(Session session, string queue)
    {
        var receiver = new ReceiverLink(session, $"bench-partner-{queue}", queue);
        receiver.SetCredit(2000, CreditMode.Auto);
        while (!stop.IsCancellationRequested)
        {
            if (await receiver.ReceiveAsync(TimeSpan.FromMilliseconds(200)) is { } message)
            {
                Arrivals.TryAdd(Key(queue, message.Properties.MessageId), Stopwatch.GetTimestamp());
                Interlocked.Increment(ref count);
                receiver.Accept(message);
            }
        }

        await receiver.CloseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(reading);
        await connection.CloseAsync();
    }
}
