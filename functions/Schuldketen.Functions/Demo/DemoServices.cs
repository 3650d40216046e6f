using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Schuldketen.Functions.Fhir;
using Schuldketen.Functions.Settings;

namespace Schuldketen.Functions.Demo;

/// <summary>The embedded demo: its seed, its tokens at start, and the demo GP practice's default municipality.</summary>
public static class DemoServices
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddBoundOptions<DemoOptions>(builder.Configuration, DemoOptions.Section);
        services.AddOptions<ReferralOptions>().PostConfigure<IOptions<DemoOptions>>((referrals, demo) =>
        {
            if (demo.Value.DemoData)
            {
                referrals.DefaultMunicipalities.TryAdd(DemoOrganisations.GeneralPractice.Oin, DemoOrganisations.Municipality.Oin);
            }
        });
        services.TryAddSingleton(new DemoOutput(Console.Out));
        services.AddSingleton<DemoSeed>();
        services.AddHostedService<DemoStartup>();
        return builder;
    }
}
