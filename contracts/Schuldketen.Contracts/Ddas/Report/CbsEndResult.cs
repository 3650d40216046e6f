using System.Text.Json.Serialization;

namespace Schuldketen.Contracts.Ddas.Report;

/// <summary>
/// EnumEindresultaat of schema v0.1, the list CBS validates a delivery against. The hub closes cases with the
/// detail model's <see cref="EndResult"/>; <see cref="CbsEndResults"/> maps one onto the other (Ddas/README.md).
/// </summary>
public enum CbsEndResult
{
    [JsonStringEnumMemberName("Niet opgepakt")] NotPickedUp,
    [JsonStringEnumMemberName("Inwoner al bekend bij schuldhulpverlening")] KnownToDebtHelp,
    [JsonStringEnumMemberName("Geen contact (meer) kunnen krijgen")] NoContact,
    [JsonStringEnumMemberName("Inwoner wil geen hulp")] NoHelpWanted,
    [JsonStringEnumMemberName("Inwoner heeft zelf betaald/betalingsregeling getroffen na oppakken melding")] PaidAfterPickUp,
    [JsonStringEnumMemberName("(Budget)advies en/of quick fix")] AdviceOrQuickFix,
    [JsonStringEnumMemberName("Verwijzing financieel")] FinancialReferral,
    [JsonStringEnumMemberName("Verwijzing niet-financieel")] NonFinancialReferral,
    [JsonStringEnumMemberName("Inwoner heeft al ander lopend traject")] OtherTrajectoryRunning,
}
