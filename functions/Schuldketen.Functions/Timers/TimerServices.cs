using Schuldketen.Functions.Portal;
using Schuldketen.Functions.Settings;
using Schuldketen.Workflows.Relays.Notices;
using Schuldketen.Workflows.Store.Residents;

namespace Schuldketen.Functions.Timers;

/// <summary>
/// The timers: passed deadlines and resident notices (with the notifier they send through), and the webhook relay,
/// which runs on commits rather than a schedule and so stays a hosted service in both hosts.
/// </summary>
public static class TimerServices
{
    public static IHostApplicationBuilder AddTimers(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCheckedOptions<TimerOptions>(builder.Configuration, TimerOptions.Section);
        services.AddHostedService<RelayOutbox>();
        services.AddHubTimer<FireDueDeadlines>();
        services.AddSingleton<NoticeStore>();
        services.AddSingleton<INotifier, InboxNotifier>();
        services.AddSingleton<NoticeRelay>();
        services.AddHubTimer<NotifyResidents>();
        return builder;
    }
}
