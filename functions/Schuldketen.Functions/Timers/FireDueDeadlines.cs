using Microsoft.Extensions.Options;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Functions.Timers;

/// <summary>
/// Timer trigger: every interval, passed deadlines fire their event through the apply path. Several
/// hosts may run this against one database; each deadline is applied once.
/// </summary>
public sealed class FireDueDeadlines(TrajectoryStore store, HubIdentity hub, IOptions<TimerOptions> options, TimeProvider time, ILogger<FireDueDeadlines> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poller = new TimerPoller(store, hub);
        using var timer = new PeriodicTimer(options.Value.TimerInterval, time);
        do
        {
            try
            {
                int applied;
                do
                {
                    applied = await poller.FireDueAsync(cancellationToken: stoppingToken);
                    if (applied > 0)
                    {
                        logger.LogInformation("Applied {Count} passed deadlines", applied);
                    }
                }
                while (applied > 0 && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception error) when (error is System.Data.Common.DbException or TimeoutException)
            {
                logger.LogWarning("Passed deadlines wait for the database: {Reason}", error.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
