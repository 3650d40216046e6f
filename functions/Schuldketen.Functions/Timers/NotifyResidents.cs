using Microsoft.Extensions.Options;
using Schuldketen.Functions.Portal;
using Schuldketen.Workflows.Relays.Notices;

namespace Schuldketen.Functions.Timers;

/// <summary>Timer trigger: every interval, changes that matter to residents go out as notices through the notifier.</summary>
public sealed class NotifyResidents(NoticeRelay relay, IOptions<PortalOptions> options, TimeProvider time, ILogger<NotifyResidents> logger) : BackgroundService
{
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.NoticeInterval, time);
        do
        {
            try
            {
                while (await relay.RunOnceAsync(Batch, stoppingToken) == Batch && !stoppingToken.IsCancellationRequested)
                {
                }
            }
            catch (Exception error) when (error is System.Data.Common.DbException or TimeoutException)
            {
                logger.LogWarning("Resident notices wait for the database: {Reason}", error.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
