using System.Text.Json.Serialization;

namespace Schuldketen.Contracts.Ddas;

/// <summary>
/// DDAS EnumEindresultaat: how an outreach case ended. Source: the detail model (see README.md), whose
/// list says which results the signal partner may learn; README.md maps them onto schema v0.1.
/// </summary>
public enum EndResult
{
    [JsonStringEnumMemberName("Niet opgepakt: herhaalde melding")] RepeatedSignal,
    [JsonStringEnumMemberName("Niet opgepakt: onterecht signaal")] UnjustifiedSignal,
    [JsonStringEnumMemberName("Inwoner is overleden")] Deceased,
    [JsonStringEnumMemberName("Persoon is geen inwoner (meer) in de gemeente")] NotResident,
    [JsonStringEnumMemberName("Niet opgepakt: andere reden")] NotPickedUpOtherReason,
    [JsonStringEnumMemberName("Inwoner al bekend bij schuldhulpverlening")] KnownToDebtHelp,
    [JsonStringEnumMemberName("Inwoner heeft al een ander lopend traject")] OtherTrajectoryRunning,
    [JsonStringEnumMemberName("Definitief geen contact kunnen krijgen")] NoContact,
    [JsonStringEnumMemberName("Geen reactie na eerder contact")] NoResponseAfterContact,
    [JsonStringEnumMemberName("Inwoner hoeft geen hulp vanuit vroegsignalering")] NoHelpWanted,
    [JsonStringEnumMemberName("Inwoner heeft zelf al betaald/betalingsregeling getroffen")] AlreadyPaid,
    [JsonStringEnumMemberName("(Budget)advies en/of ‘quick fix’")] AdviceOrQuickFix,
    [JsonStringEnumMemberName("Vervolghulp en/of verwijzing financieel")] FinancialFollowUp,
    [JsonStringEnumMemberName("Verwijzing zonder contact")] ReferralWithoutContact,
    [JsonStringEnumMemberName("Vervolghulp en/of verwijzing niet financieel")] NonFinancialFollowUp,
}
