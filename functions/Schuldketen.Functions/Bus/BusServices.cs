using Schuldketen.Functions.Bus.Transport;
using Schuldketen.Functions.Hosting;
using Schuldketen.Workflows.Relays.Bus;
using Schuldketen.Workflows.Relays.Webhooks;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Functions.Bus;

/// <summary>The bus's services: the transport of the configured profile, the outbox relay and the bus trigger.</summary>
public static class BusServices
{
    public static void Add(IServiceCollection services, HubOptions options)
    {
        services.AddSingleton<IBusTransport>(provider => options.Bus.Profile == BusProfile.InMemory
            ? new InMemoryBus()
            : new AmqpBus(options.Bus, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<BusOutbox>();
        services.AddSingleton(provider => new BusRelay(
            provider.GetRequiredService<BusOutbox>(),
            provider.GetRequiredService<IBusTransport>(),
            provider.GetRequiredService<HubIdentity>(),
            provider.GetRequiredService<TimeProvider>(),
            new RelaySettings($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}")));
        services.AddHostedService<PublishOutbox>();
        services.AddHostedService<ReceivePartnerEvents>();
    }
}
