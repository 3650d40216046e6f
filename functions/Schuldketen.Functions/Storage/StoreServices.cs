using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Settings;
using Schuldketen.Workflows.Calendar;
using Schuldketen.Workflows.Definitions;
using Schuldketen.Workflows.Engine;
using Schuldketen.Workflows.Projections;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Intake;
using Schuldketen.Workflows.Store.Outreach;
using Schuldketen.Workflows.Store.Privacy;
using Schuldketen.Workflows.Store.Projections;
using Schuldketen.Workflows.Timeline;

namespace Schuldketen.Functions.Storage;

/// <summary>The domain and the store behind every function: definitions, engine, calendar, the database, the intake and the hub's keys.</summary>
public static class StoreServices
{
    public static IHostApplicationBuilder AddHubStore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCheckedOptions<StoreOptions>(builder.Configuration, StoreOptions.Section);
        services.AddSingleton(provider => HubKeys.Load(builder.Configuration, Store(provider).DataFolder));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(LegalCalendar.Default);
        services.AddSingleton(provider => DefinitionLibrary.LoadShipped(provider.GetRequiredService<LegalCalendar>()));
        services.AddSingleton<TrajectoryEngine>();
        services.AddSingleton<DeadlineClock>();
        services.AddSingleton<TimelinePredictor>();
        services.AddSingleton<AudienceProjector>();
        services.AddSingleton<TrajectoryReader>();
        services.AddSingleton(provider =>
        {
            var store = Store(provider);
            return new WarmHandoverSettings(store.HubOin, store.MunicipalityDefinitions, store.DefaultDefinition);
        });
        services.AddSingleton<WarmHandover>();
        services.AddSingleton<EventIntake>();
        services.AddSingleton(provider =>
        {
            var keys = provider.GetRequiredService<HubKeys>();
            return new SubjectProtector(keys.SubjectHash, keys.SubjectEncryption);
        });
        services.AddSingleton(provider => new HubIdentity(Store(provider).HubOin));
        services.AddSingleton(provider => TrajectoryStore.Open(
            Store(provider).Settings,
            provider.GetRequiredService<TrajectoryEngine>(),
            provider.GetRequiredService<DeadlineClock>(),
            provider.GetRequiredService<TimeProvider>()));
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        return builder;
    }

    private static StoreOptions Store(IServiceProvider provider) => provider.GetRequiredService<IOptions<StoreOptions>>().Value;
}
