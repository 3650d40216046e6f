using Microsoft.Extensions.Options;
using Schuldketen.Functions.Timers;
using Schuldketen.Workflows.Store.Signals;

namespace Schuldketen.Functions.Signals;

/// <summary>
/// Timer trigger: every interval, the personal data of signals that did not lead to help is deleted once their retention
/// period after closing has passed (<see cref="SignalOptions.RetentionMonths"/>). Several hosts may run it; a signal is purged once.
/// </summary>
public sealed class PurgeExpiredSignals(
    SignalRetention retention, IOptions<SignalOptions> signals, IOptions<TimerOptions> timers, TimeProvider time, ILogger<PurgeExpiredSignals> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(timers.Value.TimerInterval, time);
        do
        {
            try
            {
                var purged = await retention.PurgeExpiredAsync(signals.Value.RetentionMonths, stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Deleted the personal data of {Count} signals past their retention period", purged);
                }
            }
            catch (Exception error) when (error is System.Data.Common.DbException or TimeoutException)
            {
                logger.LogWarning("Signal retention waits for the database: {Reason}", error.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
