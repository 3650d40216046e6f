using Microsoft.Extensions.Options;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Dashboard;
using Schuldketen.Functions.Demo;
using Schuldketen.Functions.Settings;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Privacy;
using Schuldketen.Workflows.Store.Registrations;

namespace Schuldketen.Functions.Portal;

/// <summary>
/// The pages' ways in and contact moments: the resident registers at <c>/aanmelden</c>, the professional at
/// <c>/werkplek/aanmelden</c> with the channel chosen, and records contact moments on the case page.
/// </summary>
public static class ChannelPageServices
{
    public static IHostApplicationBuilder AddChannelPages(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCheckedOptions<SelfRegistrationOptions>(builder.Configuration, SelfRegistrationOptions.Section)
            .PostConfigure<IOptions<DemoOptions>>((registration, demo) =>
            {
                if (demo.Value.DemoData)
                {
                    registration.Municipality ??= DemoOrganisations.Municipality.Oin;
                }
            });
        services.AddSingleton(provider => new SelfRegistrationStore(
            provider.GetRequiredService<TrajectoryStore>(),
            new SecretBox(provider.GetRequiredService<HubKeys>().SubjectEncryption),
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ContactMoments>();
        return builder;
    }
}
