using System.Text.Json.Serialization;

namespace Schuldketen.Contracts;

/// <summary>
/// The ways a resident reaches the chain, or the chain the resident: the kanaal of a registration and of a
/// contact moment (after Open Klant's Klantcontact). The last three are the hub's own ways in.
/// </summary>
public enum Channel
{
    [JsonStringEnumMemberName("balie")] Desk,
    [JsonStringEnumMemberName("telefoon")] Phone,
    [JsonStringEnumMemberName("e-mail")] Email,
    [JsonStringEnumMemberName("website")] Website,
    [JsonStringEnumMemberName("wijkteam")] NeighbourhoodTeam,
    [JsonStringEnumMemberName("huisbezoek")] HomeVisit,
    [JsonStringEnumMemberName("brief")] Letter,
    [JsonStringEnumMemberName("huisarts")] GeneralPractitioner,
    [JsonStringEnumMemberName("vroegsignalering")] EarlyWarning,
    [JsonStringEnumMemberName("systeem")] System,
}
