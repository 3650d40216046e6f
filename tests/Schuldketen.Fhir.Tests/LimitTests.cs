using System.Net;
using Hl7.Fhir.Model;
using Schuldketen.Contracts;
using static Schuldketen.Fhir.Tests.FhirClient;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Fhir.Tests;

/// <summary>The rate limiter answers under /fhir/r4 with an OperationOutcome too, and problem details elsewhere.</summary>
public class LimitTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async System.Threading.Tasks.Task Requests_beyond_the_allowance_get_429_as_an_operation_outcome_with_retry_after(string provider)
    {
        await using var hub = await FhirHub.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Schuldketen:Limits:RequestsPerWindow"] = "3",
            ["Schuldketen:Limits:Window"] = "01:00:00",
        });
        using var gp = hub.Client(GeneralPractice, PartnerRole.GeneralPractitioner);
        for (var index = 0; index < 3; index++)
        {
            await ReadAsync<Bundle>(await gp.GetAsync("/fhir/r4/Task"), HttpStatusCode.OK);
        }

        using var refused = await gp.GetAsync("/fhir/r4/Task");
        using var api = await gp.GetAsync("/api/v1/trajectories");

        var outcome = await OutcomeAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal(OperationOutcome.IssueType.Throttled, outcome.Issue.Single().Code);
        Assert.Equal("3600", refused.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }
}
