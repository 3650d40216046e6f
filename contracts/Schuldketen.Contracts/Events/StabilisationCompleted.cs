using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.StabilisationCompleted"/>: the inventory of debts, in euros.</summary>
public sealed record StabilisationCompleted(
    [property: Range(0, EventDataLimits.Creditors)] int CreditorCount,
    [property: Range(typeof(decimal), "0", EventDataLimits.MaxAmount)] decimal TotalDebt,
    [property: Range(typeof(decimal), "0", EventDataLimits.MaxAmount)] decimal MonthlyRepaymentCapacity) : IEventData;
