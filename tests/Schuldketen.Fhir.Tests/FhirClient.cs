using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Schuldketen.Contracts.Fhir;

namespace Schuldketen.Fhir.Tests;

/// <summary>How the tests talk to the hub: FHIR requests as a GP, and CloudEvents as the municipality, counsellor or court.</summary>
public static class FhirClient
{
    public static StringContent Json(string json, string mediaType = FhirSystems.MediaType) => new(json, Encoding.UTF8, mediaType);

    public static Task<HttpResponseMessage> PostBundleAsync(HttpClient client, Referral referral) =>
        client.PostAsync("/fhir/r4", Json(referral.BundleJson()));

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
        where T : Resource
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(FhirSystems.MediaType, response.Content.Headers.ContentType?.MediaType);
        var (resource, refusal) = FhirJson.Read(body);
        Assert.Null(refusal);
        return Assert.IsType<T>(resource);
    }

    /// <summary>The Task from a transaction-response Bundle: the entry that carries a resource.</summary>
    public static async Task<(Hl7.Fhir.Model.Task Task, string Status)> TaskOfTransactionAsync(HttpResponseMessage response)
    {
        var bundle = await ReadAsync<Bundle>(response, HttpStatusCode.OK);
        Assert.Equal(Bundle.BundleType.TransactionResponse, bundle.Type);
        var entry = Assert.Single(bundle.Entry, entry => entry.Resource is not null);
        return (Assert.IsType<Hl7.Fhir.Model.Task>(entry.Resource), Assert.IsType<string>(entry.Response?.Status));
    }

    public static string IdOf(Resource resource) => Assert.IsType<string>(resource.Id);

    public static string OwnerOf(Hl7.Fhir.Model.Task task) => Assert.IsType<string>(task.Owner?.Identifier?.Value);

    public static string RequesterOf(Hl7.Fhir.Model.Task task) => Assert.IsType<string>(task.Requester?.Identifier?.Value);

    public static async Task<Hl7.Fhir.Model.Task> TaskAsync(HttpClient client, string id) =>
        await ReadAsync<Hl7.Fhir.Model.Task>(await client.GetAsync($"/fhir/r4/Task/{id}"), HttpStatusCode.OK);

    public static async Task<OperationOutcome> OutcomeAsync(HttpResponseMessage response, HttpStatusCode expected) =>
        await ReadAsync<OperationOutcome>(response, expected);

    /// <summary>The ids of the trajectories the client's organisation takes part in.</summary>
    public static async Task<IReadOnlyList<string>> TrajectoriesAsync(HttpClient client)
    {
        var page = JsonNode.Parse(await client.GetStringAsync("/api/v1/trajectories?pageSize=100"))!;
        return page["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()).ToList();
    }

    /// <summary>Sends a partner event as the client's organisation would, and insists it is accepted.</summary>
    public static async System.Threading.Tasks.Task SendAsync(HttpClient client, string organisation, string trajectory, string type, object data, DateTimeOffset time)
    {
        var cloudEvent = new
        {
            specversion = "1.0",
            id = Guid.NewGuid().ToString(),
            source = $"urn:nld:oin:{organisation}:systeem",
            type,
            subject = trajectory,
            time = time.ToString("yyyy-MM-ddTHH:mm:sszzz"),
            datacontenttype = "application/json",
            data,
        };
        using var content = new StringContent(JsonSerializer.Serialize(cloudEvent), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents+json");
        using var response = await client.PostAsync("/api/v1/events", content);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{type}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
