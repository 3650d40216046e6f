using System.Net;
using static Schuldketen.Api.Tests.Signals.HostileSignals;
using static Schuldketen.Api.Tests.Signals.SignalHub;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests.Signals;

/// <summary>The report back to a partner that is not connected: its own signals only, with what it may learn, formula characters escaped.</summary>
public class SignalExportTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_export_for_a_partner_lists_its_signals_with_their_status_and_escapes_formula_characters(string provider)
    {
        await using var hub = await StartAsync(provider);
        using var gemeente = Gemeente(hub);
        await ImportAsync(hub, gemeente, Csv(
            Line("=1+1"),
            Line("vps-2", ("client.Achternaam", "Bakker"), ("client.Huisnummer", "14")),
            Line("@water-1", ("signaalpartner.type", "Water"), ("signaalpartner.Organisatienaam", "-Waterbedrijf"))));
        await ImportAsync(hub, gemeente, Csv(Line("vps-3", ("bedrag", "100"))));

        using var export = await gemeente.GetAsync($"/api/v1/signals/export?partnerType=Huur&partnerName={Uri.EscapeDataString(LandlordName)}");
        using var water = await gemeente.GetAsync("/api/v1/signals/export?partnerType=Water&partnerName=-Waterbedrijf");
        using var landlord = Partner(hub, Landlord);
        using var forbidden = await landlord.GetAsync($"/api/v1/signals/export?partnerType=Huur&partnerName={Uri.EscapeDataString(LandlordName)}");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList();
        Assert.Equal(
            string.Join("\n",
                "ID,signaalpartner.type,signaalpartner.Organisatienaam,signaaldatum,status",
                $"\"'=1+1\",Huur,{LandlordName},2026-02-20,Nog niet opgepakt",
                $"vps-2,Huur,{LandlordName},2026-02-20,Nog niet opgepakt",
                $"vps-3,Huur,{LandlordName},2026-02-20,Herhaalde melding"),
            string.Join("\n", lines));
        var waterLines = (await water.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList();
        Assert.Equal("\"'@water-1\",Water,\"'-Waterbedrijf\",2026-02-20,Nog niet opgepakt", Assert.Single(waterLines.Skip(1)));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_connected_partners_signals_are_not_in_the_export_and_an_unknown_partner_type_is_a_problem(string provider)
    {
        await using var hub = await StartAsync(provider);
        using var landlord = Partner(hub, Landlord);
        using var gemeente = Gemeente(hub);
        await ImportAsync(hub, landlord, Json(new[] { Signal("conn-1") }));

        using var export = await gemeente.GetAsync($"/api/v1/signals/export?partnerType=Huur&partnerName={Uri.EscapeDataString(LandlordName)}");
        using var unknown = await gemeente.GetAsync("/api/v1/signals/export?partnerType=Telecom&partnerName=X");

        Assert.Single((await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }
}
