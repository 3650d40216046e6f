using Schuldketen.Functions.Settings;

namespace Schuldketen.Functions.Timers;

/// <summary>
/// The timer triggers: passed deadlines, the webhook relay's rounds and resident notices. Each works with the
/// services of its feature (the store, the subscriptions, the pages), which the host adds as well.
/// </summary>
public static class TimerServices
{
    public static WebApplicationBuilder AddTimers(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCheckedOptions<TimerOptions>(builder.Configuration, TimerOptions.Section);
        services.AddHostedService<RelayOutbox>();
        services.AddHostedService<FireDueDeadlines>();
        services.AddHostedService<NotifyResidents>();
        return builder;
    }
}
