using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Schuldketen.Contracts;

/// <summary>
/// The ways a resident reaches the chain, or the chain the resident: the kanaal of a registration and of a
/// contact moment (after Open Klant's Klantcontact). The last three are the hub's own ways in.
/// </summary>
public enum Channel
{
    [JsonStringEnumMemberName("balie"), Display(Name = "Balie")] Desk,
    [JsonStringEnumMemberName("telefoon"), Display(Name = "Telefoon")] Phone,
    [JsonStringEnumMemberName("e-mail"), Display(Name = "E-mail")] Email,
    [JsonStringEnumMemberName("website"), Display(Name = "Website (aanmeldformulier)")] Website,
    [JsonStringEnumMemberName("wijkteam"), Display(Name = "Wijkteam")] NeighbourhoodTeam,
    [JsonStringEnumMemberName("huisbezoek"), Display(Name = "Huisbezoek")] HomeVisit,
    [JsonStringEnumMemberName("brief"), Display(Name = "Brief")] Letter,
    [JsonStringEnumMemberName("huisarts"), Display(Name = "Huisarts (verwijzing)")] GeneralPractitioner,
    [JsonStringEnumMemberName("vroegsignalering"), Display(Name = "Vroegsignalering")] EarlyWarning,
    [JsonStringEnumMemberName("systeem"), Display(Name = "Systeem (API)")] System,
}
