namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.RepaymentCompleted"/>.</summary>
public sealed record RepaymentCompleted(DateOnly CompletedOn) : IEventData;
