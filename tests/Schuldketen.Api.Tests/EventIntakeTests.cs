using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Schuldketen.Contracts;
using Schuldketen.Contracts.CloudEvents;
using Schuldketen.Functions.Http;
using Schuldketen.Functions.Problems;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests;

/// <summary>
/// POST /api/v1/events over real HTTP: every step of the one path an event takes, in the order the
/// hub checks them, each refused with the problem type of its rule and the field to fix.
/// </summary>
public class EventIntakeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_anonymous_request_is_refused_with_401_problem_details(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var anonymous = hub.Client();

        using var response = await PartnerApi.PostEventAsync(anonymous, PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, "t-1", PartnerApi.NoCrisis()));

        await PartnerApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "niet-geauthenticeerd");
        Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_token_the_hub_accepted_before_is_refused_once_it_has_expired(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var id = await PartnerApi.RegisterAsync(municipality);

        hub.Clock.Advance(TimeSpan.FromDays(31));
        using var response = await PartnerApi.PostEventAsync(municipality, PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis()));

        await PartnerApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "niet-geauthenticeerd");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_body_in_another_content_type_is_refused_with_415(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var id = await PartnerApi.RegisterAsync(municipality);

        using var response = await PartnerApi.PostEventAsync(
            municipality, PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis()), "application/json");

        await PartnerApi.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "mediatype");
        Assert.Equal(1, await PartnerApi.HistoryLengthAsync(municipality, id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_body_that_is_not_json_is_refused_with_400(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");

        using var response = await municipality.PostAsync("/api/v1/events",
            new StringContent("{\"specversion\":\"1.0\",", Encoding.UTF8, CloudEventEnvelope.MediaType));

        await PartnerApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "json-syntax");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_event_without_a_required_attribute_is_refused(string provider) =>
        await AssertEnvelopeRefusedAsync(provider, cloudEvent => cloudEvent.Remove("id"), "cloudevents-required", "id");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_attribute_of_the_wrong_json_type_is_refused(string provider) =>
        await AssertEnvelopeRefusedAsync(provider, cloudEvent => cloudEvent["id"] = 12345, "cloudevents-type", "id");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_specversion_other_than_1_0_is_refused(string provider) =>
        await AssertEnvelopeRefusedAsync(provider, cloudEvent => cloudEvent["specversion"] = "0.3", "cloudevents-specversion", "specversion");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_time_that_is_not_rfc_3339_is_refused(string provider) =>
        await AssertEnvelopeRefusedAsync(provider, cloudEvent => cloudEvent["time"] = "2026-03-02T10:00:00", "cloudevents-time", "time");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_empty_dataschema_is_refused(string provider) =>
        await AssertEnvelopeRefusedAsync(provider, cloudEvent => cloudEvent["dataschema"] = "", "cloudevents-dataschema", "dataschema");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_extension_with_a_name_outside_lowercase_letters_and_digits_is_refused(string provider) =>
        await AssertEnvelopeRefusedAsync(provider, cloudEvent => cloudEvent["Zaak_Nummer"] = "Z-2026-17", "cloudevents-extension-name", "Zaak_Nummer");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_source_that_is_no_oin_urn_is_refused(string provider) =>
        await AssertEnvelopeRefusedAsync(provider, cloudEvent => cloudEvent["source"] = "https://zaaksysteem.gemeente.example/", "nlgov-source", "source");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_type_outside_the_catalogue_is_refused(string provider) =>
        await AssertEnvelopeRefusedAsync(provider, cloudEvent => cloudEvent["type"] = "nl.schuldketen.huur.betaald", "nlgov-type", "type");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_type_only_the_hub_raises_is_refused_from_a_partner(string provider) =>
        await AssertEnvelopeRefusedAsync(provider, cloudEvent => cloudEvent["type"] = EventTypes.DeadlinePassed, "nlgov-type", "type");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_registration_cannot_be_sent_as_an_event(string provider) =>
        await AssertEnvelopeRefusedAsync(provider, cloudEvent => cloudEvent["type"] = EventTypes.Registered, "nlgov-type", "type");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_event_without_subject_is_refused(string provider) =>
        await AssertEnvelopeRefusedAsync(provider, cloudEvent => cloudEvent.Remove("subject"), "nlgov-subject", "subject");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Data_without_a_required_member_is_refused(string provider) =>
        await AssertEnvelopeRefusedAsync(provider, cloudEvent => cloudEvent["data"] = new JsonObject(), "data-schema", "data/crisis");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Data_with_a_member_of_the_wrong_type_is_refused(string provider) =>
        await AssertEnvelopeRefusedAsync(provider, cloudEvent => cloudEvent["data"] = new JsonObject { ["crisis"] = "nee" }, "data-schema", "data/crisis");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Data_with_a_member_the_schema_does_not_know_is_refused(string provider) =>
        await AssertEnvelopeRefusedAsync(provider,
            cloudEvent => cloudEvent["data"] = new JsonObject { ["crisis"] = false, ["urgent"] = true }, "data-schema", "data/urgent");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_source_of_another_organisation_than_the_token_is_refused_with_403(string provider) =>
        await AssertEnvelopeRefusedAsync(provider,
            cloudEvent => cloudEvent["source"] = $"urn:nld:oin:{OtherMunicipality}:systeem:zaaksysteem", "afzender-bron", "source", HttpStatusCode.Forbidden);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Several_faults_are_named_together_and_the_first_checked_rule_is_the_type(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var cloudEvent = PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, "t-1", PartnerApi.NoCrisis());
        cloudEvent.Remove("subject");
        cloudEvent["specversion"] = "0.3";

        using var response = await PartnerApi.PostEventAsync(municipality, cloudEvent);

        var problem = await PartnerApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "cloudevents-specversion");
        Assert.Equal(["specversion", "subject"], PartnerApi.InvalidParamNames(problem));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_event_for_a_trajectory_the_sender_does_not_take_part_in_is_refused_as_not_found(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        using var stranger = hub.Client(OtherCounsellor, PartnerRole.DebtCounsellor, "hulpverlener-9");
        var id = await PartnerApi.RegisterAsync(municipality);

        using var foreign = await PartnerApi.PostEventAsync(stranger, PartnerEvents.Structured(OtherCounsellor, EventTypes.DroppedOut, id, new JsonObject { ["reason"] = "geen-contact" }));
        using var missing = await PartnerApi.PostEventAsync(stranger,
            PartnerEvents.Structured(OtherCounsellor, EventTypes.DroppedOut, "bestaat-niet", new JsonObject { ["reason"] = "geen-contact" }));

        var foreignProblem = await PartnerApi.AssertProblemAsync(foreign, HttpStatusCode.NotFound, "traject-onbekend");
        var missingProblem = await PartnerApi.AssertProblemAsync(missing, HttpStatusCode.NotFound, "traject-onbekend");
        Assert.Equal(missingProblem.GetProperty("title").GetString(), foreignProblem.GetProperty("title").GetString());
        Assert.Equal(missingProblem.GetProperty("detail").GetString(), foreignProblem.GetProperty("detail").GetString());
        Assert.Equal("aanmelding", await PartnerApi.PhaseAsync(municipality, id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_event_the_senders_role_may_not_send_is_refused_with_403(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        using var counsellor = hub.Client(Counsellor, PartnerRole.DebtCounsellor, "hulpverlener-1");
        var id = await PartnerApi.RegisterAsync(municipality);

        using var response = await PartnerApi.PostEventAsync(counsellor, PartnerEvents.Structured(Counsellor, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis()));

        var problem = await PartnerApi.AssertProblemAsync(response, HttpStatusCode.Forbidden, "rol-niet-toegestaan");
        Assert.DoesNotContain(EventTypes.CrisisCheckCompleted, PartnerApi.Strings(problem.GetProperty("permittedEventTypes")));
        Assert.Equal("aanmelding", await PartnerApi.PhaseAsync(municipality, id));
        Assert.Equal(1, await PartnerApi.HistoryLengthAsync(municipality, id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_event_not_permitted_in_the_current_phase_is_refused_with_409_listing_what_is_permitted(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var id = await PartnerApi.RegisterAsync(municipality);

        using var response = await PartnerApi.PostEventAsync(municipality, PartnerEvents.Structured(Municipality, EventTypes.AccessGranted, id, PartnerApi.AccessGranted()));

        var problem = await PartnerApi.AssertProblemAsync(response, HttpStatusCode.Conflict, "niet-toegestaan-in-fase");
        Assert.Equal(
            new[] { EventTypes.CrisisCheckCompleted, EventTypes.DroppedOut, EventTypes.Referred }.Order(),
            PartnerApi.Strings(problem.GetProperty("permittedEventTypes")).Order());
        Assert.Equal(id, problem.GetProperty("trajectory").GetString());
        Assert.Equal("aanmelding", await PartnerApi.PhaseAsync(municipality, id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_accepted_event_answers_202_with_the_new_phase_and_sequence(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var id = await PartnerApi.RegisterAsync(municipality);

        using var response = await PartnerApi.PostEventAsync(municipality, PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis()));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, accepted.GetProperty("trajectory").GetString());
        Assert.Equal("eerste-gesprek", accepted.GetProperty("phase").GetString());
        Assert.Equal(2, accepted.GetProperty("sequence").GetInt64());
        Assert.False(accepted.GetProperty("replayed").GetBoolean());
        Assert.Equal("eerste-gesprek", await PartnerApi.PhaseAsync(municipality, id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_event_again_gets_the_first_answer_and_changes_nothing(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var id = await PartnerApi.RegisterAsync(municipality);
        var crisisCheck = PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis());

        using var first = await PartnerApi.PostEventAsync(municipality, crisisCheck);
        var firstAnswer = await first.Content.ReadFromJsonAsync<JsonElement>();
        using var conversation = await PartnerApi.PostEventAsync(municipality, PartnerEvents.Structured(Municipality, EventTypes.FirstConversationHeld, id, PartnerApi.Conversation()));
        var historyBefore = await PartnerApi.HistoryLengthAsync(municipality, id);
        using var again = await PartnerApi.PostEventAsync(municipality, crisisCheck);

        Assert.Equal(HttpStatusCode.Accepted, conversation.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var againAnswer = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(againAnswer.GetProperty("replayed").GetBoolean());
        Assert.Equal(firstAnswer.GetProperty("trajectory").GetString(), againAnswer.GetProperty("trajectory").GetString());
        Assert.Equal("eerste-gesprek", againAnswer.GetProperty("phase").GetString());
        Assert.Equal(firstAnswer.GetProperty("sequence").GetInt64(), againAnswer.GetProperty("sequence").GetInt64());
        Assert.Equal(3, historyBefore);
        Assert.Equal(historyBefore, await PartnerApi.HistoryLengthAsync(municipality, id));
        Assert.Equal("besluit-toegang", await PartnerApi.PhaseAsync(municipality, id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_first_conversation_before_the_crisis_check_is_refused_with_409(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var id = await PartnerApi.RegisterAsync(municipality);

        using var early = await PartnerApi.PostEventAsync(municipality, PartnerEvents.Structured(Municipality, EventTypes.FirstConversationHeld, id, PartnerApi.Conversation()));

        var problem = await PartnerApi.AssertProblemAsync(early, HttpStatusCode.Conflict, "niet-toegestaan-in-fase");
        Assert.Contains(EventTypes.CrisisCheckCompleted, PartnerApi.Strings(problem.GetProperty("permittedEventTypes")));
        Assert.Equal(1, await PartnerApi.HistoryLengthAsync(municipality, id));
        Assert.Equal("aanmelding", await PartnerApi.PhaseAsync(municipality, id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_batch_of_three_events_for_one_trajectory_is_applied_in_order(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var id = await PartnerApi.RegisterAsync(municipality);
        var batch = new JsonArray(
            PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis()),
            PartnerEvents.Structured(Municipality, EventTypes.FirstConversationHeld, id, PartnerApi.Conversation()),
            PartnerEvents.Structured(Municipality, EventTypes.AccessGranted, id, PartnerApi.AccessGranted()));

        using var response = await PartnerApi.PostEventAsync(municipality, batch, PostEvents.BatchMediaType);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var outcomes = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], outcomes.Select(outcome => outcome.GetProperty("index").GetInt32()));
        Assert.All(outcomes, outcome => Assert.Equal(202, outcome.GetProperty("status").GetInt32()));
        Assert.Equal(["eerste-gesprek", "besluit-toegang", "stabilisatie"],
            outcomes.Select(outcome => outcome.GetProperty("accepted").GetProperty("phase").GetString()));
        Assert.Equal([2L, 3L, 4L], outcomes.Select(outcome => outcome.GetProperty("accepted").GetProperty("sequence").GetInt64()));
        var history = await PartnerApi.HistoryAsync(municipality, id);
        Assert.Equal(
            [EventTypes.Registered, EventTypes.CrisisCheckCompleted, EventTypes.FirstConversationHeld, EventTypes.AccessGranted],
            history.Select(entry => entry.GetProperty("type").GetString()));
        Assert.Equal("stabilisatie", await PartnerApi.PhaseAsync(municipality, id));
    }

    private static async Task AssertEnvelopeRefusedAsync(
        string provider, Action<JsonObject> breakIt, string rule, string field, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var id = await PartnerApi.RegisterAsync(municipality);
        var cloudEvent = PartnerEvents.Structured(Municipality, EventTypes.CrisisCheckCompleted, id, PartnerApi.NoCrisis());
        breakIt(cloudEvent);

        using var response = await PartnerApi.PostEventAsync(municipality, cloudEvent);

        var problem = await PartnerApi.AssertProblemAsync(response, status, rule);
        Assert.Equal([field], PartnerApi.InvalidParamNames(problem));
        Assert.Equal("aanmelding", await PartnerApi.PhaseAsync(municipality, id));
        Assert.Equal(1, await PartnerApi.HistoryLengthAsync(municipality, id));
    }
}

/// <summary>What the API tests send and read as a partner would: registrations, CloudEvents, problem details.</summary>
internal static class PartnerApi
{
    public const string CounsellorContact = Registrations.CounsellorContact;

    public static JsonObject NoCrisis() => new() { ["crisis"] = false };

    public static JsonObject Conversation() => new() { ["heldAt"] = "2026-03-03T10:00:00+01:00" };

    public static JsonObject AccessGranted() => new() { ["decidedOn"] = "2026-03-04", ["planSummary"] = "Inkomsten op orde brengen, daarna een regeling." };

    public static Task<HttpResponseMessage> PostEventAsync(HttpClient client, JsonNode body, string mediaType = CloudEventEnvelope.MediaType) =>
        client.PostAsync("/api/v1/events", new StringContent(body.ToJsonString(), Encoding.UTF8, mediaType));

    /// <summary>Posts one event and demands it is accepted.</summary>
    public static async Task<JsonElement> SendAsync(HttpClient client, string sender, string type, string subject, JsonObject? data)
    {
        using var response = await PostEventAsync(client, PartnerEvents.Structured(sender, type, subject, data));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{type} was not accepted: {body}");
        return body;
    }

    /// <summary>Posts one event of the shared journey and demands it is accepted.</summary>
    public static async Task<JsonElement> SendAsync(HttpClient client, JourneyEvent journeyEvent)
    {
        using var content = new ByteArrayContent(journeyEvent.Body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(CloudEventEnvelope.MediaType);
        using var response = await client.PostAsync("/api/v1/events", content);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{journeyEvent.Id} was not accepted: {body}");
        return body;
    }

    /// <summary>Registers a trajectory with a counsellor (the demo counsellor unless named) as contact; returns its pseudonymous id.</summary>
    public static async Task<string> RegisterAsync(HttpClient municipality, string bsn = "111222333", string counsellor = Organisations.Counsellor)
    {
        using var response = await municipality.PostAsJsonAsync("/api/v1/trajectories",
            new { bsn, counsellor = new { organisation = counsellor, contactName = CounsellorContact } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"The registration answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    public static async Task<string?> PhaseAsync(HttpClient caseHandler, string id)
    {
        using var response = await caseHandler.GetAsync($"/api/v1/trajectories/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phase").GetProperty("id").GetString();
    }

    public static async Task<IReadOnlyList<JsonElement>> HistoryAsync(HttpClient caseHandler, string id)
    {
        using var response = await caseHandler.GetAsync($"/api/v1/trajectories/{id}/history");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    public static async Task<int> HistoryLengthAsync(HttpClient caseHandler, string id) => (await HistoryAsync(caseHandler, id)).Count;

    /// <summary>Demands RFC 9457 problem details with the status and the rule; returns the problem.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string rule)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(HubProblems.TypePrefix + rule, problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static IReadOnlyList<string> InvalidParamNames(JsonElement problem) =>
        problem.GetProperty("invalidParams").EnumerateArray().Select(field => field.GetProperty("name").GetString()!).ToList();

    public static IReadOnlyList<string> Strings(JsonElement array) => array.EnumerateArray().Select(item => item.GetString()!).ToList();
}
