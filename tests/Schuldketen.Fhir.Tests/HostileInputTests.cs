using System.Net;
using Hl7.Fhir.Model;
using Schuldketen.Contracts;
using static Schuldketen.Fhir.Tests.FhirClient;
using static Schuldketen.Testing.Organisations;
using static Schuldketen.Testing.TestDatabase;

namespace Schuldketen.Fhir.Tests;

/// <summary>Every hostile or malformed FHIR request gets a 4xx OperationOutcome that says what to fix, never a 5xx or the BSN.</summary>
public class HostileInputTests(HostileInputTests.Hub fixture) : IClassFixture<HostileInputTests.Hub>
{
    [Theory]
    [MemberData(nameof(HostileInputs.Names), MemberType = typeof(HostileInputs))]
    public async System.Threading.Tasks.Task A_hostile_request_gets_its_4xx_as_an_operation_outcome_that_says_what_to_fix(string name)
    {
        var (request, expected) = HostileInputs.All[name];
        using var client = new HttpClient { BaseAddress = fixture.Server.Address };
        using var message = request(fixture.Server);

        using var response = await client.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        var outcome = await OutcomeAsync(response, expected);

        Assert.NotEmpty(outcome.Issue);
        Assert.All(outcome.Issue, issue =>
        {
            Assert.Equal(OperationOutcome.IssueSeverity.Error, issue.Severity);
            Assert.True(issue.Diagnostics is { Length: > 20 }, $"{name}: '{issue.Diagnostics}' does not say what to fix");
        });
        Assert.DoesNotContain(Referral.Bsn, body);
        Assert.DoesNotContain("111222334", body);
    }

    [Fact]
    public void The_table_holds_at_least_thirty_hostile_inputs_and_none_expects_a_5xx()
    {
        Assert.True(HostileInputs.All.Count >= 30);
        Assert.All(HostileInputs.All.Values, item => Assert.InRange((int)item.Status, 400, 499));
    }

    [Fact]
    public async System.Threading.Tasks.Task Nothing_was_registered_by_any_hostile_input_and_no_bsn_reached_the_log()
    {
        using var client = new HttpClient { BaseAddress = fixture.Server.Address };
        foreach (var (request, _) in HostileInputs.All.Values)
        {
            using var message = request(fixture.Server);
            using var response = await client.SendAsync(message);
            Assert.InRange((int)response.StatusCode, 400, 499);
        }

        using var municipality = fixture.Server.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        Assert.Empty(await TrajectoriesAsync(municipality));
        Assert.DoesNotContain(fixture.Server.LogLines, line => line.Contains(Referral.Bsn, StringComparison.Ordinal));
    }

    [Fact]
    public async System.Threading.Tasks.Task A_method_a_task_address_does_not_take_names_the_ones_it_does()
    {
        using var gp = fixture.Server.Client(GeneralPractice, PartnerRole.GeneralPractitioner);

        using var delete = await gp.DeleteAsync("/fhir/r4/Task/1");
        using var put = await gp.PutAsync("/fhir/r4/Task", Json("{}"));

        Assert.Equal("GET, PATCH", string.Join(", ", delete.Content.Headers.Allow));
        Assert.Equal("POST, GET", string.Join(", ", put.Content.Headers.Allow));
        await OutcomeAsync(put, HttpStatusCode.MethodNotAllowed);
    }

    /// <summary>One hub for the whole table: the inputs change nothing, which one test checks.</summary>
    public sealed class Hub : IAsyncLifetime
    {
        public HubServer Server { get; private set; } = null!;

        public async System.Threading.Tasks.Task InitializeAsync() => Server = await FhirHub.StartAsync(Sqlite);

        public async System.Threading.Tasks.Task DisposeAsync() => await Server.DisposeAsync();
    }
}
