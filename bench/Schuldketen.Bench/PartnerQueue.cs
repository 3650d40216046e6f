using System.Collections.Concurrent;
using System.Diagnostics;
using Amqp;

namespace Schuldketen.Bench;

/// <summary>A partner reading its queue in the background: when each message id first arrived (a timestamp), and how many came.</summary>
internal sealed class PartnerQueue : IAsyncDisposable
{
    private readonly Connection connection;
    private readonly ReceiverLink receiver;
    private readonly CancellationTokenSource stop = new();
    private readonly Task reading;
    private int count;

    private PartnerQueue(Connection connection, ReceiverLink receiver)
    {
        this.connection = connection;
        this.receiver = receiver;
        reading = Task.Run(ReadAsync);
    }

    public ConcurrentDictionary<string, long> Arrivals { get; } = new();

    public static async Task<PartnerQueue> OpenAsync(string address, string queue)
    {
        var connection = await Connection.Factory.CreateAsync(new Address(address));
        var receiver = new ReceiverLink(new Session(connection), "bench-partner", queue);
        receiver.SetCredit(2000, CreditMode.Auto);
        return new PartnerQueue(connection, receiver);
    }

    /// <summary>Waits until <paramref name="expected"/> messages arrived since the last reset, or the time is up; returns how many did.</summary>
    public async Task<int> CountUntilAsync(int expected, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (Volatile.Read(ref count) < expected && deadline.Elapsed < limit)
        {
            await Task.Delay(10);
        }

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

    private async Task ReadAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            if (await receiver.ReceiveAsync(TimeSpan.FromMilliseconds(200)) is { } message)
            {
                Arrivals.TryAdd(message.Properties.MessageId, Stopwatch.GetTimestamp());
                Interlocked.Increment(ref count);
                receiver.Accept(message);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await reading;
        await receiver.CloseAsync();
        await connection.CloseAsync();
    }
}
