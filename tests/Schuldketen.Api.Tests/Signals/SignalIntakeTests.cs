using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dapper;
using Schuldketen.Contracts;
using static Schuldketen.Api.Tests.Signals.SignalHub;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests.Signals;

/// <summary>Signals in through <c>POST /api/v1/signals</c>: both callers, routing, the import resource, repeats and thresholds, and privacy.</summary>
public class SignalIntakeTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_municipality_uploads_a_platform_export_and_the_import_counts_its_rows_and_lists_each_refused_row_with_line_and_field(string provider)
    {
        await using var hub = await StartAsync(provider);
        using var gemeente = Gemeente(hub);

        var import = await ImportAsync(hub, gemeente, Csv(
            Row("vps-1"),
            Row("vps-2", amount: "-40", number: "14"),
            Row("vps-3", number: "16", type: "Energie", name: "Stroom en Zo"),
            Row("vps-4", number: "18", signalled: "2027-01-01")));

        Assert.Equal(4, import.GetProperty("rowsRead").GetInt64());
        Assert.Equal(2, import.GetProperty("accepted").GetInt64());
        Assert.Equal(2, import.GetProperty("refused").GetInt64());
        var refused = import.GetProperty("refusedRows").EnumerateArray().Select(row => (row.GetProperty("line").GetInt64(), row.GetProperty("field").GetString())).ToList();
        Assert.Equal([(3L, "bedrag"), (5L, "signaaldatum")], refused);
        var stored = await SignalsAsync(hub);
        Assert.Equal(["Huur", "Energie"], stored.Select(signal => signal.PartnerType));
        Assert.All(stored, signal => Assert.Equal(Municipality, signal.Municipality));
        Assert.All(stored, signal => Assert.Null(signal.PartnerOin));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_partners_signals_go_to_the_municipality_of_the_postcode_and_outside_every_range_to_the_default(string provider)
    {
        await using var hub = await StartAsync(provider);
        using var landlord = Partner(hub, Landlord);

        var import = await ImportAsync(hub, landlord, Json(new[] { Signal("h-1", postcode: "3511AB"), Signal("h-2", postcode: "9711 CD") }));

        Assert.Equal(2, import.GetProperty("accepted").GetInt64());
        var stored = await SignalsAsync(hub);
        Assert.Equal([Municipality, OtherMunicipality], stored.Select(signal => signal.Municipality));
        Assert.All(stored, signal => Assert.Equal((Landlord, "Huur", LandlordName), (signal.PartnerOin, signal.PartnerType, signal.PartnerName)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task One_signal_as_a_json_object_is_an_import_of_one(string provider)
    {
        await using var hub = await StartAsync(provider);
        using var supplier = Partner(hub, EnergySupplier);

        var import = await ImportAsync(hub, supplier, Json(Signal("e-1")));

        Assert.Equal((1L, 1L, 0L), (import.GetProperty("rowsRead").GetInt64(), import.GetProperty("accepted").GetInt64(), import.GetProperty("refused").GetInt64()));
        Assert.Equal("Energie", Assert.Single(await SignalsAsync(hub)).PartnerType);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_signal_id_again_is_accepted_but_not_stored_twice_also_after_its_personal_data_was_deleted(string provider)
    {
        await using var hub = await StartAsync(provider);
        using var landlord = Partner(hub, Landlord);
        await ImportAsync(hub, landlord, Json(new[] { Signal("dup-1") }));
        await ImportAsync(hub, landlord, Json(new[] { Signal("dup-1") }));
        Assert.Single(await SignalsAsync(hub));

        await using (var connection = await hub.Store.Dialect.OpenAsync(default))
        {
            await connection.ExecuteAsync(
                "UPDATE signals SET personal_cipher = NULL, household_hash = NULL, person_hash = NULL, subject_hash = NULL, amount = NULL, deleted_at = 1");
        }

        var again = await ImportAsync(hub, landlord, Json(new[] { Signal("dup-1"), Signal("dup-2") }));

        Assert.Equal(2, again.GetProperty("accepted").GetInt64());
        Assert.Equal(2, (await SignalsAsync(hub)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_signal_from_the_same_partner_about_the_same_person_whose_arrears_did_not_grow_is_a_repeated_signal(string provider)
    {
        await using var hub = await StartAsync(provider);
        using var landlord = Partner(hub, Landlord);
        using var supplier = Partner(hub, EnergySupplier);

        await ImportAsync(hub, landlord, Json(new[] { Signal("r-1", amount: 900) }));
        await ImportAsync(hub, landlord, Json(new[] { Signal("r-2", amount: 900) }));
        await ImportAsync(hub, supplier, Json(new[] { Signal("r-3", amount: 300) }));
        await ImportAsync(hub, landlord, Json(new[] { Signal("r-4", amount: 1200) }));
        await ImportAsync(hub, landlord, Json(new[] { Signal("r-5", amount: 700, surname: "Bakker") }));

        Assert.Equal(["Nog niet opgepakt", "Herhaalde melding", "Nog niet opgepakt", "Nog niet opgepakt", "Nog niet opgepakt"],
            (await SignalsAsync(hub)).Select(signal => signal.Status));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_repeat_outside_the_matching_period_is_a_new_signal(string provider)
    {
        await using var hub = await StartAsync(provider, new Dictionary<string, string?> { ["Schuldketen:Signals:MatchingMonths"] = "2" });
        using var landlord = Partner(hub, Landlord);

        await ImportAsync(hub, landlord, Json(new[] { Signal("p-1", amount: 900) }));
        hub.Clock.Advance(TimeSpan.FromDays(62));
        using var later = Partner(hub, Landlord);
        await ImportAsync(hub, later, Json(new[] { Signal("p-2", amount: 900) }));

        Assert.Equal(["Nog niet opgepakt", "Nog niet opgepakt"], (await SignalsAsync(hub)).Select(signal => signal.Status));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_signal_below_the_municipalitys_threshold_for_its_partner_type_is_unjustified(string provider)
    {
        await using var hub = await StartAsync(provider, new Dictionary<string, string?>
        {
            [$"Schuldketen:Signals:Thresholds:{Municipality}:Huur"] = "500",
        });
        using var landlord = Partner(hub, Landlord);
        using var supplier = Partner(hub, EnergySupplier);

        await ImportAsync(hub, landlord, Json(new[] { Signal("t-1", amount: 499), Signal("t-2", amount: 500, surname: "Bakker") }));
        await ImportAsync(hub, supplier, Json(new[] { Signal("t-3", amount: 100) }));
        await ImportAsync(hub, landlord, Json(new[] { Signal("t-4", amount: 100, postcode: "9711CD") }));

        Assert.Equal(["Onterecht signaal", "Nog niet opgepakt", "Nog niet opgepakt", "Nog niet opgepakt"], (await SignalsAsync(hub)).Select(signal => signal.Status));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_signal_for_a_resident_with_an_open_trajectory_is_linked_to_it(string provider)
    {
        await using var hub = await StartAsync(provider);
        using var gemeente = Gemeente(hub);
        using var registered = await gemeente.PostAsync("/api/v1/trajectories", Json(new { bsn = "111222333" }));
        var trajectory = JsonDocument.Parse(await registered.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        using var landlord = Partner(hub, Landlord);

        await ImportAsync(hub, landlord, Json(new[] { Signal("o-1", bsn: "111222333"), Signal("o-2", bsn: "123456782", surname: "Bakker") }));

        Assert.Equal([trajectory, null], (await SignalsAsync(hub)).Select(signal => signal.TrajectoryId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_residents_personal_data_from_a_signal_is_nowhere_in_clear(string provider)
    {
        await using var hub = await StartAsync(provider);
        using var gemeente = Gemeente(hub);

        await ImportAsync(hub, gemeente, Csv(Row("priv-1", surname: "Vermeulenhof", bsn: "111222333")));

        Assert.NotNull(Assert.Single(await SignalsAsync(hub)).PersonalCipher);
        var personal = new[] { "Vermeulenhof", "111222333", "06-12345678", "p.jansen@example.nl", "3511AB", "3511 AB", "Kerkstraat", "1980-04-01" };
        await using var connection = await hub.Store.Dialect.OpenAsync(default);
        foreach (var table in new[] { "signals", "signal_imports", "signal_import_faults", "audit", "inbox", "history", "outbox" })
        {
            var rows = (await connection.QueryAsync(provider == TestDatabase.PostgreSql ? $"SELECT t::text AS row FROM {table} t" : $"SELECT * FROM {table}"))
                .Select(row => string.Join("|", ((IDictionary<string, object?>)row).Values))
                .ToList();
            foreach (var value in personal)
            {
                Assert.DoesNotContain(rows, row => row.Contains(value, StringComparison.OrdinalIgnoreCase));
            }
        }

        Assert.DoesNotContain(hub.LogLines, line => personal.Any(value => line.Contains(value, StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_organisation_cannot_read_an_import_and_a_configured_partner_without_the_signal_partner_role_cannot_send_signals(string provider)
    {
        await using var hub = await StartAsync(provider);
        using var landlord = Partner(hub, Landlord);
        using var sent = await landlord.PostAsync("/api/v1/signals", Json(Signal("x-1")));
        using var other = hub.Client(OtherMunicipality, PartnerRole.Municipality);
        using var creditor = hub.Client(Landlord, PartnerRole.Creditor);

        using var read = await other.GetAsync(sent.Headers.Location);
        using var send = await creditor.PostAsync("/api/v1/signals", Json(Signal("x-2")));

        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, send.StatusCode);
        Assert.Equal("application/problem+json", send.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_body_over_the_routes_own_limit_is_answered_413_whether_or_not_it_says_its_length_and_nothing_is_applied(string provider)
    {
        await using var hub = await StartAsync(provider, new Dictionary<string, string?> { ["Schuldketen:Signals:MaxUploadBytes"] = "4096" });
        using var gemeente = Gemeente(hub);
        var rows = Enumerable.Range(0, 40).Select(index => Row($"big-{index}", number: $"{index + 1}")).ToArray();

        using var declared = await gemeente.PostAsync("/api/v1/signals", Csv(rows));
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(CsvHeader + "\n" + string.Join("\n", rows))));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/signals") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using var streamed = await gemeente.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal("application/problem+json", declared.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Equal(0, await CountAsync(hub, "signals"));
        Assert.Equal(0, await CountAsync(hub, "signal_imports"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_route_takes_a_body_over_the_general_request_limit(string provider)
    {
        await using var hub = await StartAsync(provider, new Dictionary<string, string?> { ["Schuldketen:Limits:MaxRequestBytes"] = "2048" });
        using var gemeente = Gemeente(hub);
        var rows = Enumerable.Range(0, 40).Select(index => Row($"wide-{index}", number: $"{index + 1}")).ToArray();

        var import = await ImportAsync(hub, gemeente, Csv(rows));

        Assert.Equal(40, import.GetProperty("accepted").GetInt64());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Signals_for_one_address_join_one_outreach_case_and_repeated_or_unjustified_signals_join_none(string provider)
    {
        await using var hub = await StartAsync(provider, new Dictionary<string, string?>
        {
            [$"Schuldketen:Signals:Thresholds:{Municipality}:Energie"] = "200",
        });
        using var landlord = Partner(hub, Landlord);
        using var supplier = Partner(hub, EnergySupplier);

        await ImportAsync(hub, landlord, Json(new[] { Signal("c-1"), Signal("c-2", surname: "Bakker") }));
        await ImportAsync(hub, supplier, Json(new[] { Signal("c-3", amount: 400) }));
        await ImportAsync(hub, landlord, Json(new[] { Signal("c-4") }));
        await ImportAsync(hub, supplier, Json(new[] { Signal("c-5", amount: 100, surname: "Bakker") }));
        var other = await ImportAsync(hub, landlord, Json(new[] { Signal("c-6", postcode: "3512CD") }));

        var stored = await SignalsAsync(hub);
        Assert.Equal(1, other.GetProperty("accepted").GetInt64());
        var household = stored[0].CaseId;
        Assert.NotNull(household);
        Assert.Equal([household, household, household, null, null], stored.Take(5).Select(signal => signal.CaseId));
        Assert.NotNull(stored[5].CaseId);
        Assert.NotEqual(household, stored[5].CaseId);
        var outreach = await hub.Store.FindAsync(household!);
        Assert.Equal(("vroegsignalering", Municipality), (outreach!.Definition.Id, outreach.Municipality));
    }
}
