using Microsoft.Extensions.Options;
using Schuldketen.Workflows.Relays.Bus;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Functions.Bus;

/// <summary>
/// Relay trigger of the bus: publishes committed outbox rows to the partners' topic whenever a commit
/// signals new ones, and at least every interval. While the broker is out, events wait in the
/// outbox and intake goes on; when it is back, the backlog drains in order.
/// </summary>
public sealed class PublishOutbox(BusRelay relay, TrajectoryStore store, IOptions<BusOptions> options, ILogger<PublishOutbox> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var commits = store.ListenForCommits();
        var interval = options.Value.RelayInterval;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var round = await RunRoundAsync(stoppingToken);
                if (round.Failure is { } failure && failures == 0)
                {
                    logger.LogWarning("The bus did not take {Left} events ({Reason}); they wait in the outbox and go out when it is back", round.Left, failure.Message);
                }
                else if (round.Failure is null && failures > 0)
                {
                    logger.LogInformation("The bus takes events again");
                }

                failures = round.Failure is null ? 0 : failures + 1;
                if (failures > 0)
                {
                    // Back off while the broker is out, so the outbox is not read over and over for nothing.
                    await Task.Delay(TimeSpan.FromTicks(Math.Min(interval.Ticks << Math.Min(failures - 1, 10), MaxBackoff.Ticks)), stoppingToken);
                }
                else if (round.Published == 0)
                {
                    await commits.WaitAsync(interval, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; unpublished rows wait for the next start or another host.
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

    private async Task<PublishRound> RunRoundAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await relay.RunOnceAsync(stoppingToken);
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested)
        {
            // The database is out of reach: committed rows wait safely.
            return new PublishRound(0, 0, error);
        }
    }
}
