using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Schuldketen.Contracts;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests;

public class ChannelApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_api_records_the_channel_the_caller_states_and_systeem_when_it_states_none(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");

        using var byDesk = await municipality.PostAsJsonAsync("/api/v1/trajectories", new { bsn = "111222333", channel = "balie" });
        var stated = (await byDesk.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var unstated = await PartnerApi.RegisterAsync(municipality, bsn: "123456782");

        Assert.Equal(HttpStatusCode.Created, byDesk.StatusCode);
        Assert.Equal(Channel.Desk, (await hub.Store.FindAsync(stated))!.Channel);
        Assert.Equal(Channel.System, (await hub.Store.FindAsync(unstated))!.Channel);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_channel_outside_the_list_is_refused_naming_the_channels_and_registers_nothing(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var before = (await hub.Store.ListAsync(new Workflows.Store.TrajectoryQuery(Municipality, PageSize: 100))).Items.Count;

        using var response = await municipality.PostAsJsonAsync("/api/v1/trajectories", new { bsn = "111222333", channel = "postduif" });

        var problem = await PartnerApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "ongeldige-aanmelding");
        Assert.Equal(["channel"], PartnerApi.InvalidParamNames(problem));
        Assert.Contains("balie, telefoon, e-mail, website, wijkteam, huisbezoek, brief, huisarts, vroegsignalering, systeem", problem.GetRawText());
        Assert.Equal(before, (await hub.Store.ListAsync(new Workflows.Store.TrajectoryQuery(Municipality, PageSize: 100))).Items.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_contact_moment_sent_through_the_api_joins_the_history_without_moving_the_phase(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        using var counsellor = hub.Client(Counsellor, PartnerRole.DebtCounsellor, "hulpverlener-1");
        var id = await PartnerApi.RegisterAsync(municipality);

        await PartnerApi.SendAsync(counsellor, Counsellor, EventTypes.ContactMomentRecorded, id,
            new JsonObject { ["channel"] = "telefoon", ["subject"] = "Afspraak eerste gesprek", ["reached"] = false, ["at"] = "2026-03-02T10:00:00+01:00" });

        var history = await PartnerApi.HistoryAsync(municipality, id);
        Assert.Equal((EventTypes.ContactMomentRecorded, "aanmelding"), (history[^1].GetProperty("type").GetString(), history[^1].GetProperty("phase").GetString()));
        var stored = JsonDocument.Parse((await hub.Store.HistoryAsync(id))[^1].Data).RootElement;
        Assert.Equal(("telefoon", false), (stored.GetProperty("channel").GetString(), stored.GetProperty("reached").GetBoolean()));
        Assert.Equal("aanmelding", await PartnerApi.PhaseAsync(municipality, id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_contact_moment_with_an_unknown_channel_is_refused_at_data_channel(string provider)
    {
        await using var hub = await HubServer.StartAsync(provider);
        using var municipality = hub.Client(Municipality, PartnerRole.Municipality, "medewerker-1");
        var id = await PartnerApi.RegisterAsync(municipality);

        using var response = await PartnerApi.PostEventAsync(municipality, PartnerEvents.Structured(Municipality, EventTypes.ContactMomentRecorded, id,
            new JsonObject { ["channel"] = "fax", ["subject"] = "Brief", ["reached"] = true, ["at"] = "2026-03-02T10:00:00+01:00" }));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data/channel", text);
        Assert.Equal(1, await PartnerApi.HistoryLengthAsync(municipality, id));
    }
}
