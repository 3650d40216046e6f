using System.Text.Json.Serialization;

namespace Schuldketen.Contracts.Events;

/// <summary>The two forms of a voluntary settlement (minnelijk traject).</summary>
public enum SettlementForm
{
    [JsonStringEnumMemberName("schuldbemiddeling")] DebtMediation,
    [JsonStringEnumMemberName("saneringskrediet")] ConsolidationLoan,
}
