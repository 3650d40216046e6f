using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.SettlementAgreed"/>: the creditors agreed to the voluntary settlement.</summary>
public sealed record SettlementAgreed(
    [property: Display(Name = "Soort regeling")] SettlementForm Form,
    [property: Display(Name = "Ingangsdatum")] DateOnly StartsOn) : IEventData;

/// <summary>Data of <see cref="EventTypes.ConsolidationLoanGranted"/>: the loan amount in euros.</summary>
public sealed record ConsolidationLoanGranted(
    [property: Range(typeof(decimal), "0", EventDataLimits.MaxAmount), Display(Name = "Bedrag van het krediet", Description = "In euro's, zoals 8000,00.")]
    decimal Amount,
    [property: Display(Name = "Ingangsdatum")] DateOnly StartsOn) : IEventData;
