using System.Text.Json.Serialization;

namespace Schuldketen.Contracts.Ddas;

/// <summary>
/// DDAS EnumSignaalstatus: where one signal stands, and all a signal partner may learn of it.
/// Source: schema v0.1 (see README.md).
/// </summary>
public enum SignalStatus
{
    [JsonStringEnumMemberName("Nog niet opgepakt")] NotYetPickedUp,
    [JsonStringEnumMemberName("Onterecht signaal")] Unjustified,
    [JsonStringEnumMemberName("Overleden")] Deceased,
    [JsonStringEnumMemberName("Woont niet in gemeente")] NotResident,
    [JsonStringEnumMemberName("Herhaalde melding")] Repeated,
    [JsonStringEnumMemberName("Niet opgepakt")] NotPickedUp,
    [JsonStringEnumMemberName("Opgepakt")] PickedUp,
    [JsonStringEnumMemberName("Woont op een ander adres binnen gemeente")] MovedWithinMunicipality,
}
