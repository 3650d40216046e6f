using System.Text.Json.Serialization;

namespace Schuldketen.Contracts.Ddas.Report;

/// <summary>A Vroegsignaal as CBS receives it: the signal's facts, its partner, and the resident (Client) it is about.</summary>
public sealed record DdasSignal(
    [property: JsonPropertyName("ID")] string Id,
    [property: JsonPropertyName("crisissignaal")] bool Crisis,
    [property: JsonPropertyName("warmeOverdracht")] bool WarmHandover,
    [property: JsonPropertyName("bedrag")] int Amount,
    [property: JsonPropertyName("ontstaansdatum")] DateOnly ArisenOn,
    [property: JsonPropertyName("signaaldatum")] DateOnly SignalledOn,
    [property: JsonPropertyName("status")] SignalStatus Status,
    [property: JsonPropertyName("signaalpartner")] DdasSignalPartner Partner,
    [property: JsonPropertyName("client")] DdasClient Client);

public sealed record DdasSignalPartner(
    [property: JsonPropertyName("type")] SignalPartnerType Type,
    [property: JsonPropertyName("Organisatienaam")] string Name);

/// <summary>
/// The resident as the signal named them; every field is optional in DDAS, and all are absent once the hub
/// deleted the signal's personal data after its retention period.
/// </summary>
public sealed record DdasClient(
    [property: JsonPropertyName("Burgerservicenummer")] string? Bsn = null,
    [property: JsonPropertyName("Voorletters")] string? Initials = null,
    [property: JsonPropertyName("Achternaam")] string? Surname = null,
    [property: JsonPropertyName("Geboortedatum")] DateOnly? BornOn = null,
    [property: JsonPropertyName("Straatnaam")] string? Street = null,
    [property: JsonPropertyName("Postcode")] string? Postcode = null,
    [property: JsonPropertyName("Huisnummer")] string? HouseNumber = null,
    [property: JsonPropertyName("Huisnummertoevoeging")] string? HouseNumberAddition = null,
    [property: JsonPropertyName("Plaatsnaam")] string? Town = null)
{
    public static DdasClient Deleted { get; } = new();
}
