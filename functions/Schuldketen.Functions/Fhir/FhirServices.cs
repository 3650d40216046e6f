using Microsoft.Extensions.Options;
using Schuldketen.Contracts.Fhir;
using Schuldketen.Functions.Settings;
using Schuldketen.Functions.Storage;
using Schuldketen.Workflows.Referrals;
using Schuldketen.Workflows.Store.Referrals;

namespace Schuldketen.Functions.Fhir;

/// <summary>The GP referral over FHIR R4 under <c>/fhir/r4</c>: where referrals go, how they are kept, and errors as OperationOutcomes.</summary>
public static class FhirServices
{
    public static IHostApplicationBuilder AddFhir(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCheckedOptions<ReferralOptions>(builder.Configuration, ReferralOptions.Section);
        services.AddSingleton(provider =>
        {
            var referrals = provider.GetRequiredService<IOptions<ReferralOptions>>().Value;
            var store = provider.GetRequiredService<IOptions<StoreOptions>>().Value;
            var ranges = referrals.PostcodeRanges.Select(range => new PostcodeRange(range.From, range.To, range.Municipality)).ToList();
            return new ReferralSettings(
                new PostcodeRouting(ranges, new Dictionary<string, string>(referrals.DefaultMunicipalities)),
                store.MunicipalityDefinitions, store.DefaultDefinition, store.HubOin);
        });
        services.AddSingleton<ReferralStore>();
        services.AddSingleton<ReferralReader>();
        services.AddSingleton<ReferralIntake>();

        // The problem details service asks its writers in turn; under /fhir/r4 this one must answer before the default writer.
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, FhirProblemWriter>());
        return builder;
    }

    public static IEndpointRouteBuilder MapFhir(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup(FhirInteractions.Base);
        GetMetadata.Map(fhir);
        Unsupported.Map(fhir);
        var referrals = fhir.MapGroup(string.Empty).RequireAuthorization();
        PostTransaction.Map(referrals);
        CreateTask.Map(referrals);
        SearchTasks.Map(referrals);
        ReadTask.Map(referrals);
        PatchTask.Map(referrals);
        return app;
    }
}
