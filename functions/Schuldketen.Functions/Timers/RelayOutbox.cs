using Microsoft.Extensions.Options;
using Schuldketen.Functions.Http;
using Schuldketen.Workflows.Relays.Webhooks;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Functions.Timers;

/// <summary>
/// Timer trigger of the outbox relay: a round of relaying and sending whenever a commit signals new
/// outbox rows, and at least every interval for retries. Several hosts may run it on one database;
/// shard leases keep them from sending the same event at once.
/// </summary>
public sealed class RelayOutbox(WebhookRelay relay, TrajectoryStore store, IOptions<WebhookOptions> options, ILogger<RelayOutbox> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var commits = store.ListenForCommits();
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = 0;
            try
            {
                worked = await relay.RunOnceAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // Committed outbox rows wait safely; the next round picks them up.
                logger.LogError(error, "A relay round failed; retrying after the interval");
            }

            if (worked == 0)
            {
                try
                {
                    await commits.WaitAsync(options.Value.RelayInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        try
        {
            await relay.ReleaseAsync(CancellationToken.None);
        }
        catch (System.Data.Common.DbException)
        {
            // The leases run out by themselves.
        }
    }
}
