using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.CrisisAverted"/>.</summary>
public sealed record CrisisAverted([property: StringLength(EventDataLimits.Note), Display(Name = "Toelichting")] string? Note = null) : IEventData;
