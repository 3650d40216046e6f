using Schuldketen.Workflows.Store.Telemetry;

namespace Schuldketen.Functions.Timers;

/// <summary>How a feature adds its periodic job, and how the embedded host runs them all.</summary>
public static class HubTimers
{
    public static IServiceCollection AddHubTimer<TTimer>(this IServiceCollection services)
        where TTimer : class, IHubTimer
    {
        services.AddSingleton<TTimer>();
        services.AddSingleton<IHubTimer>(provider => provider.GetRequiredService<TTimer>());
        return services;
    }

    /// <summary>One round of a timer as a span named after it; both hosts run their rounds through this.</summary>
    public static async Task RunRoundAsync(this IHubTimer timer, CancellationToken cancellationToken)
    {
        using var activity = HubTelemetry.Source.StartActivity(HubTelemetry.Spans.Timer);
        activity?.SetTag(HubTelemetry.Tags.TimerName, timer.GetType().Name);
        await timer.RunOnceAsync(cancellationToken);
    }

    /// <summary>The embedded host runs the timers itself; the Functions app runs them as timer functions instead.</summary>
    public static IHostApplicationBuilder RunTimersInProcess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<TimerLoops>();
        return builder;
    }
}
