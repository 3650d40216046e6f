using System.Diagnostics;

namespace Schuldketen.Faults.Tests;

/// <summary>Waiting for a condition: asks it again every so often until it holds or the deadline passes.</summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Fails after <paramref name="timeout"/>, saying what it waited for and what <paramref name="state"/> says then.</summary>
    public static async Task<TimeSpan> UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, Func<string>? state = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting for: {what}{(state is null ? "" : $" ({state()})")}");
            }

            await Task.Delay(Interval);
        }

        return clock.Elapsed;
    }

    public static Task<TimeSpan> UntilAsync(Func<bool> condition, TimeSpan timeout, string what, Func<string>? state = null) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what, state);
}
