using Schuldketen.Contracts.Fhir;
using Schuldketen.Functions.Http;

namespace Schuldketen.Functions.Fhir;

/// <summary><c>GET /fhir/r4/metadata</c>: the CapabilityStatement, exactly what this endpoint supports.</summary>
public static class GetMetadata
{
    private static readonly DateTimeOffset Published = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/metadata", () => FhirOutcomes.Resource(FhirInteractions.Capabilities(Published, "Schuldketen", ApiVersion.Current)))
            .ExcludeFromDescription();
}
