using System.Text.Json.Serialization;

namespace Schuldketen.Contracts.Ddas;

/// <summary>DDAS EnumContactsoort: how the municipality tried to reach the resident. Source: schema v0.1 (see README.md).</summary>
public enum ContactKind
{
    [JsonStringEnumMemberName("Mail")] Mail,
    [JsonStringEnumMemberName("Brief")] Letter,
    [JsonStringEnumMemberName("SMS/Whatsapp")] TextMessage,
    [JsonStringEnumMemberName("Telefoon")] Phone,
    [JsonStringEnumMemberName("Huisbezoek")] HomeVisit,
    [JsonStringEnumMemberName("Kaartje")] Card,
    [JsonStringEnumMemberName("Overige")] Other,
}
