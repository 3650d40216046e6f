using System.ComponentModel.DataAnnotations;
namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.RepaymentCompleted"/>.</summary>
public sealed record RepaymentCompleted([property: Display(Name = "Datum van de laatste aflossing")] DateOnly CompletedOn) : IEventData;
