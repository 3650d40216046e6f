using System.Text.Json.Serialization;

namespace Schuldketen.Contracts.Ddas;

/// <summary>DDAS EnumSignaalpartner: the kind of fixed-charges partner that sent a signal. Source: schema v0.1 (see README.md).</summary>
public enum SignalPartnerType
{
    [JsonStringEnumMemberName("Energie")] Energy,
    [JsonStringEnumMemberName("Huur")] Rent,
    [JsonStringEnumMemberName("Hypotheek")] Mortgage,
    [JsonStringEnumMemberName("CAK Zorgverzekeringen")] CakHealthInsurance,
    [JsonStringEnumMemberName("Zorg")] HealthInsurance,
    [JsonStringEnumMemberName("Water")] Water,
    [JsonStringEnumMemberName("DUO")] Duo,
    [JsonStringEnumMemberName("Belastingdienst")] TaxAuthority,
    [JsonStringEnumMemberName("CAK Eigen bijdrage")] CakPersonalContribution,
    [JsonStringEnumMemberName("Overige")] Other,
    [JsonStringEnumMemberName("Dienst Toeslagen")] BenefitsAgency,
}
