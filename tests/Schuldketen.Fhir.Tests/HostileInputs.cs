using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Fhir;
using static Schuldketen.Testing.Organisations;
using static Schuldketen.Fhir.Tests.FhirHub;

namespace Schuldketen.Fhir.Tests;

/// <summary>Malformed and hostile FHIR requests, each with the 4xx it must get as an OperationOutcome.</summary>
public static class HostileInputs
{
    public static TheoryData<string> Names => new(All.Keys);

    /// <summary>The request (made with the hub at hand, for its tokens) and the status it must get.</summary>
    public static IReadOnlyDictionary<string, (Func<HubServer, HttpRequestMessage> Request, HttpStatusCode Status)> All { get; } =
        Cases().ToDictionary(item => item.Name, item => (item.Request, item.Status));

    private static IEnumerable<(string Name, Func<HubServer, HttpRequestMessage> Request, HttpStatusCode Status)> Cases()
    {
        const HttpStatusCode bad = HttpStatusCode.BadRequest;
        const HttpStatusCode unprocessable = HttpStatusCode.UnprocessableEntity;

        yield return ("json-broken", Raw("{\"resourceType\":\"Bundle\","), bad);
        yield return ("json-plain-text", Raw("verwijzing voor mevrouw Jansen"), bad);
        yield return ("json-empty-body", Raw(string.Empty), bad);
        yield return ("json-array", Raw("[]"), bad);
        yield return ("json-without-resource-type", Raw("{\"type\":\"transaction\"}"), bad);
        yield return ("json-deep-nesting", Raw("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"meta\":" + string.Concat(Enumerable.Repeat("{\"extension\":[", 40)) + "]}"), bad);
        yield return ("unknown-element", Edited(json => json.Replace("\"resourceType\":\"Task\",", "\"resourceType\":\"Task\",\"urgentie\":\"hoog\",")), bad);
        yield return ("unknown-resource-type", Raw("{\"resourceType\":\"Schuldhulpaanvraag\"}"), bad);
        yield return ("bsn-as-number", Edited(json => json.Replace($"\"value\":\"{Referral.Bsn}\"", $"\"value\":{Referral.Bsn}")), bad);
        yield return ("bad-code-task-status", Edited(json => json.Replace("\"status\":\"requested\"", "\"status\":\"verstuurd\"")), bad);
        yield return ("wrong-resource-type-for-base", Raw(FhirJson.Write(new Referral().Patient)), bad);
        yield return ("bundle-to-task-endpoint", Request(HttpMethod.Post, "/fhir/r4/Task", new Referral().BundleJson()), bad);
        yield return ("bundle-type-batch", Bundled(bundle => bundle.Type = Bundle.BundleType.Batch), unprocessable);
        yield return ("consent-missing", Bundled(bundle => bundle.Entry.RemoveAt(1)), unprocessable);
        yield return ("consent-inactive", Change(referral => referral.Consent.Status = Consent.ConsentState.Inactive), unprocessable);
        yield return ("consent-draft", Change(referral => referral.Consent.Status = Consent.ConsentState.Draft), unprocessable);
        yield return ("consent-other-patient", Change(referral => referral.Consent.Patient = new ResourceReference("urn:uuid:5d0e2f2c-0000-4000-8000-00000000beef")), unprocessable);
        yield return ("consent-denies", Change(referral => referral.Consent.Provision = new Consent.provisionComponent { Type = Consent.ConsentProvisionType.Deny }), unprocessable);
        yield return ("consent-without-provision", Change(referral => referral.Consent.Provision = null), unprocessable);
        yield return ("bsn-fails-eleven-check", Change(referral => referral.Patient.Identifier[0].Value = "111222334"), unprocessable);
        yield return ("bsn-too-short", Change(referral => referral.Patient.Identifier[0].Value = "11122233"), unprocessable);
        yield return ("bsn-in-wrong-system", Change(referral => referral.Patient.Identifier[0].System = "urn:oid:2.16.840.1.113883.2.4.6.3"), unprocessable);
        yield return ("bsn-missing", Change(referral => referral.Patient.Identifier.Clear()), unprocessable);
        yield return ("bsn-twice", Change(referral => referral.Patient.Identifier.Add(new Identifier(FhirSystems.Bsn, "123456782"))), unprocessable);
        yield return ("patient-missing", Bundled(bundle => bundle.Entry.RemoveAt(0)), unprocessable);
        yield return ("patient-twice", Bundled(bundle => bundle.Entry.Add(Copy(bundle.Entry[0], "urn:uuid:5d0e2f2c-0000-4000-8000-000000000099"))), unprocessable);
        yield return ("task-missing", Bundled(bundle => bundle.Entry.RemoveAt(3)), unprocessable);
        yield return ("task-intent-plan", Change(referral => referral.Task.Intent = Hl7.Fhir.Model.Task.TaskIntent.Plan), unprocessable);
        yield return ("task-status-accepted", Change(referral => referral.Task.Status = Hl7.Fhir.Model.Task.TaskStatus.Accepted), unprocessable);
        yield return ("task-focus-patient", Change(referral => referral.Task.Focus = new ResourceReference(Referral.PatientUrl)), unprocessable);
        yield return ("task-focus-missing", Change(referral => referral.Task.Focus = null), unprocessable);
        yield return ("task-for-someone-else", Change(referral => referral.Task.For = new ResourceReference("Patient/elders")), unprocessable);
        yield return ("task-authored-in-future", Change(referral => referral.Task.AuthoredOn = "2027-01-01T10:00:00+01:00"), unprocessable);
        yield return ("task-identifier-holds-bsn", Change(referral => referral.Task.Identifier[0].Value = $"verwijzing-{Referral.Bsn}"), unprocessable);
        yield return ("task-identifier-bsn-system", Change(referral => referral.Task.Identifier[0].System = FhirSystems.Bsn), unprocessable);
        yield return ("task-owner-unknown-municipality", Change(referral => referral.Task.Owner = Oin("00000001009999999000")), unprocessable);
        yield return ("task-owner-literal-reference", Change(referral => referral.Task.Owner = new ResourceReference("Organization/gemeente")), unprocessable);
        yield return ("service-request-missing", Bundled(bundle => bundle.Entry.RemoveAt(2)), unprocessable);
        yield return ("service-request-other-category", Change(referral => referral.ServiceRequest.Category =
            [new CodeableConcept(FhirSystems.SdohTemporaryCodes, "food-insecurity")]), unprocessable);
        yield return ("service-request-draft", Change(referral => referral.ServiceRequest.Status = RequestStatus.Draft), unprocessable);
        yield return ("service-request-proposal", Change(referral => referral.ServiceRequest.Intent = RequestIntent.Proposal), unprocessable);
        yield return ("service-request-without-code", Change(referral => referral.ServiceRequest.Code = null), unprocessable);
        yield return ("service-request-subject-unresolved", Change(referral => referral.ServiceRequest.Subject = new ResourceReference("Patient/123")), unprocessable);
        yield return ("requester-other-practice-on-task", Change(referral => referral.Task.Requester = Oin(OtherPractice)), HttpStatusCode.Forbidden);
        yield return ("requester-other-practice-on-request", Change(referral => referral.ServiceRequest.Requester = Oin(OtherPractice)), HttpStatusCode.Forbidden);
        yield return ("requester-literal-reference", Change(referral => referral.Task.Requester = new ResourceReference("Organization/1")), unprocessable);
        yield return ("entry-extra-organization", Bundled(bundle => bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = "urn:uuid:5d0e2f2c-0000-4000-8000-000000000042",
            Resource = new Organization { Name = "Huisartsenpraktijk De Linde" },
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Organization" },
        })), unprocessable);
        yield return ("entry-request-put", Bundled(bundle => bundle.Entry[0].Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = "Patient" }), unprocessable);
        yield return ("entry-request-missing", Bundled(bundle => bundle.Entry[1].Request = null), unprocessable);
        yield return ("entry-duplicate-full-url", Bundled(bundle => bundle.Entry[2].FullUrl = Referral.ConsentUrl), unprocessable);
        yield return ("contained-task-without-contained", hub => Request(HttpMethod.Post, "/fhir/r4/Task", FhirJson.Write(new Referral().Task))(hub), unprocessable);
        yield return ("contained-task-inside-task", hub =>
        {
            var task = new Referral().ContainedTask();
            task.Contained.Add(new Hl7.Fhir.Model.Task { Id = "nested", Status = Hl7.Fhir.Model.Task.TaskStatus.Requested, Intent = Hl7.Fhir.Model.Task.TaskIntent.Order });
            return Request(HttpMethod.Post, "/fhir/r4/Task", FhirJson.Write(task))(hub);
        }, unprocessable);
        // With 100-continue the client sends the body only when the hub asks for it, so the 413 cannot race a body the hub will not read.
        yield return ("body-too-large", hub =>
        {
            var request = Raw(new Referral().BundleJson().Replace("Oudegracht 1", new string('x', 1_200_000)))(hub);
            request.Headers.ExpectContinue = true;
            return request;
        }, HttpStatusCode.RequestEntityTooLarge);
        yield return ("content-type-text", Raw(new Referral().BundleJson(), "text/plain"), HttpStatusCode.UnsupportedMediaType);
        yield return ("content-type-xml", Raw(new Referral().BundleJson(), "application/fhir+xml"), HttpStatusCode.UnsupportedMediaType);
        yield return ("content-type-missing", Raw(new Referral().BundleJson(), null), HttpStatusCode.UnsupportedMediaType);
        yield return ("token-missing", Request(HttpMethod.Post, "/fhir/r4", new Referral().BundleJson(), token: _ => null), HttpStatusCode.Unauthorized);
        yield return ("token-garbage", Request(HttpMethod.Post, "/fhir/r4", new Referral().BundleJson(), token: _ => "eyJhbGciOiJub25lIn0.e30."), HttpStatusCode.Unauthorized);
        yield return ("token-expired", Request(HttpMethod.Get, "/fhir/r4/Task", token: hub =>
            hub.Service<Functions.Auth.EmbeddedTokenIssuer>().Issue(GeneralPractice, PartnerRole.GeneralPractitioner, lifetime: TimeSpan.FromHours(-2))), HttpStatusCode.Unauthorized);
        yield return ("role-municipality", Request(HttpMethod.Post, "/fhir/r4", new Referral().BundleJson(),
            token: hub => hub.TokenFor(Municipality, PartnerRole.Municipality)), HttpStatusCode.Forbidden);
        yield return ("role-creditor-search", Request(HttpMethod.Get, "/fhir/r4/Task", token: hub => hub.TokenFor(Landlord, PartnerRole.Creditor)), HttpStatusCode.Forbidden);
        yield return ("unknown-resource-address", Request(HttpMethod.Get, "/fhir/r4/Schuldhulp"), HttpStatusCode.NotFound);
        yield return ("unknown-task", Request(HttpMethod.Get, $"/fhir/r4/Task/{Guid.Empty}"), HttpStatusCode.NotFound);
        yield return ("read-patient", Request(HttpMethod.Get, "/fhir/r4/Patient"), HttpStatusCode.MethodNotAllowed);
        yield return ("create-patient", Request(HttpMethod.Post, "/fhir/r4/Patient", FhirJson.Write(new Referral().Patient)), HttpStatusCode.MethodNotAllowed);
        yield return ("delete-task", Request(HttpMethod.Delete, "/fhir/r4/Task/1"), HttpStatusCode.MethodNotAllowed);
        yield return ("update-task", Request(HttpMethod.Put, "/fhir/r4/Task/1", FhirJson.Write(new Referral().Task)), HttpStatusCode.MethodNotAllowed);
        yield return ("post-to-task-id", Request(HttpMethod.Post, "/fhir/r4/Task/1", FhirJson.Write(new Referral().Task)), HttpStatusCode.MethodNotAllowed);
        yield return ("search-the-whole-server", Request(HttpMethod.Get, "/fhir/r4"), HttpStatusCode.MethodNotAllowed);
        yield return ("task-history", Request(HttpMethod.Get, "/fhir/r4/Task/1/_history"), HttpStatusCode.MethodNotAllowed);
        yield return ("patch-other-operation", Request(HttpMethod.Patch, "/fhir/r4/Task/1", """[{"op":"remove","path":"/owner"}]""", FhirInteractions.PatchMediaType), unprocessable);
        yield return ("patch-status-completed", Request(HttpMethod.Patch, "/fhir/r4/Task/1", """[{"op":"replace","path":"/status","value":"completed"}]""",
            FhirInteractions.PatchMediaType), unprocessable);
        yield return ("patch-status-numeric", Request(HttpMethod.Patch, "/fhir/r4/Task/1", """[{"op":"replace","path":"/status","value":"7"}]""",
            FhirInteractions.PatchMediaType), unprocessable);
        yield return ("patch-not-json", Request(HttpMethod.Patch, "/fhir/r4/Task/1", "[{op:", FhirInteractions.PatchMediaType), bad);
        yield return ("patch-as-fhir-json", Request(HttpMethod.Patch, "/fhir/r4/Task/1", """[{"op":"replace","path":"/status","value":"cancelled"}]"""), HttpStatusCode.UnsupportedMediaType);
        yield return ("search-unknown-parameter", Request(HttpMethod.Get, "/fhir/r4/Task?patient.identifier=111222333"), bad);
        yield return ("search-bad-status", Request(HttpMethod.Get, "/fhir/r4/Task?status=klaar"), bad);
        yield return ("search-bad-last-updated", Request(HttpMethod.Get, "/fhir/r4/Task?_lastUpdated=gtgisteren"), bad);
        yield return ("search-bad-owner", Request(HttpMethod.Get, "/fhir/r4/Task?owner=gemeente"), bad);
    }

    private static ResourceReference Oin(string oin) => new() { Identifier = new Identifier(FhirSystems.Oin, oin) };

    private static Bundle.EntryComponent Copy(Bundle.EntryComponent entry, string fullUrl)
    {
        var copy = (Bundle.EntryComponent)entry.DeepCopy();
        copy.FullUrl = fullUrl;
        return copy;
    }

    private static Func<HubServer, HttpRequestMessage> Change(Action<Referral> change, Action<Bundle>? bundleChange = null) => hub =>
    {
        var referral = new Referral();
        change(referral);
        var bundle = referral.Bundle();
        bundleChange?.Invoke(bundle);
        return Request(HttpMethod.Post, "/fhir/r4", FhirJson.Write(bundle))(hub);
    };

    private static Func<HubServer, HttpRequestMessage> Bundled(Action<Bundle> change) => Change(_ => { }, change);

    private static Func<HubServer, HttpRequestMessage> Edited(Func<string, string> edit) => hub =>
    {
        var json = new Referral().BundleJson();
        var edited = edit(json);
        Assert.NotEqual(json, edited);
        return Request(HttpMethod.Post, "/fhir/r4", edited)(hub);
    };

    private static Func<HubServer, HttpRequestMessage> Raw(string body, string? mediaType = FhirSystems.MediaType) =>
        Request(HttpMethod.Post, "/fhir/r4", body, mediaType);

    private static Func<HubServer, HttpRequestMessage> Request(
        HttpMethod method, string path, string? body = null, string? mediaType = FhirSystems.MediaType, Func<HubServer, string?>? token = null) => hub =>
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (mediaType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
            }
        }

        if ((token ?? (server => server.TokenFor(GeneralPractice, PartnerRole.GeneralPractitioner)))(hub) is { } bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    };
}
