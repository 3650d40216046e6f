using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Schuldketen.Functions.Auth;
using Schuldketen.Functions.Fhir;
using Schuldketen.Functions.Settings;
using Schuldketen.Functions.Storage;
using Schuldketen.Functions.Timers;
using Schuldketen.Workflows.Referrals;
using Schuldketen.Workflows.Signals;
using Schuldketen.Workflows.Store.Outreach;
using Schuldketen.Workflows.Store.Signals;

namespace Schuldketen.Functions.Signals;

/// <summary>Early-warning signals in: the API route, the import runner, and how signals are checked, routed, sealed and stored.</summary>
public static class SignalServices
{
    public static IHostApplicationBuilder AddSignals(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCheckedOptions<SignalOptions>(builder.Configuration, SignalOptions.Section);
        services.AddSingleton(provider =>
        {
            var signals = Options(provider);
            var referrals = provider.GetRequiredService<IOptions<ReferralOptions>>().Value;
            var ranges = referrals.PostcodeRanges.Select(range => new PostcodeRange(range.From, range.To, range.Municipality)).ToList();
            var partners = signals.Partners.ToDictionary(partner => partner.Key, partner => new SignalPartner(partner.Value.Type, partner.Value.Name));
            return new SignalRouter(new PostcodeRouting(ranges, new Dictionary<string, string>()), partners, signals.DefaultMunicipality);
        });
        services.AddSingleton(provider =>
        {
            var signals = Options(provider);
            return new SignalSettings(signals.MatchingMonths,
                signals.Thresholds.ToDictionary(entry => entry.Key, entry => (IReadOnlyDictionary<string, int>)entry.Value));
        });
        services.AddSingleton(provider =>
        {
            var keys = provider.GetRequiredService<HubKeys>();
            return new SignalProtector(keys.SubjectHash, keys.SubjectEncryption);
        });
        services.AddSingleton(_ => new SignalRules(SignalPartnerTypes.All));
        services.TryAddSingleton(provider => new OutreachSettings(provider.GetRequiredService<IOptions<StoreOptions>>().Value.HubOin, new Dictionary<string, string>()));
        services.TryAddSingleton<OutreachCases>();
        services.AddSingleton<SignalJoiner>();
        services.AddSingleton<SignalReport>();
        services.AddSingleton(provider =>
            new SignalSpool(Path.Combine(provider.GetRequiredService<IOptions<StoreOptions>>().Value.DataFolder, "signal-imports")));
        services.AddSingleton<SignalImportStore>();
        services.AddSingleton<SignalWriter>();
        services.AddSingleton<SignalImportRunner>();
        services.AddSingleton<SignalBusIntake>();
        services.AddHostedService(provider => provider.GetRequiredService<SignalImportRunner>());
        services.AddSingleton<SignalRetention>();
        services.AddHubTimer<PurgeExpiredSignals>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSignals(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        PostSignals.Map(api);
        GetSignalImport.Map(api);
        ExportSignals.Map(api);
        return app;
    }

    private static SignalOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<SignalOptions>>().Value;
}
