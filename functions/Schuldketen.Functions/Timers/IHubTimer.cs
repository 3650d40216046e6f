namespace Schuldketen.Functions.Timers;

/// <summary>
/// A periodic job of the hub: one round of it. The embedded host runs the rounds every <see cref="Interval"/>
/// (<see cref="TimerLoops"/>); the Functions app runs them as a timer function on the schedule its class names.
/// </summary>
public interface IHubTimer
{
    /// <summary>How often the embedded host runs a round, from the feature's settings.</summary>
    TimeSpan Interval { get; }

    /// <summary>One round; a database out of reach is logged and left to the next round.</summary>
    Task RunOnceAsync(CancellationToken cancellationToken);
}
