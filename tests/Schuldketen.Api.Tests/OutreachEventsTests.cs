using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Schuldketen.Contracts;
using Schuldketen.Contracts.Ddas;
using Schuldketen.Contracts.Events;
using Schuldketen.Workflows.Store;
using Schuldketen.Workflows.Store.Outreach;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests;

/// <summary>
/// The municipality records contact attempts and the end result of an outreach case through POST /api/v1/events,
/// like any partner event; the signal partner reads only its own projection; debt help starts the Wgs trajectory.
/// </summary>
public class OutreachEventsTests
{
    private const string SubjectHash = "hash-inwoner-api";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Contact_attempts_and_the_end_result_come_in_through_the_api_and_debt_help_hands_over(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        var outreach = await OpenCaseAsync(hub);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        using var landlord = hub.Client(Landlord, PartnerRole.SignalPartner);

        using var unknownKind = await PartnerApi.PostEventAsync(municipality, PartnerEvents.Structured(Municipality, EventTypes.ContactAttempted, outreach,
            new JsonObject { ["soort"] = "Postduif", ["bereikt"] = false, ["datum"] = "2026-03-03" }));
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.ContactAttempted, outreach,
            new JsonObject { ["soort"] = "Telefoon", ["bereikt"] = true, ["datum"] = "2026-03-03", ["dagdeel"] = "Ochtend" });
        using var byPartner = await PartnerApi.PostEventAsync(landlord, PartnerEvents.Structured(Landlord, EventTypes.OutreachClosed, outreach,
            new JsonObject { ["eindresultaat"] = "Niet opgepakt: andere reden" }));
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.OutreachClosed, outreach,
            new JsonObject { ["eindresultaat"] = "Vervolghulp en/of verwijzing financieel", ["note"] = "Schulden bij meerdere partijen" });

        var problem = await PartnerApi.AssertProblemAsync(unknownKind, HttpStatusCode.BadRequest, "data-schema");
        Assert.Equal(["data/soort"], PartnerApi.InvalidParamNames(problem));
        await PartnerApi.AssertProblemAsync(byPartner, HttpStatusCode.Forbidden, "rol-niet-toegestaan");
        Assert.Equal("afgesloten", await PartnerApi.PhaseAsync(municipality, outreach));
        var seen = await landlord.GetFromJsonAsync<JsonElement>($"/api/v1/trajectories/{outreach}");
        Assert.Equal(["audience", "closed", "id", "status", "updatedAt"], seen.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("signaalpartner", "Opgepakt", true),
            (seen.GetProperty("audience").GetString(), seen.GetProperty("status").GetString(), seen.GetProperty("closed").GetBoolean()));
        var wgs = Assert.Single(await hub.Store.OfSubjectAsync(SubjectHash), trajectory => trajectory.Definition.Id != "vroegsignalering");
        Assert.Equal("aanmelding", await PartnerApi.PhaseAsync(municipality, wgs.Id));
    }

    private static async Task<string> OpenCaseAsync(HubServer hub)
    {
        var opened = await new OutreachCases(hub.Store, new OutreachSettings(hub.Service<HubIdentity>().Oin, new Dictionary<string, string>()))
            .OpenOrJoinAsync(new OutreachRequest(
                Municipality,
                "huishouden-api",
                new SignalJoined("sig-api-1", SignalPartnerType.Rent, "Woonstichting De Poort", 1250, new DateOnly(2026, 1, 2), new DateOnly(2026, 3, 1), false, false,
                    SignalStatus.NotYetPickedUp),
                hub.Clock.GetUtcNow(),
                MatchingMonths: 6,
                PartnerOrganisation: Landlord,
                SubjectHash: SubjectHash,
                SubjectCipher: "cipher-inwoner-api"));
        return opened.TrajectoryId;
    }
}
