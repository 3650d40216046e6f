using System.Diagnostics;

namespace Schuldketen.Testing;

/// <summary>Waiting for a condition: asks it again every few milliseconds until it holds or the time is up.</summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Waits until <paramref name="condition"/> holds and returns how long that took; fails the test after
    /// <paramref name="timeout"/> (30 s unless given), saying what it waited for and what <paramref name="state"/> says then.
    /// </summary>
    public static async Task<TimeSpan> UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, Func<string>? state = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        if (!await WithinAsync(condition, limit))
        {
            Assert.Fail($"Timed out after {limit.TotalSeconds:0} s waiting for: {what}{(state is null ? "" : $" ({state()})")}");
        }

        return clock.Elapsed;
    }

    public static Task<TimeSpan> UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null, Func<string>? state = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, timeout, state);

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, <paramref name="timeout"/> passes (<see cref="Timeout.InfiniteTimeSpan"/>:
    /// never) or <paramref name="stop"/> is cancelled; whether it held. For callers that report rather than fail.
    /// </summary>
    public static async Task<bool> WithinAsync(Func<Task<bool>> condition, TimeSpan timeout, CancellationToken stop = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
        deadline.CancelAfter(timeout);
        while (!await condition())
        {
            try
            {
                await Task.Delay(Interval, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                // One last look, so a condition that came true during the last interval still counts.
                return await condition();
            }
        }

        return true;
    }

    public static Task<bool> WithinAsync(Func<bool> condition, TimeSpan timeout, CancellationToken stop = default) =>
        WithinAsync(() => Task.FromResult(condition()), timeout, stop);
}
