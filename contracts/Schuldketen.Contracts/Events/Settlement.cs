using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.SettlementAgreed"/>: the creditors agreed to the voluntary settlement.</summary>
public sealed record SettlementAgreed(SettlementForm Form, DateOnly StartsOn) : IEventData;

/// <summary>Data of <see cref="EventTypes.ConsolidationLoanGranted"/>: the loan amount in euros.</summary>
public sealed record ConsolidationLoanGranted(
    [property: Range(typeof(decimal), "0", EventDataLimits.MaxAmount)] decimal Amount,
    DateOnly StartsOn) : IEventData;
