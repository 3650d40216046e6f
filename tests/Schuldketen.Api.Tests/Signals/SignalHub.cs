using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Schuldketen.Contracts;
using static Schuldketen.Testing.Organisations;

namespace Schuldketen.Api.Tests.Signals;

/// <summary>
/// The test hub for signals: postcodes 3500-3599 go to <see cref="Organisations.Municipality"/>, others to the default
/// <see cref="Organisations.OtherMunicipality"/>; the landlord and the energy supplier are connected signal partners.
/// </summary>
internal static class SignalHub
{
    public const string LandlordName = "Woonstichting De Sleutel";
    public const string CsvHeader =
        "ID,crisissignaal,warmeOverdracht,bedrag,ontstaansdatum,signaaldatum,signaalpartner.type,signaalpartner.Organisatienaam," +
        "client.Burgerservicenummer,client.Voorletters,client.Achternaam,client.Geboortedatum,client.Straatnaam,client.Postcode," +
        "client.Huisnummer,client.Huisnummertoevoeging,client.Plaatsnaam,client.Telefoonnummer,client.Emailadres";

    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Schuldketen:Referrals:PostcodeRanges:0:From"] = "3500",
        ["Schuldketen:Referrals:PostcodeRanges:0:To"] = "3599",
        ["Schuldketen:Referrals:PostcodeRanges:0:Municipality"] = Municipality,
        ["Schuldketen:Signals:DefaultMunicipality"] = OtherMunicipality,
        [$"Schuldketen:Signals:Partners:{Landlord}:Type"] = "Huur",
        [$"Schuldketen:Signals:Partners:{Landlord}:Name"] = LandlordName,
        [$"Schuldketen:Signals:Partners:{EnergySupplier}:Type"] = "Energie",
        [$"Schuldketen:Signals:Partners:{EnergySupplier}:Name"] = "Stroom en Zo",
    };

    public static Task<HubServer> StartAsync(string provider, IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return HubServer.StartAsync(provider, settings);
    }

    /// <summary>The partner's client: the role a signal partner's token carries.</summary>
    public static HttpClient Partner(HubServer hub, string organisation) => hub.Client(organisation, PartnerRole.SignalPartner);

    public static HttpClient Gemeente(HubServer hub) => hub.Client(Municipality, PartnerRole.Municipality);

    /// <summary>One CSV row of a municipality's upload, the landlord's signal for a resident at 3511AB 12 unless changed.</summary>
    public static string Row(string id, string amount = "850", string postcode = "3511 AB", string number = "12", string surname = "Jansen",
        string bsn = "", string type = "Huur", string name = LandlordName, string signalled = "2026-02-20", string arose = "2026-01-05") =>
        $"{id},false,false,{amount},{arose},{signalled},{type},{name},{bsn},P.,{surname},1980-04-01,Kerkstraat,{postcode},{number},,Utrecht,06-12345678,p.jansen@example.nl";

    public static StringContent Csv(params string[] rows) =>
        new(CsvHeader + "\n" + string.Join("\n", rows) + "\n", Encoding.UTF8, "text/csv");

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>A partner's signal as DDAS JSON, without the partner (its token names it).</summary>
    public static Dictionary<string, object?> Signal(string id, string postcode = "3511AB", int amount = 850, string surname = "Jansen", string? bsn = null) => new()
    {
        ["ID"] = id,
        ["crisissignaal"] = false,
        ["warmeOverdracht"] = false,
        ["bedrag"] = amount,
        ["ontstaansdatum"] = "2026-01-05",
        ["signaaldatum"] = "2026-02-20",
        ["client"] = new Dictionary<string, object?>
        {
            ["Burgerservicenummer"] = bsn,
            ["Voorletters"] = "P.",
            ["Achternaam"] = surname,
            ["Geboortedatum"] = "1980-04-01",
            ["Straatnaam"] = "Kerkstraat",
            ["Postcode"] = postcode,
            ["Huisnummer"] = "12",
            ["Plaatsnaam"] = "Utrecht",
            ["Telefoonnummer"] = "06-12345678",
        },
    };

    /// <summary>
    /// Sends <paramref name="content"/> and waits until its import is done; the import as the sender then reads it. The hub's
    /// clock then moves a second on, so the next import's signals are received after this one's.
    /// </summary>
    public static async Task<JsonElement> ImportAsync(HubServer hub, HttpClient client, HttpContent content)
    {
        using var response = await client.PostAsync("/api/v1/signals", content);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var location = response.Headers.Location?.ToString() ?? throw new InvalidOperationException("No Location.");
        JsonElement import = default;
        await Poll.UntilAsync(async () =>
        {
            import = await client.GetFromJsonAsync<JsonElement>(location);
            return import.GetProperty("done").GetBoolean();
        }, "the import to be done");
        hub.Clock.Advance(TimeSpan.FromSeconds(1));
        return import;
    }

    public static async Task<IReadOnlyList<SignalRow>> SignalsAsync(HubServer hub)
    {
        await using var connection = await hub.Store.Dialect.OpenAsync(default);
        return (await connection.QueryAsync<SignalRow>(
            "SELECT municipality AS Municipality, partner_type AS PartnerType, partner_name AS PartnerName, partner_oin AS PartnerOin, amount AS Amount, " +
            "status AS Status, trajectory_id AS TrajectoryId, case_id AS CaseId, personal_cipher AS PersonalCipher FROM signals ORDER BY received_at, import_line")).AsList();
    }

    public static async Task<long> CountAsync(HubServer hub, string table)
    {
        await using var connection = await hub.Store.Dialect.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }
}

/// <summary>What a test reads back of a stored signal.</summary>
internal sealed record SignalRow(
    string Municipality, string PartnerType, string PartnerName, string? PartnerOin, long? Amount, string Status, string? TrajectoryId, string? CaseId, string? PersonalCipher);
