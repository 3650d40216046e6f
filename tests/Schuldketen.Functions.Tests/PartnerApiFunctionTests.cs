using System.Text.Json;
using System.Text.Json.Nodes;
using Schuldketen.Contracts;
using Schuldketen.Contracts.CloudEvents;
using Schuldketen.Functions.Http;
using Schuldketen.Functions.Problems;
using Schuldketen.Functions.Worker.Http;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Functions.Tests;

/// <summary>The partner API's functions, called as the Functions host calls them, answer as the embedded host's endpoints do.</summary>
public class PartnerApiFunctionTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_event_is_accepted_once_answered_the_same_when_sent_again_and_refused_with_problem_details_when_broken(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider);
        var api = app.Functions<PartnerApiFunctions>();
        var municipality = app.TokenFor(Municipality, PartnerRole.Municipality, "medewerker-1");
        var id = await RegisterAsync(app, api, municipality);
        var crisisCheck = PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, id, new JsonObject { ["crisis"] = false }).ToJsonString();

        var accepted = await app.CallAsync(api.PostEvents, "POST", "/api/v1/events", municipality, crisisCheck, CloudEventEnvelope.MediaType);
        var again = await app.CallAsync(api.PostEvents, "POST", "/api/v1/events", municipality, crisisCheck, CloudEventEnvelope.MediaType);

        Assert.Equal(202, accepted.Status);
        Assert.Equal("eerste-gesprek", accepted.Json.GetProperty("phase").GetString());
        Assert.False(accepted.Json.GetProperty("replayed").GetBoolean());
        Assert.Equal(ApiVersion.Current, accepted.Headers[ApiVersion.Header]);
        Assert.Equal(202, again.Status);
        Assert.True(again.Json.GetProperty("replayed").GetBoolean());
        Assert.Equal(accepted.Json.GetProperty("sequence").GetInt64(), again.Json.GetProperty("sequence").GetInt64());

        var broken = PartnerEvents.Structured(Municipality, EventTypes.FirstConversationHeld, id, null);
        broken.Remove("subject");
        broken["specversion"] = "0.3";
        var refused = await app.CallAsync(api.PostEvents, "POST", "/api/v1/events", municipality, broken.ToJsonString(), CloudEventEnvelope.MediaType);
        var problem = AssertProblem(refused, 400, "cloudevents-specversion");
        Assert.Equal(["specversion", "subject"], problem.GetProperty("invalidParams").EnumerateArray().Select(field => field.GetProperty("name").GetString()));

        var anonymous = await app.CallAsync(api.PostEvents, "POST", "/api/v1/events", body: crisisCheck, contentType: CloudEventEnvelope.MediaType);
        AssertProblem(anonymous, 401, "niet-geauthenticeerd");
        Assert.StartsWith("Bearer", anonymous.Headers.WWWAuthenticate.ToString(), StringComparison.Ordinal);

        var history = await app.CallAsync(api.GetTrajectoryHistory, "GET", $"/api/v1/trajectories/{id}/history", municipality);
        Assert.Equal([EventTypes.Registered, EventTypes.CrisisCheckCompleted],
            history.Json.EnumerateArray().Select(entry => entry.GetProperty("type").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_trajectory_is_read_by_its_participants_and_is_not_found_for_another_organisation(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider);
        var api = app.Functions<PartnerApiFunctions>();
        var id = await RegisterAsync(app, api, app.TokenFor(Municipality, PartnerRole.Municipality, "medewerker-1"));

        var counsellor = await app.CallAsync(api.GetTrajectory, "GET", $"/api/v1/trajectories/{id}", app.TokenFor(Counsellor, PartnerRole.DebtCounsellor));
        var other = await app.CallAsync(api.GetTrajectory, "GET", $"/api/v1/trajectories/{id}", app.TokenFor(OtherMunicipality, PartnerRole.Municipality));

        Assert.Equal(200, counsellor.Status);
        Assert.Equal(id, counsellor.Json.GetProperty("id").GetString());
        Assert.Equal("aanmelding", counsellor.Json.GetProperty("phase").GetProperty("id").GetString());
        Assert.DoesNotContain("111222333", counsellor.Body, StringComparison.Ordinal);
        var problem = AssertProblem(other, 404, "niet-gevonden");
        Assert.DoesNotContain(id, problem.GetProperty("detail").GetString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_function_describes_the_same_operations_as_the_embedded_host()
    {
        await using var app = await FunctionsApp.StartAsync(TestDatabase.Sqlite);
        await using var hub = await HubServer.StartAsync(TestDatabase.Sqlite);
        using var client = hub.Client();

        var function = await app.CallAsync(app.Functions<PartnerApiFunctions>().GetOpenApiDocument, "GET", "/api/v1/openapi.json");
        var embedded = await client.GetStringAsync("/api/v1/openapi.json");

        Assert.Equal(200, function.Status);
        Assert.Equal(Operations(JsonDocument.Parse(embedded).RootElement), Operations(function.Json));
        Assert.NotEmpty(Operations(function.Json));
    }

    private static IReadOnlyList<string> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(operation => operation.Value.ValueKind == JsonValueKind.Object && operation.Value.TryGetProperty("operationId", out _))
                .Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name} {operation.Value.GetProperty("operationId").GetString()}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static async Task<string> RegisterAsync(FunctionsApp app, PartnerApiFunctions api, string municipality)
    {
        var registration = new JsonObject
        {
            ["bsn"] = "111222333",
            ["counsellor"] = new JsonObject { ["organisation"] = Counsellor, ["contactName"] = Registrations.CounsellorContact },
        };
        var registered = await app.CallAsync(api.RegisterTrajectory, "POST", "/api/v1/trajectories", municipality, registration.ToJsonString(), "application/json");
        Assert.True(registered.Status == 201, $"The registration answered {registered.Status}: {registered.Body}");
        return registered.Json.GetProperty("id").GetString()!;
    }

    private static JsonElement AssertProblem(FunctionAnswer answer, int status, string rule)
    {
        Assert.True(answer.Status == status, $"Expected {status}, got {answer.Status}: {answer.Body}");
        Assert.StartsWith("application/problem+json", answer.ContentType, StringComparison.Ordinal);
        var problem = answer.Json;
        Assert.Equal(HubProblems.TypePrefix + rule, problem.GetProperty("type").GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
