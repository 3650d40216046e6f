using System.Diagnostics;

namespace Schuldketen.Bench;

/// <summary>
/// Sends requests at a fixed rate however long each takes (an open loop), timing each from when it was due to go out, so a
/// slow answer that holds the next ones back shows in their times too.
/// </summary>
internal static class FixedRate
{
    /// <summary>The latencies, and how many requests <paramref name="send"/> reported as failed.</summary>
    public static async Task<(LatencyLog Latencies, int Failed)> RunAsync(int ratePerSecond, TimeSpan duration, Func<int, Task<bool>> send)
    {
        var failed = 0;
        var count = (int)(ratePerSecond * duration.TotalSeconds);
        var latencies = new LatencyLog(count);
        var interval = TimeSpan.FromSeconds(1.0 / ratePerSecond);
        var started = Stopwatch.GetTimestamp();
        var running = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = interval * i;
            var wait = due - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var index = i;
            running.Add(Task.Run(async () =>
            {
                if (!await send(index))
                {
                    Interlocked.Increment(ref failed);
                }

                latencies.Record(index, Stopwatch.GetElapsedTime(started) - due);
            }));
        }

        await Task.WhenAll(running);
        return (latencies, failed);
    }
}
