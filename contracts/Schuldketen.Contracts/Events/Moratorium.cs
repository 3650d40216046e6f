using System.ComponentModel.DataAnnotations;
namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.MoratoriumGranted"/> (art. 287b Fw): the last day it runs.</summary>
public sealed record MoratoriumGranted([property: Display(Name = "Loopt tot en met")] DateOnly Until) : IEventData;

/// <summary>Data of <see cref="EventTypes.MoratoriumEnded"/>: ended by the court before it ran out.</summary>
public sealed record MoratoriumEnded([property: Display(Name = "Beëindigd op")] DateOnly EndedOn) : IEventData;
