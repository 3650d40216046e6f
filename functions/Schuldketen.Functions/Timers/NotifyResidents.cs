using Microsoft.Extensions.Options;
using Schuldketen.Functions.Portal;
using Schuldketen.Workflows.Relays.Notices;

namespace Schuldketen.Functions.Timers;

/// <summary>Timer: changes that matter to residents go out as notices through the notifier.</summary>
public sealed class NotifyResidents(NoticeRelay relay, IOptions<PortalOptions> options, ILogger<NotifyResidents> logger) : IHubTimer
{
    /// <summary>The Functions app's schedule (NCRONTAB with seconds): every 10 seconds, as the default <see cref="PortalOptions.NoticeInterval"/>.</summary>
    public const string Schedule = "*/10 * * * * *";

    private const int Batch = 500;

    public TimeSpan Interval => options.Value.NoticeInterval;

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await relay.RunOnceAsync(Batch, cancellationToken) == Batch && !cancellationToken.IsCancellationRequested)
            {
            }
        }
        catch (Exception error) when (error is System.Data.Common.DbException or TimeoutException)
        {
            logger.LogWarning("Resident notices wait for the database: {Reason}", error.GetType().Name);
        }
    }
}
