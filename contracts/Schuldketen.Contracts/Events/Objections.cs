namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.ObjectionFiled"/> (bezwaar).</summary>
public sealed record ObjectionFiled(DateOnly ReceivedOn) : IEventData;

/// <summary>Data of <see cref="EventTypes.ObjectionUpheld"/>.</summary>
public sealed record ObjectionUpheld(DateOnly DecidedOn) : IEventData;

/// <summary>Data of <see cref="EventTypes.ObjectionDismissed"/>.</summary>
public sealed record ObjectionDismissed(DateOnly DecidedOn) : IEventData;
