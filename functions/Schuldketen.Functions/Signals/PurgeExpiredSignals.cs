using Microsoft.Extensions.Options;
using Schuldketen.Functions.Timers;
using Schuldketen.Workflows.Store.Signals;

namespace Schuldketen.Functions.Signals;

/// <summary>
/// Timer: the personal data of signals that did not lead to help is deleted once their retention period after closing
/// has passed (<see cref="SignalOptions.RetentionMonths"/>). Several hosts may run it; a signal is purged once.
/// </summary>
public sealed class PurgeExpiredSignals(
    SignalRetention retention, IOptions<SignalOptions> signals, IOptions<TimerOptions> timers, ILogger<PurgeExpiredSignals> logger)
    : IHubTimer
{
    /// <summary>The Functions app's schedule (NCRONTAB with seconds): every 30 seconds, as the default <see cref="TimerOptions.TimerInterval"/>.</summary>
    public const string Schedule = "*/30 * * * * *";

    public TimeSpan Interval => timers.Value.TimerInterval;

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var purged = await retention.PurgeExpiredAsync(signals.Value.RetentionMonths, cancellationToken);
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
}
