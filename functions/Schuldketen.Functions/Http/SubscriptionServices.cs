using Microsoft.Extensions.Options;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Settings;
using Schuldketen.Functions.Storage;
using Schuldketen.Workflows.Relays.Webhooks;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Privacy;

namespace Schuldketen.Functions.Http;

/// <summary>
/// Subscriptions and webhooks, as in the VNG Notificaties API: a partner subscribes once and hears every event
/// meant for it, signed, retried and kept in order by the webhook relay.
/// </summary>
public static class SubscriptionServices
{
    public static IHostApplicationBuilder AddSubscriptions(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCheckedOptions<WebhookOptions>(builder.Configuration, WebhookOptions.Section);
        services.AddSingleton(provider => new DeliveryStore(
            provider.GetRequiredService<TrajectoryStore>(),
            SecretBox.For(provider.GetRequiredService<HubKeys>().SubjectEncryption, "schuldketen webhook secrets")));
        services.AddSingleton(provider =>
        {
            var webhooks = provider.GetRequiredService<IOptions<WebhookOptions>>().Value;
            var onPostgres = provider.GetRequiredService<IOptions<StoreOptions>>().Value.OnPostgres;
            return new CallbackPolicy(webhooks.AllowHttp ?? !onPostgres, webhooks.AllowLoopback, webhooks.AllowPrivateNetworks);
        });
        services.AddSingleton<RetrySchedule>();
        services.AddSingleton(provider => new WebhookRelay(
            provider.GetRequiredService<DeliveryStore>(),
            provider.GetRequiredService<HubIdentity>(),
            new HttpClient(CallbackHandler.Create(provider.GetRequiredService<CallbackPolicy>())),
            provider.GetRequiredService<RetrySchedule>(),
            provider.GetRequiredService<TimeProvider>(),
            new RelaySettings($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}")
            {
                Lease = provider.GetRequiredService<IOptions<WebhookOptions>>().Value.RelayLease,
            }));
        return builder;
    }

    public static IEndpointRouteBuilder MapSubscriptions(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiDesignRules.BasePath).RequireAuthorization();
        CreateSubscription.Map(api);
        ListSubscriptions.Map(api);
        GetSubscription.Map(api);
        ChangeSubscription.Map(api);
        EndSubscription.Map(api);
        ListDeliveries.Map(api);
        Redeliver.Map(api);
        return app;
    }
}
