namespace Schuldketen.Functions.Timers;

/// <summary>The embedded host's clock for the hub's timers: each registered <see cref="IHubTimer"/> runs a round at start and then every interval.</summary>
public sealed class TimerLoops(IEnumerable<IHubTimer> timers, TimeProvider time) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(timers.Select(timer => RunAsync(timer, stoppingToken)));

    private async Task RunAsync(IHubTimer timer, CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(timer.Interval, time);
        do
        {
            // Off the clock's thread: a tick completes the wait on the thread that fired it, and a round that runs there holds
            // up the clock (a test clock that is moved on months runs every tick in between, one round after the other).
            await Task.Yield();
            await timer.RunRoundAsync(stoppingToken);
        }
        while (await ticks.WaitForNextTickAsync(stoppingToken));
    }
}
