using System.Net;
using Hl7.Fhir.Model;
using Schuldketen.Contracts;
using static Schuldketen.Fhir.Tests.FhirClient;
using static Schuldketen.Testing.Organisations;
using static Schuldketen.Testing.TestDatabase;

namespace Schuldketen.Fhir.Tests;

/// <summary>
/// The CapabilityStatement declares exactly what the tests exercise: transaction and create
/// (<see cref="ReferralTests"/>), read, search-type and patch (<see cref="StatusWalkTests"/>); everything
/// else answers 405 or 404 (<see cref="HostileInputs"/>).
/// </summary>
public class CapabilityTests
{
    [Fact]
    public async System.Threading.Tasks.Task The_capability_statement_is_open_to_all_and_declares_exactly_the_supported_interactions()
    {
        await using var hub = await FhirHub.StartAsync(Sqlite);
        using var anonymous = hub.Client();

        var capabilities = await ReadAsync<CapabilityStatement>(await anonymous.GetAsync("/fhir/r4/metadata"), HttpStatusCode.OK);

        var rest = Assert.Single(capabilities.Rest);
        Assert.Equal(FHIRVersion.N4_0_1, capabilities.FhirVersion);
        Assert.Equal([CapabilityStatement.SystemRestfulInteraction.Transaction], rest.Interaction.Select(interaction => interaction.Code!.Value));
        var task = Assert.Single(rest.Resource);
        Assert.Equal("Task", task.Type);
        Assert.Equal(
            [CapabilityStatement.TypeRestfulInteraction.Create, CapabilityStatement.TypeRestfulInteraction.SearchType,
             CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.Patch],
            task.Interaction.Select(interaction => interaction.Code!.Value));
        Assert.Equal(["owner", "status", "_lastUpdated"], task.SearchParam.Select(parameter => parameter.Name));
        Assert.Equal(["application/json-patch+json"], capabilities.PatchFormat);
    }

    [Fact]
    public async System.Threading.Tasks.Task The_rest_of_the_hub_keeps_answering_with_problem_details()
    {
        await using var hub = await FhirHub.StartAsync(Sqlite);
        using var gp = hub.Client(GeneralPractice, PartnerRole.GeneralPractitioner);
        using var anonymous = hub.Client();

        using var api = await anonymous.GetAsync("/api/v1/trajectories");
        using var missing = await gp.GetAsync("/api/v1/trajectories/onbekend");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }
}
