using Microsoft.Azure.Functions.Worker;
using Schuldketen.Functions.Signals;
using Schuldketen.Functions.Timers;

namespace Schuldketen.Functions.Worker.Timers;

/// <summary>
/// The hub's timers as timer functions, each a round of the same timer the embedded host runs on its interval.
/// The relays are no timers here: they run on commits, as hosted services (see the README).
/// </summary>
public sealed class TimerFunctions(FireDueDeadlines deadlines, NotifyResidents notices, PurgeExpiredSignals retention)
{
    [Function(nameof(FireDueDeadlines))]
    public Task FireDueDeadlinesAsync([TimerTrigger(FireDueDeadlines.Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        deadlines.RunRoundAsync(cancellationToken);

    [Function(nameof(NotifyResidents))]
    public Task NotifyResidentsAsync([TimerTrigger(NotifyResidents.Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        notices.RunRoundAsync(cancellationToken);

    [Function(nameof(PurgeExpiredSignals))]
    public Task PurgeExpiredSignalsAsync([TimerTrigger(PurgeExpiredSignals.Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        retention.RunRoundAsync(cancellationToken);
}
