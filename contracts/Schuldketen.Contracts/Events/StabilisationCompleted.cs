using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.StabilisationCompleted"/>: the inventory of debts, in euros.</summary>
public sealed record StabilisationCompleted(
    [property: Range(0, EventDataLimits.Creditors), Display(Name = "Aantal schuldeisers")] int CreditorCount,
    [property: Range(typeof(decimal), "0", EventDataLimits.MaxAmount), Display(Name = "Totale schuld", Description = "In euro's, zoals 12500,00.")]
    decimal TotalDebt,
    [property: Range(typeof(decimal), "0", EventDataLimits.MaxAmount),
        Display(Name = "Aflossingscapaciteit per maand", Description = "Wat de inwoner elke maand kan aflossen, in euro's.")]
    decimal MonthlyRepaymentCapacity) : IEventData;
