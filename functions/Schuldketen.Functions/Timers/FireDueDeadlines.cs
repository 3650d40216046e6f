using Microsoft.Extensions.Options;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Functions.Timers;

/// <summary>
/// Timer: passed deadlines fire their event through the apply path. Several hosts may run this against one
/// database; each deadline is applied once.
/// </summary>
public sealed class FireDueDeadlines(TrajectoryStore store, HubIdentity hub, IOptions<TimerOptions> options, ILogger<FireDueDeadlines> logger)
    : IHubTimer
{
    /// <summary>The Functions app's schedule (NCRONTAB with seconds): every 30 seconds, as the default <see cref="TimerOptions.TimerInterval"/>.</summary>
    public const string Schedule = "*/30 * * * * *";

    private readonly TimerPoller poller = new(store, hub);

    public TimeSpan Interval => options.Value.TimerInterval;

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            int applied;
            do
            {
                applied = await poller.FireDueAsync(cancellationToken: cancellationToken);
                if (applied > 0)
                {
                    logger.LogInformation("Applied {Count} passed deadlines", applied);
                }
            }
            while (applied > 0 && !cancellationToken.IsCancellationRequested);
        }
        catch (Exception error) when (error is System.Data.Common.DbException or TimeoutException)
        {
            logger.LogWarning("Passed deadlines wait for the database: {Reason}", error.GetType().Name);
        }
    }
}
