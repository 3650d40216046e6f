using System.ComponentModel.DataAnnotations;

namespace Schuldketen.Contracts.Events;

/// <summary>Data of <see cref="EventTypes.FirstConversationHeld"/>.</summary>
public sealed record FirstConversationHeld(
    [property: Display(Name = "Datum en tijd van het gesprek")] DateTimeOffset HeldAt,
    [property: StringLength(EventDataLimits.Note), Display(Name = "Toelichting")] string? Note = null) : IEventData;
