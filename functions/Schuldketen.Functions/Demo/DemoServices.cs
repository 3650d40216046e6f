using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Fhir;
using Schuldketen.Functions.Settings;

namespace Schuldketen.Functions.Demo;

/// <summary>
/// The embedded demo: its seed, its tokens at start, and the demo GP practice's default municipality; with
/// <see cref="DemoOptions.DemoData"/> off none of these exist, and with an identity provider it may not be on.
/// </summary>
public static class DemoServices
{
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddBoundOptions<DemoOptions>(builder.Configuration, DemoOptions.Section)
            // Read from the configuration, not from AuthOptions: a broken Authority is reported by AuthOptions and should not hide this.
            .Validate<IConfiguration>(
                (demo, configuration) => !demo.DemoData || configuration.GetSection(AuthOptions.Section)[nameof(AuthOptions.Authority)] is null,
                "Schuldketen__DemoData is on while the API takes an identity provider's tokens (Schuldketen__Auth__Authority): "
                + "set Schuldketen__DemoData=false, so that this hub has no demo organisations, tokens or logins.");
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
