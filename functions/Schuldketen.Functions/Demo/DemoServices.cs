using Microsoft.Extensions.Options;
using Schuldketen.Functions.Fhir;

namespace Schuldketen.Functions.Demo;

/// <summary>The embedded demo: its seed, its tokens at start, and the demo GP practice's default municipality.</summary>
public static class DemoServices
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.Section));
        services.AddOptions<ReferralOptions>().PostConfigure<IOptions<DemoOptions>>((referrals, demo) =>
        {
            if (demo.Value.DemoData)
            {
                referrals.DefaultMunicipalities.TryAdd(DemoOrganisations.GeneralPractice.Oin, DemoOrganisations.Municipality.Oin);
            }
        });
        services.AddSingleton<DemoSeed>();
        services.AddHostedService<DemoStartup>();
        return builder;
    }
}
