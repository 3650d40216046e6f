using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Schuldketen.Api.Tests.Signals;
using Schuldketen.Contracts;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests.Reports;

/// <summary>The municipality's DDAS delivery to CBS: built from signals and cases the hub handled, valid against DDAS's own schema.</summary>
public sealed class DdasReportTests
{
    private const string Report = "/api/v1/reports/ddas/vroegsignalering";

    private static readonly Dictionary<string, string?> Codes = new() { [$"Schuldketen:Reports:Ddas:MunicipalityCodes:{Municipality}"] = "GM0344" };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_municipality_reads_its_signals_attempts_and_results_as_a_DDAS_delivery_that_passes_DDAS_schema_and_is_audited(string provider)
    {
        await using var hub = await SignalHub.StartAsync(provider, Codes);
        var municipality = SignalHub.Gemeente(hub);
        await SignalHub.ImportAsync(hub, municipality, SignalHub.Csv(
            SignalHub.Row("huur-1", bsn: "111222333"),
            SignalHub.Row("water-1", type: "Water", name: "Waterbedrijf Midden", amount: "120"),
            SignalHub.Row("huur-2", postcode: "3512 CD", number: "7", surname: "Bakker")));
        var signals = await SignalHub.SignalsAsync(hub);
        var household = signals[0].CaseId!;
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.ContactAttempted, household,
            new JsonObject { ["soort"] = "Telefoon", ["bereikt"] = true, ["datum"] = "2026-03-03", ["dagdeel"] = "Ochtend" });
        await PartnerApi.SendAsync(municipality, Municipality, EventTypes.OutreachClosed, household,
            new JsonObject { ["eindresultaat"] = "Vervolghulp en/of verwijzing financieel" });

        var delivery = await municipality.GetFromJsonAsync<JsonElement>($"{Report}?from=2026-01-01&to=2026-12-31");

        Assert.Null(DdasSchema.Problems(delivery));
        var cases = delivery.GetProperty("vroegsignaalzaken").EnumerateArray().ToList();
        Assert.Equal(2, cases.Count);
        var helped = cases.Single(@case => @case.GetProperty("vroegsignalen").GetArrayLength() == 2);
        Assert.Equal(("GM0344", "Verwijzing financieel", "2026-03-03"),
            (helped.GetProperty("gemeentecode").GetString(), helped.GetProperty("resultaat").GetString(), helped.GetProperty("datum_opgepakt").GetString()));
        Assert.Equal("Telefoon", helped.GetProperty("contactpogingen")[0].GetProperty("soort").GetString());
        var reported = delivery.GetProperty("vroegsignalen").EnumerateArray().ToDictionary(signal => signal.GetProperty("ID").GetString()!);
        Assert.Equal(3, reported.Count);
        var jansen = reported.Values.Single(signal => signal.GetProperty("client").TryGetProperty("Burgerservicenummer", out _)).GetProperty("client");
        Assert.Equal(("111222333", "Jansen", "3511AB"),
            (jansen.GetProperty("Burgerservicenummer").GetString(), jansen.GetProperty("Achternaam").GetString(), jansen.GetProperty("Postcode").GetString()));
        Assert.Equal(["Nog niet opgepakt", "Opgepakt", "Opgepakt"], reported.Values.Select(signal => signal.GetProperty("status").GetString()).Order());
        Assert.Contains(reported.Values, s => s.GetProperty("signaalpartner").GetProperty("type").GetString() == "Water");
        Assert.Contains(await hub.Store.AuditOfTrajectoryAsync(household), entry => entry.Activity == "rapportage-cbs" && entry.ActorOrganisation == Municipality);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_period_the_cases_were_not_open_in_reports_none_of_them(string provider)
    {
        await using var hub = await SignalHub.StartAsync(provider, Codes);
        var municipality = SignalHub.Gemeente(hub);
        await SignalHub.ImportAsync(hub, municipality, SignalHub.Csv(SignalHub.Row("huur-1")));

        var delivery = await municipality.GetFromJsonAsync<JsonElement>($"{Report}?from=2025-01-01&to=2025-12-31");

        Assert.Equal((0, 0), (delivery.GetProperty("vroegsignaalzaken").GetArrayLength(), delivery.GetProperty("vroegsignalen").GetArrayLength()));
        Assert.Equal(("2025-01-01", "2025-12-31"), (delivery.GetProperty("startdatumLevering").GetString(), delivery.GetProperty("einddatumLevering").GetString()));
    }

    [Theory]
    [InlineData("", "from")]
    [InlineData("?from=2026-01-01", "to")]
    [InlineData("?from=2026-03-01&to=2026-02-01", "to")]
    [InlineData("?from=2024-01-01&to=2026-01-01", "to")]
    public async Task A_missing_or_impossible_period_is_refused_with_what_to_fix(string query, string parameter)
    {
        await using var hub = await SignalHub.StartAsync(TestDatabase.Sqlite, Codes);

        using var response = await SignalHub.Gemeente(hub).GetAsync(Report + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("invalidParams").EnumerateArray(), invalid => invalid.GetProperty("name").GetString() == parameter);
    }

    [Fact]
    public async Task Only_the_municipality_may_read_it_and_only_once_its_CBS_code_is_configured()
    {
        await using var hub = await SignalHub.StartAsync(TestDatabase.Sqlite);

        using var partner = await SignalHub.Partner(hub, Landlord).GetAsync($"{Report}?from=2026-01-01&to=2026-03-31");
        using var unconfigured = await hub.Client(OtherMunicipality, PartnerRole.Municipality).GetAsync($"{Report}?from=2026-01-01&to=2026-03-31");

        Assert.Equal(HttpStatusCode.Forbidden, partner.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, unconfigured.StatusCode);
        Assert.Contains($"Schuldketen__Reports__Ddas__MunicipalityCodes__{OtherMunicipality}", await unconfigured.Content.ReadAsStringAsync());
    }
}
