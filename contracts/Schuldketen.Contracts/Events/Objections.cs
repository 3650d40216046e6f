using System.ComponentModel.DataAnnotations;
namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.ObjectionFiled"/> (bezwaar).</summary>
public sealed record ObjectionFiled([property: Display(Name = "Datum van ontvangst")] DateOnly ReceivedOn) : IEventData;

/// <summary>Data of <see cref="EventTypes.ObjectionUpheld"/>.</summary>
public sealed record ObjectionUpheld([property: Display(Name = "Datum van het besluit op bezwaar")] DateOnly DecidedOn) : IEventData;

/// <summary>Data of <see cref="EventTypes.ObjectionDismissed"/>.</summary>
public sealed record ObjectionDismissed([property: Display(Name = "Datum van het besluit op bezwaar")] DateOnly DecidedOn) : IEventData;
