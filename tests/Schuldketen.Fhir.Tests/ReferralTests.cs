using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Fhir;
using static Schuldketen.Fhir.Tests.FhirClient;
using static Schuldketen.Testing.Organisations;
using static Schuldketen.Fhir.Tests.FhirHub;

namespace Schuldketen.Fhir.Tests;

/// <summary>A GP refers a resident: the referral counts as their request for help, once, at the right municipality.</summary>
public class ReferralTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async System.Threading.Tasks.Task A_referral_bundle_registers_a_trajectory_whose_clock_starts_at_the_referral_and_answers_the_task_without_the_bsn(string provider)
    {
        await using var hub = await FhirHub.StartAsync(provider);
        using var gp = hub.Client(GeneralPractice, PartnerRole.GeneralPractitioner);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var referral = new Referral();
        referral.Task.AuthoredOn = "2026-02-23T10:00:00+01:00";

        using var response = await PostBundleAsync(gp, referral);
        var text = await response.Content.ReadAsStringAsync();
        var (task, status) = await TaskOfTransactionAsync(response);

        Assert.Equal("201 Created", status);
        Assert.DoesNotContain(Referral.Bsn, text);
        Assert.Equal(Hl7.Fhir.Model.Task.TaskStatus.Requested, task.Status);
        Assert.Equal(Municipality, OwnerOf(task));
        Assert.Equal(GeneralPractice, RequesterOf(task));
        Assert.Equal("verwijzing-0001", task.Identifier.Single().Value);
        Assert.False(string.IsNullOrEmpty(task.Id));
        var trajectory = Assert.Single(await TrajectoriesAsync(municipality));
        Assert.Equal([trajectory], await TrajectoriesAsync(gp));
        var view = await municipality.GetFromJsonAsync<JsonObject>($"/api/v1/trajectories/{trajectory}");
        Assert.Equal(new DateTimeOffset(2026, 2, 23, 9, 0, 0, TimeSpan.Zero), view!["startedAt"]!.GetValue<DateTimeOffset>());
        var firstConversation = view["openDeadlines"]!.AsArray().Single(deadline => deadline!["id"]!.GetValue<string>() == "eerste-gesprek");
        Assert.Equal("2026-03-23", firstConversation!["dueOn"]!.GetValue<string>());
        // The way in is recorded: the chain overview counts it under huisarts.
        Assert.Equal(Channel.GeneralPractitioner, (await hub.Store.FindAsync(trajectory))!.Channel);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async System.Threading.Tasks.Task The_same_referral_again_answers_the_first_task_and_registers_no_second_trajectory_or_referral(string provider)
    {
        await using var hub = await FhirHub.StartAsync(provider);
        using var gp = hub.Client(GeneralPractice, PartnerRole.GeneralPractitioner);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var referral = new Referral();

        var (first, _) = await TaskOfTransactionAsync(await PostBundleAsync(gp, referral));
        var (again, status) = await TaskOfTransactionAsync(await PostBundleAsync(gp, referral));
        var asTask = await ReadAsync<Hl7.Fhir.Model.Task>(await gp.PostAsync("/fhir/r4/Task", Json(FhirJson.Write(referral.ContainedTask()))), HttpStatusCode.OK);
        var search = await ReadAsync<Bundle>(await gp.GetAsync("/fhir/r4/Task"), HttpStatusCode.OK);

        Assert.Equal("200 OK", status);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Id, asTask.Id);
        Assert.Equal(1, search.Total);
        Assert.Single(await TrajectoriesAsync(municipality));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async System.Threading.Tasks.Task Without_an_identifier_the_same_body_is_the_same_referral_and_another_body_a_second_one_on_the_same_trajectory(string provider)
    {
        await using var hub = await FhirHub.StartAsync(provider);
        using var gp = hub.Client(GeneralPractice, PartnerRole.GeneralPractitioner);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var referral = new Referral();
        referral.Task.Identifier.Clear();
        var later = new Referral();
        later.Task.Identifier.Clear();
        later.Task.Note = [new Annotation { Text = "Tweede verwijzing na nieuw consult." }];

        var (first, _) = await TaskOfTransactionAsync(await PostBundleAsync(gp, referral));
        var (repeat, _) = await TaskOfTransactionAsync(await PostBundleAsync(gp, referral));
        var (second, status) = await TaskOfTransactionAsync(await PostBundleAsync(gp, later));

        Assert.Equal(first.Id, repeat.Id);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal("201 Created", status);
        Assert.Single(await TrajectoriesAsync(municipality));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async System.Threading.Tasks.Task A_task_with_contained_resources_sent_as_raw_json_is_created_and_can_be_read_at_its_location(string provider)
    {
        await using var hub = await FhirHub.StartAsync(provider);
        using var gp = hub.Client(GeneralPractice, PartnerRole.GeneralPractitioner);
        const string json = """
            {
              "resourceType": "Task",
              "contained": [
                { "resourceType": "Patient", "id": "p", "identifier": [{ "system": "http://fhir.nl/fhir/NamingSystem/bsn", "value": "111222333" }],
                  "address": [{ "use": "home", "postalCode": "3581 KL", "city": "Utrecht" }] },
                { "resourceType": "Consent", "id": "c", "status": "active",
                  "scope": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy" }] },
                  "category": [{ "coding": [{ "system": "http://loinc.org", "code": "59284-0" }] }],
                  "patient": { "reference": "#p" }, "provision": { "type": "permit" } },
                { "resourceType": "ServiceRequest", "id": "sr", "status": "active", "intent": "order",
                  "category": [{ "coding": [{ "system": "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes", "code": "financial-insecurity" }] }],
                  "code": { "text": "Hulp bij schulden" }, "subject": { "reference": "#p" },
                  "requester": { "identifier": { "system": "urn:nld:oin", "value": "00000001003333333000" } } }
              ],
              "identifier": [{ "system": "https://his.example.nl/verwijzing", "value": "raw-42" }],
              "status": "requested",
              "intent": "order",
              "focus": { "reference": "#sr" },
              "for": { "reference": "#p" },
              "authoredOn": "2026-03-02T08:15:00+01:00"
            }
            """;

        using var response = await gp.PostAsync("/fhir/r4/Task", Json(json));
        var created = await ReadAsync<Hl7.Fhir.Model.Task>(response, HttpStatusCode.Created);
        var read = await TaskAsync(gp, IdOf(created));

        Assert.Equal($"/fhir/r4/Task/{IdOf(created)}", response.Headers.Location?.OriginalString);
        Assert.Equal(created.Id, read.Id);
        Assert.Equal(Hl7.Fhir.Model.Task.TaskStatus.Requested, read.Status);
        Assert.Equal("2026-03-02T08:15:00+01:00", DateTimeOffset.Parse(Assert.IsType<string>(read.AuthoredOn)).ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-ddTHH:mm:sszzz"));
        Assert.Equal(Municipality, OwnerOf(read));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async System.Threading.Tasks.Task Without_an_owner_the_hub_routes_by_postcode_else_to_the_practices_default_and_a_named_owner_wins(string provider)
    {
        await using var hub = await FhirHub.StartAsync(provider);
        using var gp = hub.Client(GeneralPractice, PartnerRole.GeneralPractitioner);
        using var otherGp = hub.Client(OtherPractice, PartnerRole.GeneralPractitioner);
        var named = new Referral(bsn: "123456782", postcode: "1011 AB", identifier: "named");
        named.Task.Owner = new ResourceReference { Identifier = new Identifier(FhirSystems.Oin, Municipality) };

        var (inRange, _) = await TaskOfTransactionAsync(await PostBundleAsync(gp, new Referral(bsn: "111222333", postcode: "1011 AB", identifier: "a")));
        var (outOfRange, _) = await TaskOfTransactionAsync(await PostBundleAsync(gp, new Referral(bsn: "999999990", postcode: "9711 AA", identifier: "b")));
        var (addressed, _) = await TaskOfTransactionAsync(await PostBundleAsync(gp, named));
        var unroutable = await OutcomeAsync(await PostBundleAsync(otherGp, new Referral(bsn: "010000008", postcode: "9711 AA", identifier: "c")),
            HttpStatusCode.UnprocessableEntity);

        Assert.Equal(ThirdMunicipality, OwnerOf(inRange));
        Assert.Equal(OtherMunicipality, OwnerOf(outOfRange));
        Assert.Equal(Municipality, OwnerOf(addressed));
        Assert.Contains("owner", unroutable.Issue.Single().Diagnostics);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async System.Threading.Tasks.Task A_referral_for_a_resident_with_an_open_trajectory_joins_it(string provider)
    {
        await using var hub = await FhirHub.StartAsync(provider);
        using var gp = hub.Client(GeneralPractice, PartnerRole.GeneralPractitioner);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        using var registered = await municipality.PostAsJsonAsync("/api/v1/trajectories", new { bsn = Referral.Bsn });
        var trajectory = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var (task, _) = await TaskOfTransactionAsync(await PostBundleAsync(gp, new Referral(postcode: "1011 AB")));

        Assert.Equal(Municipality, OwnerOf(task));
        Assert.Equal([trajectory], await TrajectoriesAsync(municipality));
        Assert.Equal([trajectory], await TrajectoriesAsync(gp));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async System.Threading.Tasks.Task Only_the_referring_practice_reads_its_task_and_every_read_and_write_is_audited(string provider)
    {
        await using var hub = await FhirHub.StartAsync(provider);
        using var gp = hub.Client(GeneralPractice, PartnerRole.GeneralPractitioner);
        using var otherGp = hub.Client(OtherPractice, PartnerRole.GeneralPractitioner);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var (task, _) = await TaskOfTransactionAsync(await PostBundleAsync(gp, new Referral()));

        await TaskAsync(gp, IdOf(task));
        var foreign = await OutcomeAsync(await otherGp.GetAsync($"/fhir/r4/Task/{task.Id}"), HttpStatusCode.NotFound);
        var missing = await OutcomeAsync(await otherGp.GetAsync($"/fhir/r4/Task/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await OutcomeAsync(await municipality.GetAsync($"/fhir/r4/Task/{task.Id}"), HttpStatusCode.Forbidden);
        var othersSearch = await ReadAsync<Bundle>(await otherGp.GetAsync("/fhir/r4/Task"), HttpStatusCode.OK);
        var trajectory = Assert.Single(await TrajectoriesAsync(municipality));
        var audit = await hub.Store.AuditOfTrajectoryAsync(trajectory);

        Assert.Equal(missing.Issue.Single().Diagnostics, foreign.Issue.Single().Diagnostics);
        Assert.Equal(0, othersSearch.Total);
        Assert.Contains(audit, entry => entry is { Activity: "traject-registreren", ActorOrganisation: GeneralPractice });
        Assert.Contains(audit, entry => entry is { Activity: "verwijzing-ontvangen", ActorOrganisation: GeneralPractice });
        Assert.Contains(audit, entry => entry is { Activity: "verwijzing-inzien", ActorOrganisation: GeneralPractice });
        Assert.DoesNotContain(audit, entry => entry.ActorOrganisation == OtherPractice);
        Assert.All(audit, entry => Assert.False(string.IsNullOrEmpty(entry.SubjectCipher)));
        Assert.DoesNotContain(hub.LogLines, line => line.Contains(Referral.Bsn, StringComparison.Ordinal));
    }
}
