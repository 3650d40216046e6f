using Microsoft.Extensions.Options;
using Schuldketen.Functions.Bus.Transport;
using Schuldketen.Functions.Settings;
using Schuldketen.Workflows.Relays.Bus;
using Schuldketen.Workflows.Relays.Webhooks;
using Schuldketen.Workflows.Store;

namespace Schuldketen.Functions.Bus;

/// <summary>The bus's services: the transport of the configured profile, the outbox relay and the bus trigger.</summary>
public static class BusServices
{
    public static IHostApplicationBuilder AddBus(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCheckedOptions<BusOptions>(builder.Configuration, BusOptions.Section);
        services.AddSingleton<IBusTransport>(provider =>
        {
            var bus = provider.GetRequiredService<IOptions<BusOptions>>().Value;
            return bus.Profile switch
            {
                BusProfile.RabbitMq => new AmqpBus(bus, provider.GetRequiredService<TimeProvider>()),
                BusProfile.ServiceBus => new ServiceBusTransport(bus),
                _ => new InMemoryBus(),
            };
        });
        services.AddSingleton<BusOutbox>();
        services.AddSingleton(provider => new BusRelay(
            provider.GetRequiredService<BusOutbox>(),
            provider.GetRequiredService<IBusTransport>(),
            provider.GetRequiredService<HubIdentity>(),
            provider.GetRequiredService<TimeProvider>(),
            new RelaySettings($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}")));
        services.AddHostedService<PublishOutbox>();
        services.AddHostedService<ReceivePartnerEvents>();
        return builder;
    }
}
